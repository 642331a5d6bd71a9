// The content script sends its report without the messaging library: the message it builds must
// be what lib/protocol.ts's `onMessage('reportPeople')` accepts, data and sender intact.
import { afterEach, describe, expect, it } from 'vitest';
import { onMessage, ok } from '@/lib/protocol';
import { sendReport } from '@/lib/detect/report';
import type { PageReport } from '@/lib/detect/types';

type Listener = (message: unknown, sender: object, respond: (r: unknown) => void) => boolean;

/** one extension context: chrome.runtime delivering messages to the listeners registered in it */
function fakeRuntime(sender: object) {
  const listeners: Listener[] = [];
  const runtime = {
    lastError: undefined,
    onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => undefined },
    sendMessage(message: unknown, callback: (r: unknown) => void) {
      for (const l of listeners) l(structuredClone(message), sender, callback);
    },
  };
  (globalThis as unknown as { chrome: unknown }).chrome = { runtime };
  return runtime;
}

afterEach(() => {
  delete (globalThis as unknown as { chrome?: unknown }).chrome;
});

describe('the content script’s report message', () => {
  it('reaches the background’s reportPeople handler with its data and the browser-stamped sender', async () => {
    const sender = { id: 'ext', url: 'https://app.heyreach.io/app/inbox', tab: { id: 7 } };
    const runtime = fakeRuntime(sender);
    const received: { data: unknown; sender: unknown }[] = [];
    const stop = onMessage('reportPeople', (message) => {
      received.push({ data: message.data, sender: message.sender });
      return ok(true as const);
    });
    const report: PageReport = { people: [{ name: 'Amir Haddad', phone: '07911 123456', phoneCountry: 'GB' }], focused: 0, view: 'detail', site: 'generic' };
    sendReport(runtime, report);
    await new Promise((r) => setTimeout(r, 0));
    stop();
    expect(received).toEqual([{ data: report, sender }]);
  });

  it('never throws into the page when the extension is gone', () => {
    const gone = { sendMessage: () => { throw new Error('Extension context invalidated.'); } };
    expect(() => sendReport(gone, { people: [], view: 'other', site: 'generic' })).not.toThrow();
  });
});
