// Writes go through the durable outbox: stored first, shown at once, sent to HighLevel (the
// sandbox), counted on the toolbar badge, rolled back with their reason when HighLevel refuses
// them, settled by the user's choice on a conflict, and tagged in bulk with progress.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { watchOutbox } from '../../lib/outbox';
import { contactViewItem } from '../../lib/protocol';
import { contactRecordItem } from '../../lib/record/keep';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { until } from './helpers';
import { CONTENT_SCRIPT, connectedBackground, stored, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;
let stopWatching: () => void;
let diego: string;

const badge = () => fakeBrowser.action.getBadgeText({});
const activity = () => bg.ask('getActivity', undefined);

beforeAll(async () => {
  sandbox = await openSandbox();
  diego = sandbox.seed.partnerContactIds['Diego Santos']!;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
  stopWatching = watchOutbox(bg.services.outbox);
});
afterEach(() => {
  stopWatching();
  sandbox.setFaults({ latencyMs: 0, errorRate: 0, paths: [], methods: [] });
});

describe('writes through the outbox', () => {
  it('stores a tag change before sending it, and HighLevel gets it once', async () => {
    expect(await bg.ask('addTags', { contactId: diego, tags: ['Outboxed'] })).toContain('outboxed');
    expect((await stored(sandbox, diego)).contact.tags).toContain('outboxed');
    const [entry] = await activity();
    expect(entry).toMatchObject({ what: 'Add tag “\u2068Outboxed\u2069”', state: 'done', contactId: diego });
    const kept = Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('outbox:w:'));
    expect(kept).toHaveLength(1);
  });

  it('answers at once while HighLevel is slow, shows the write after a worker restart, counts it on the badge, then sends it', async () => {
    await bg.ask('getContactDetails', { contactId: diego });
    sandbox.setFaults({ latencyMs: 4_000, paths: ['/contacts/*/tags'] });
    expect(await bg.ask('addTags', { contactId: diego, tags: ['slow-lane'] })).toContain('slow-lane'); // optimistic
    expect((await stored(sandbox, diego)).contact.tags).not.toContain('slow-lane');
    await until(async () => (await badge()) === '1', 'the badge to count the unsent write');

    bg = bg.restart(); // the worker died mid-send; the new one resumes the write
    stopWatching();
    stopWatching = watchOutbox(bg.services.outbox);
    expect((await bg.ask('getContactDetails', { contactId: diego })).details.contact.tags).toContain('slow-lane');
    sandbox.setFaults({ latencyMs: 0, paths: [] });
    await until(async () => (await stored(sandbox, diego)).contact.tags.includes('slow-lane'), 'the tag on the sandbox', 30_000);
    await until(async () => (await badge()) === '', 'the badge to clear', 30_000);
    expect((await stored(sandbox, diego)).contact.tags.filter((t) => t === 'slow-lane')).toHaveLength(1);
  });

  it('ends a write HighLevel refuses as failed, with its reason, rolls it back, and shows “!” in red until discarded', async () => {
    await bg.ask('getContactDetails', { contactId: diego });
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const res = await bg.send('createTask', { contactId: diego, task: { title: 'Refused task', dueDate: due, assignedTo: 'nobody-here' } });
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('assignedTo must be a valid user id') } });
    expect((await bg.ask('getContactDetails', { contactId: diego })).details.tasks.some((t) => t.title === 'Refused task')).toBe(false);
    expect((await contactRecordItem(sandbox.locationId, diego).getValue())?.tasks.some((t) => t.title === 'Refused task')).toBe(false);
    const [entry] = await activity();
    expect(entry).toMatchObject({ what: 'Create task “\u2068Refused task\u2069”', state: 'failed', reason: expect.stringContaining('HighLevel refused the change') });
    await until(async () => (await badge()) === '!', 'the badge to show “!”');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([217, 48, 37, 255]);

    await bg.ask('discardWrite', entry!.id);
    await until(async () => (await badge()) === '', 'the badge to clear');
    expect((await stored(sandbox, diego)).tasks.some((t) => t.title === 'Refused task')).toBe(false);
  });

  it('sends an edited website alone (the only field changed) and HighLevel keeps it as typed', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId: diego });
    const c = details.contact;
    const seen = { firstName: c.firstName ?? '', lastName: c.lastName ?? '', email: c.email ?? '', phone: c.phone ?? '', website: c.website ?? '' };
    const shown = await bg.ask('updateContact', { contactId: diego, fields: { ...seen, website: 'parklabs.io' }, base: { dateUpdated: c.dateUpdated ?? null, values: seen } });
    expect(shown.contact.website).toBe('parklabs.io');
    await until(async () => (await stored(sandbox, diego)).contact.website === 'parklabs.io', 'the website on the sandbox');
    expect((await stored(sandbox, diego)).contact.firstName).toBe(c.firstName);
  });

  it('refuses the new outbox messages from a content script', async () => {
    expect(await bg.send('getActivity', undefined, CONTENT_SCRIPT)).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const bulk = await bg.send('startBulkTags', { contactIds: [diego], tags: ['x'], op: 'add' }, CONTENT_SCRIPT);
    expect(bulk).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });
});

