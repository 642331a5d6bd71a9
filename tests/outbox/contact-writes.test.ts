// Every change the sidebar asks for, carried out in the sandbox's GHL: tags, tasks and notes of a
// contact, creating a person missing from GHL (then matched), and refusal of writes from pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partnerPeople } from '../../sandbox/partners/people';
import type { DetectedPerson } from '../../lib/detect';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { CONTENT_SCRIPT, connectedBackground, stored, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;
let diego: string;

beforeAll(async () => {
  // not a rate-limit test: every test connects again (scope probes) and reads the location's lists
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
  diego = sandbox.seed.partnerContactIds['Diego Santos']!;
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

describe('tags', () => {
  it('adds and removes a tag on the contact, and keeps the shown record in step', async () => {
    await bg.ask('getContactDetails', { contactId: diego });
    expect(await bg.ask('addTags', { contactId: diego, tags: [' Hot-Lead '] })).toContain('hot-lead');
    expect((await stored(sandbox, diego)).contact.tags).toContain('hot-lead');
    expect((await bg.ask('getContactDetails', { contactId: diego })).details.contact.tags).toContain('hot-lead');
    expect((await bg.ask('getLocationLists', undefined)).tags[0]).toBe('Hot-Lead'); // used lately: first

    expect(await bg.ask('removeTags', { contactId: diego, tags: ['hot-lead'] })).not.toContain('hot-lead');
    expect((await stored(sandbox, diego)).contact.tags).not.toContain('hot-lead');
    expect((await bg.ask('getContactDetails', { contactId: diego })).details.contact.tags).not.toContain('hot-lead');
  });

  it('refuses an empty tag with a reason, before sending anything', async () => {
    const before = (await stored(sandbox, diego)).contact.tags;
    const res = await bg.send('addTags', { contactId: diego, tags: ['  '] });
    expect(res).toMatchObject({ ok: false, error: { kind: 'validation', message: 'Type a tag name first.' } });
    expect((await stored(sandbox, diego)).contact.tags).toEqual(before);
  });

  it('refuses a tag over 100 characters, for one contact and in bulk alike, before anything is stored or sent', async () => {
    const long = 'x'.repeat(101);
    const before = (await stored(sandbox, diego)).contact.tags;
    const one = await bg.send('addTags', { contactId: diego, tags: ['fine', long] });
    const bulk = await bg.send('startBulkTags', { contactIds: [diego], tags: ['fine', long], op: 'add' });
    for (const res of [one, bulk]) expect(res).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringContaining('100 characters') } });
    expect((await bg.ask('getOutboxStatus', undefined)).jobs).toEqual([]);
    expect((await stored(sandbox, diego)).contact.tags).toEqual(before);
  });

  it('refuses writes sent by a content script, and changes nothing', async () => {
    const before = (await stored(sandbox, diego)).contact.tags;
    const res = await bg.send('addTags', { contactId: diego, tags: ['from-a-page'] }, CONTENT_SCRIPT);
    expect(res).toMatchObject({ ok: false, error: { kind: 'refused' } });
    const note = await bg.send('createNote', { contactId: diego, body: 'from a page' }, CONTENT_SCRIPT);
    expect(note).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect((await stored(sandbox, diego)).contact.tags).toEqual(before);
    expect((await stored(sandbox, diego)).notes.some((n) => n.body === 'from a page')).toBe(false);
  });
});

describe('tasks and notes', () => {
  it('adds a task with an assignee, edits it, completes and reopens it, and deletes it', async () => {
    const { users } = await bg.ask('getLocationLists', undefined);
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const created = await bg.ask('createTask', { contactId: diego, task: { title: 'Send proposal', dueDate: due, assignedTo: users[0]!.id } });
    const task = created.tasks.find((t) => t.title === 'Send proposal')!;
    expect(task).toMatchObject({ completed: false, assigneeName: users[0]!.name });
    expect((await stored(sandbox, diego)).tasks.find((t) => t.id === task.id)).toMatchObject({ title: 'Send proposal', assignedTo: users[0]!.id });

    const edited = await bg.ask('updateTask', { contactId: diego, taskId: task.id, task: { title: 'Send signed proposal' } });
    expect(edited.tasks.find((t) => t.id === task.id)?.title).toBe('Send signed proposal');

    const done = await bg.ask('setTaskCompleted', { contactId: diego, taskId: task.id, completed: true });
    expect(done.tasks.find((t) => t.id === task.id)?.completed).toBe(true);
    expect(done.tasks.findIndex((t) => t.id === task.id)).toBeGreaterThanOrEqual(done.tasks.filter((t) => !t.completed).length); // open first
    expect((await stored(sandbox, diego)).tasks.find((t) => t.id === task.id)?.completed).toBe(true);
    const reopened = await bg.ask('setTaskCompleted', { contactId: diego, taskId: task.id, completed: false });
    expect(reopened.tasks.find((t) => t.id === task.id)?.completed).toBe(false);

    const gone = await bg.ask('deleteTask', { contactId: diego, taskId: task.id });
    expect(gone.tasks.some((t) => t.id === task.id)).toBe(false);
    expect((await stored(sandbox, diego)).tasks.some((t) => t.id === task.id)).toBe(false);
  });

  it('refuses a task without a title or due date', async () => {
    const res = await bg.send('createTask', { contactId: diego, task: { title: ' ', dueDate: 'soon' } });
    expect(res).toMatchObject({ ok: false, error: { kind: 'validation', message: 'A task needs a title.' } });
  });

  it('adds a note (shown first), edits it and deletes it', async () => {
    const added = await bg.ask('createNote', { contactId: diego, body: 'Prefers email after 5pm.' });
    const note = added.notes[0]!;
    expect(note.body).toBe('Prefers email after 5pm.');
    const edited = await bg.ask('updateNote', { contactId: diego, noteId: note.id, body: 'Prefers email after 6pm.' });
    expect(edited.notes.find((n) => n.id === note.id)?.body).toBe('Prefers email after 6pm.');
    expect((await stored(sandbox, diego)).notes.find((n) => n.id === note.id)?.body).toBe('Prefers email after 6pm.');
    const gone = await bg.ask('deleteNote', { contactId: diego, noteId: note.id });
    expect(gone.notes.some((n) => n.id === note.id)).toBe(false);
    expect((await stored(sandbox, diego)).notes.some((n) => n.id === note.id)).toBe(false);
  });
});

