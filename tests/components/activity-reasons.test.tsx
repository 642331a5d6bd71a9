// @vitest-environment happy-dom
// What the activity log says of a change the outbox sends again by itself: why the last try failed,
// without the advice meant for a one-off action ("Try again in a moment."), which would contradict
// the automatic retry. A change that stopped keeps the advice: the user acts on it.
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActivityLog } from '@/components/ActivityLog';
import { useOutbox } from '@/components/state/outbox';
import { GhlError, type GhlClient } from '@/lib/ghl';
import { errorFromResponse } from '@/lib/ghl/errors';
import { activityLog, createOutbox } from '@/lib/outbox';
import { mountEach } from './mount';

const view = mountEach();

/** The log's text for a tag change whose every attempt failed with `error`, after its first attempt. */
async function reasonShown(error: GhlError, maxAttempts: number): Promise<string> {
  fakeBrowser.reset();
  const failing = { tags: { add: () => Promise.reject(error) } } as unknown as GhlClient;
  const outbox = createOutbox({ clientFor: async () => failing, retry: { baseMs: 60_000, maxMs: 60_000, maxAttempts }, log: () => undefined });
  await outbox.enqueue({ kind: 'tag.add', connectionId: 'conn-1', contactId: 'contact-1', tags: ['hot-lead'] });
  for (let tries = 0; !(await outbox.list()).some((r) => r.attempts === 1 && r.state !== 'sending'); tries++) {
    if (tries > 500) throw new Error('the first attempt never ended');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const entries = await activityLog(outbox, async () => 'Ada Park', async () => []);
  outbox.close();
  act(() => {
    useOutbox.setState({ activityOpen: true, activity: { status: 'ready', value: entries }, error: undefined });
    view.root.render(<ActivityLog />);
  });
  return view.host.querySelector('[data-testid=activity-entry] .reason')?.textContent ?? '';
}

describe('the activity log, while the outbox tries a change again by itself', () => {
  it('says why the last try failed, without advice, for a 5xx', async () => {
    expect(await reasonShown(errorFromResponse(503, { message: 'Service Unavailable' }), 12)).toBe(
      'Trying again (1 try so far): HighLevel had a problem answering.',
    );
  });

  it('says why the last try failed, without advice, for a rate limit', async () => {
    expect(await reasonShown(errorFromResponse(429, { message: 'Too many requests' }, { retryAfterMs: 3_000 }), 12)).toBe(
      'Trying again (1 try so far): Too many requests to HighLevel.',
    );
  });

  it('says why the last try failed, without advice, when HighLevel could not be reached', async () => {
    expect(await reasonShown(new GhlError('network', { ambiguous: true }), 12)).toBe('Trying again (1 try so far): Could not reach HighLevel.');
  });

  it('keeps the advice once the change stopped', async () => {
    expect(await reasonShown(errorFromResponse(503, {}), 1)).toBe(
      'HighLevel did not take this after 1 try (HighLevel had a problem answering. Try again in a moment.) Retry it when HighLevel is reachable.',
    );
    expect(await reasonShown(errorFromResponse(401, {}), 12)).toBe('HighLevel no longer accepts this connection. Reconnect to continue.');
  });
});

describe('the activity log, while a change that needs the user holds its contact’s later changes', () => {
  it('says of a later change of that contact what it waits behind, naming it', async () => {
    fakeBrowser.reset();
    const refused = errorFromResponse(422, { message: ['tags must be an array of strings'] });
    const client = { tags: { add: () => Promise.reject(refused) } } as unknown as GhlClient;
    const outbox = createOutbox({ clientFor: async () => client, retry: { baseMs: 60_000, maxMs: 60_000, maxAttempts: 1 }, log: () => undefined });
    await outbox.enqueue({ kind: 'tag.add', connectionId: 'conn-1', contactId: 'contact-1', tags: ['hot-lead'] });
    for (let tries = 0; !(await outbox.list()).some((r) => r.state === 'failed'); tries++) {
      if (tries > 500) throw new Error('the first change never failed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await outbox.enqueue({ kind: 'tag.add', connectionId: 'conn-1', contactId: 'contact-1', tags: ['vip'] });
    const entries = await activityLog(outbox, async () => 'Ada Park', async () => []);
    outbox.close();
    act(() => {
      useOutbox.setState({ activityOpen: true, activity: { status: 'ready', value: entries }, error: undefined });
      view.root.render(<ActivityLog />);
    });
    const shown = [...view.host.querySelectorAll('[data-testid=activity-entry]')].map((li) => [li.getAttribute('data-state'), li.querySelector('.activity-what')?.textContent, li.querySelector('.reason')?.textContent]);
    expect(shown[0]).toEqual(['pending', 'Add tag “\u2068vip\u2069”', 'Waits behind an earlier change to this contact that needs you (Add tag “\u2068hot-lead\u2069”): retry or discard that one first.']);
    expect(shown[1]![0]).toBe('failed');
  });
});

describe('the activity log’s entry for a contact being created', () => {
  it('names the contact in its words only, never “a contact” after them', async () => {
    fakeBrowser.reset();
    const never = { contacts: { create: () => new Promise(() => undefined), upsert: () => new Promise(() => undefined) } } as unknown as GhlClient;
    const outbox = createOutbox({ clientFor: async () => never, log: () => undefined });
    await outbox.enqueue({ kind: 'contact.create', connectionId: 'conn-1', fields: { firstName: 'Hannah', lastName: 'Whitfield', email: 'hannah@orbital.example.org' } });
    const entries = await activityLog(outbox, async () => undefined, async () => []);
    outbox.close();
    act(() => {
      useOutbox.setState({ activityOpen: true, activity: { status: 'ready', value: entries }, error: undefined });
      view.root.render(<ActivityLog />);
    });
    const entry = view.host.querySelector('[data-testid=activity-entry]')!;
    expect(entry.querySelector('.activity-what')!.textContent).toBe('Create contact “\u2068Hannah Whitfield\u2069”');
    expect(entry.textContent).not.toContain('a contact');
  });
});