describe('conflicts', () => {
  /** Changes the contact in HighLevel behind the sidebar's back (the sandbox's own API). */
  const changeInHighLevel = (contactId: string, fields: Record<string, string>) =>
    fetch(`${sandbox.baseUrl}/contacts/${contactId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
      body: JSON.stringify(fields),
    });

  async function editAfterSomeoneElse(contactId: string, theirs: string, mine: string) {
    const { details } = await bg.ask('getContactDetails', { contactId });
    const seen = { firstName: details.contact.firstName ?? '', lastName: details.contact.lastName ?? '' };
    await new Promise((r) => setTimeout(r, 5)); // HighLevel's dateUpdated has millisecond steps
    await changeInHighLevel(contactId, { firstName: theirs });
    await bg.ask('updateContact', { contactId, fields: { ...seen, firstName: mine }, base: { dateUpdated: details.contact.dateUpdated ?? null, values: seen } });
    await until(async () => (await activity())[0]?.state === 'conflict', 'the conflict');
    return (await activity())[0]!;
  }

  it('shows both values, and “mine” reaches HighLevel', async () => {
    const entry = await editAfterSomeoneElse(diego, 'Diego-Theirs', 'Diego-Mine');
    expect(entry.conflict?.fields).toEqual([{ field: 'firstName', label: 'First name', theirs: 'Diego-Theirs', ours: 'Diego-Mine' }]);
    expect((await bg.ask('getOutboxStatus', undefined)).conflicts).toBe(1);
    await bg.ask('resolveConflict', { writeId: entry.id, choice: 'mine' });
    await until(async () => (await stored(sandbox, diego)).contact.firstName === 'Diego-Mine', 'my value on the sandbox');
  });

  it('keeps HighLevel’s value when the user chooses “theirs”', async () => {
    const entry = await editAfterSomeoneElse(diego, 'Diego-Kept', 'Diego-Dropped');
    await bg.ask('resolveConflict', { writeId: entry.id, choice: 'theirs' });
    await until(async () => (await activity()).find((e) => e.id === entry.id)?.state === 'discarded', 'the edit dropped');
    expect((await stored(sandbox, diego)).contact.firstName).toBe('Diego-Kept');
  });
});

describe('bulk tags', () => {
  it('tags 120 contacts in chunks with progress, then untags them', async () => {
    const ids = sandbox.state.contactsOf(sandbox.locationId).slice(0, 120).map((c) => c.id);
    const job = await bg.ask('startBulkTags', { contactIds: ids, tags: ['bulk-wired'], op: 'add' });
    expect(job).toMatchObject({ total: 120, state: 'running', op: 'add' });
    await until(async () => (await bg.ask('getOutboxStatus', undefined)).jobs[0]?.state === 'done', 'the job to finish');
    expect((await bg.ask('getOutboxStatus', undefined)).jobs[0]).toMatchObject({ done: 120, failed: 0, total: 120 });
    for (const id of ids) expect((await stored(sandbox, id)).contact.tags).toContain('bulk-wired');

    await bg.ask('startBulkTags', { contactIds: ids, tags: ['bulk-wired'], op: 'remove' });
    await until(async () => (await bg.ask('getOutboxStatus', undefined)).jobs.filter((j) => j.state === 'done').length === 2, 'the untag job');
    expect((await stored(sandbox, ids[0]!)).contact.tags).not.toContain('bulk-wired');
  });
});

describe('where a bulk job was started', () => {
  it('is the tab the sidebar follows, with the page the browser stamped on its report (no query), kept across a restart', async () => {
    const report = { people: [{ name: 'Diego Santos' }], focused: 0, view: 'detail' as const, site: 'heyreach' };
    expect(await bg.send('reportPeople', report, { ...CONTENT_SCRIPT, url: 'https://app.heyreach.io/app/inbox?session=secret#top' })).toMatchObject({ ok: true });
    const job = await bg.ask('startBulkTags', { contactIds: [diego], tags: ['bulk-here'], op: 'add', tabId: 7 });
    const inbox = { tabId: 7, page: 'app.heyreach.io/app/inbox' };
    expect(job.startedOn).toEqual(inbox);
    await until(async () => (await bg.ask('getOutboxStatus', undefined)).jobs[0]?.state === 'done', 'the job to finish');
    bg = bg.restart();
    expect((await bg.ask('getOutboxStatus', undefined)).jobs[0]).toMatchObject({ jobId: job.jobId, startedOn: inbox });
    // a tab that reported no page: nothing to name
    expect((await bg.ask('startBulkTags', { contactIds: [diego], tags: ['bulk-here'], op: 'remove', tabId: 99 })).startedOn).toBeUndefined();
  });
});

describe('a running bulk job on the shown record (#15)', () => {
  it('shows its tag at once on a contact it has not reached, and the record HighLevel has when the job ends', async () => {
    await bg.ask('getContactDetails', { contactId: diego });
    sandbox.setFaults({ latencyMs: 5_000, paths: ['/contacts/bulk/*'] });
    await bg.ask('startBulkTags', { contactIds: [diego], tags: ['bulk-shown'], op: 'add' });
    // while the job is sent: the sidebar's answer and the record it watches show the tag
    expect((await bg.ask('getContactDetails', { contactId: diego })).details.contact.tags).toContain('bulk-shown');
    await until(async () => !!(await contactViewItem(sandbox.locationId, diego).getValue())?.contact.tags.includes('bulk-shown'), 'the kept record to show the tag');
    expect((await stored(sandbox, diego)).contact.tags).not.toContain('bulk-shown');
    // changed in HighLevel meanwhile, by someone else
    await fetch(`${sandbox.baseUrl}/contacts/${diego}/tags`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: ['tagged-elsewhere'] }),
    });
    await until(async () => (await bg.ask('getOutboxStatus', undefined)).jobs[0]?.state === 'done', 'the job to finish');
    // the job ended: the record is read again (it shows the other change too), the tag stays
    await until(async () => !!(await contactViewItem(sandbox.locationId, diego).getValue())?.contact.tags.includes('tagged-elsewhere'), 'the record read again');
    expect((await contactViewItem(sandbox.locationId, diego).getValue())!.contact.tags).toContain('bulk-shown');
  });
});

describe('a page report', () => {
  it('starts matching the page and reading the focused person’s record before the sidebar asks', async () => {
    const maya = sandbox.seed.partnerContactIds['Maya Okafor']!;
    const report = { people: [{ name: 'Maya Okafor', email: 'maya.okafor@brightpath.io' }], focused: 0, view: 'detail' as const, site: 'heyreach' };
    await bg.send('reportPeople', report, CONTENT_SCRIPT);
    await until(async () => (await contactRecordItem(sandbox.locationId, maya).getValue()) !== null, 'the prefetched record');
    expect(await bg.ask('getContactDetails', { contactId: maya })).toMatchObject({ revalidating: false, details: { contact: { id: maya } } });
  });

  it('does not look the people up again when the sidebar asks with their fields in another order (one search for the three)', async () => {
    const people = sandbox.state.contactsOf(sandbox.locationId).filter((c) => c.email && c.firstName).slice(5, 8).map((c) => ({ name: `${c.firstName} ${c.lastName}`, email: c.email! }));
    const searches = async () => ((await (await fetch(`${sandbox.baseUrl}/__admin/requests?limit=200`)).json()) as { requests: { path: string }[] }).requests.filter((r) => r.path === '/contacts/search').length;
    const before = await searches();
    await bg.send('reportPeople', { people, view: 'list', site: 'heyreach' }, CONTENT_SCRIPT);
    const sorted = people.map(({ email, name }) => ({ email, name })); // as browser storage hands them back
    expect((await bg.ask('matchPeople', sorted)).map((m) => m.state)).toEqual(['matched', 'matched', 'matched']);
    expect((await searches()) - before).toBe(1);
  });
});