describe('creating a person missing from GHL', () => {
  const kenji = partnerPeople.find((p) => p.lastName === 'Watanabe')!;
  const person: DetectedPerson = { name: 'Kenji Watanabe', linkedin: kenji.linkedin, company: kenji.company, title: kenji.title };

  it('creates the contact with the mapped fields and default tags, then matches the person to it', async () => {
    const { customFields } = await bg.ask('getLocationLists', undefined);
    const jobTitle = customFields.find((f) => f.name === 'Job Title')!;
    await bg.ask('saveSettings', {
      defaultTagsForNewContacts: ['from-sidebar'],
      createMapping: { titleField: jobTitle.id, linkedinTo: 'website', companyTo: 'companyName' },
    });
    expect((await bg.ask('matchPeople', [person]))[0]!.state).toBe('missing');

    const match = await bg.ask('createContact', { person, site: 'heyreach' });
    // HighLevel's search index has not seen the new contact yet: the person is matched to it
    // through the link the background stores for them (hence "linked by you")
    expect(match).toMatchObject({ state: 'matched', reason: 'linked-by-you', contact: { name: 'Kenji Watanabe', companyName: 'Sora Analytics' } });
    const record = await stored(sandbox, match.contact!.id);
    expect(record.contact).toMatchObject({
      firstName: 'Kenji',
      lastName: 'Watanabe',
      website: kenji.linkedin,
      companyName: 'Sora Analytics',
      source: 'GHL Sidebar – heyreach',
      tags: ['from-sidebar'],
    });
    expect(record.contact.customFields).toEqual([{ id: jobTitle.id, value: 'Data Lead' }]);
    expect((await bg.ask('matchPeople', [person]))[0]).toMatchObject({ state: 'matched', contact: { id: match.contact!.id } });
  });

  it('sends a page’s values to HighLevel cleaned: no controls, bidi overrides or markup, a LinkedIn profile only with a valid slug', async () => {
    await bg.ask('saveSettings', { createMapping: { titleField: null, linkedinTo: 'website', companyTo: 'companyName' } });
    const hostile: DetectedPerson = {
      name: 'Zoë\u202e \u0007Quint\u200b',
      email: 'zoe.quint@example.org',
      company: '<b>Quint</b> & Co',
      linkedin: 'https://www.linkedin.com/in/%22%3E%3Csvg%2Fonload%3Dalert(1)%3E',
    };
    const match = await bg.ask('createContact', { person: hostile, site: 'generic\u202e' });
    const { contact } = await stored(sandbox, match.contact!.id);
    expect(contact).toMatchObject({ firstName: 'Zoë', lastName: 'Quint', source: 'GHL Sidebar – generic' });
    expect(contact.companyName).toBeUndefined();
    expect(contact.website).toBeUndefined();
    const named = await bg.send('createContact', { person: { name: '<img src=x onerror=alert(1)>' }, site: 'generic' });
    expect(named).toMatchObject({ ok: false, error: { message: 'This person has no name, email or phone to create a contact with.' } });
  });

  it('keeps what the mapping says not to keep out of the new contact', async () => {
    await bg.ask('saveSettings', { createMapping: { titleField: null, linkedinTo: 'none', companyTo: 'none' } });
    const match = await bg.ask('createContact', { person: { name: 'Noah Goldberg', email: 'noah@goldbergcpa.com', company: 'Goldberg CPA', title: 'CPA' }, site: 'sproutvideo' });
    expect(match).toMatchObject({ state: 'matched', reason: 'linked-by-you' }); // the search index lags (above)
    const { contact } = await stored(sandbox, match.contact!.id);
    expect(contact.companyName).toBeUndefined();
    expect(contact.customFields).toEqual([]);
    expect(contact.tags).toEqual([]);
  });
});
