// Sends a page's report to the background in the wire format of @webext-core/messaging (what
// lib/protocol.ts's `onMessage('reportPeople')` listens for: { id, type, data, timestamp }),
// with the browser's own runtime.sendMessage. The content script sends only this one message
// and needs no answer, so it carries neither the messaging library nor the browser polyfill.
import type { ProtocolMap } from '../protocol';

/** the part of chrome.runtime / browser.runtime used here (callback form: Chrome and Firefox) */
export interface MessageRuntime {
  sendMessage(message: unknown, callback: (response: unknown) => void): void;
  lastError?: unknown;
}

export interface ReportMessage {
  id: number;
  type: 'reportPeople';
  data: Parameters<ProtocolMap['reportPeople']>[0];
  timestamp: number;
}

let nextId = Math.floor(Math.random() * 1e4);

/** sends the report; a background that is restarting misses it, and the next change reports again */
export function sendReport(runtime: MessageRuntime, data: ReportMessage['data']): void {
  const message: ReportMessage = { id: nextId++, type: 'reportPeople', data, timestamp: Date.now() };
  try {
    runtime.sendMessage(message, () => void runtime.lastError); // reading lastError keeps the console quiet
  } catch { /* the extension was reloaded: this page's script is gone */ }
}
