// The record's sections as the sidebar uses them, through the background's messages against the
// sandbox: do-not-disturb per channel, custom fields by type, owner and followers, opportunities
// and workflows; each write through the outbox, conflict-checked, in the activity log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContactDetails, FieldChanges } from '../../lib/protocol';
import { openSandbox, type Sandbox } from '../ghl/sandbox-helpers';
import { until } from '../outbox/helpers';
import { connectedBackground, type Background } from '../background/harness';

let sandbox: Sandbox;
let bg: Background;
let contactId: string;

beforeAll(async () => {
  // the rate limit is not what this file tests: every test connects again and reads the lists
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  bg = await connectedBackground(sandbox);
});

const contact = () => sandbox.state.contacts.get(contactId)!;
const activity = () => bg.ask('getActivity', undefined);
const put = (id: string, body: unknown) =>
  fetch(`${sandbox.baseUrl}/contacts/${id}`, { method: 'PUT', headers: { Authorization: `Bearer ${sandbox.token}`, Version: '2021-07-28', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const puts = async () => (await (await fetch(`${sandbox.baseUrl}/__admin/requests?limit=2000`)).json() as { requests: { method: string; path: string }[] }).requests.filter((r) => r.method === 'PUT' && r.path === `/contacts/${contactId}`);
async function edit(details: ContactDetails, changes: FieldChanges, seen: FieldChanges) {
  return bg.ask('editContactFields', { contactId, changes, base: { dateUpdated: details.contact.dateUpdated ?? null, values: seen } });
}
const field = (key: string) => sandbox.state.customFields.get(sandbox.locationId)!.find((f) => f.fieldKey === `contact.${key}`)!;

describe('do not disturb per channel', () => {
  beforeAll(() => {
    contactId = sandbox.seed.partnerContactIds['Sofia Lindqvist']!;
  });

  it('SMS on: one PUT with only do-not-disturb, the other channels as HighLevel has them', async () => {
    await put(contactId, { dndSettings: { Email: { status: 'active', message: 'Bounced' } } });
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    expect(details.contact.dndSettings).toEqual({ Email: { status: 'active', message: 'Bounced' } });
    const shown = await edit(details, { 'dndSettings.SMS': 'active' }, { 'dndSettings.SMS': 'inactive' });
    expect(shown.contact.dndSettings?.SMS?.status).toBe('active');
    await until(() => contact().dndSettings?.SMS?.status === 'active', 'SMS on the sandbox');
    expect(contact().dndSettings).toEqual({ Email: { status: 'active', message: 'Bounced' }, SMS: { status: 'active' } });
    expect((await activity())[0]).toMatchObject({ what: 'Change SMS do-not-disturb', state: 'done' });
  });

  it('a change of another channel made meanwhile is kept; a change of the same channel is a conflict', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    await new Promise((r) => setTimeout(r, 5));
    await put(contactId, { dndSettings: { ...contact().dndSettings, Call: { status: 'active' } } });
    await edit(details, { 'dndSettings.SMS': 'inactive' }, { 'dndSettings.SMS': 'active' });
    await until(() => contact().dndSettings?.SMS?.status === 'inactive', 'SMS off');
    expect(contact().dndSettings?.Call?.status).toBe('active'); // not overwritten by our PUT
    expect((await activity())[0]?.state).toBe('done');

    const seen = (await bg.ask('getContactDetails', { contactId, fresh: true })).details;
    await new Promise((r) => setTimeout(r, 5));
    await put(contactId, { dndSettings: { ...contact().dndSettings, WhatsApp: { status: 'permanent' } } });
    await edit(seen, { 'dndSettings.WhatsApp': 'active' }, { 'dndSettings.WhatsApp': 'inactive' });
    await until(async () => (await activity())[0]?.state === 'conflict', 'the conflict');
    const entry = (await activity())[0]!;
    expect(entry.conflict?.fields).toEqual([{ field: 'dndSettings.WhatsApp', label: 'Do not disturb by WhatsApp', theirs: 'permanent', ours: 'active' }]);
    await bg.ask('resolveConflict', { writeId: entry.id, choice: 'theirs' });
    await until(async () => (await activity())[0]?.state === 'discarded', 'theirs kept');
    expect(contact().dndSettings?.WhatsApp?.status).toBe('permanent');
  });

  it('a permanent channel cannot be switched from here', async () => {
    await put(contactId, { dndSettings: { ...contact().dndSettings, Email: { status: 'permanent' } } });
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const res = await bg.send('editContactFields', { contactId, changes: { 'dndSettings.Email': 'inactive' }, base: { dateUpdated: details.contact.dateUpdated ?? null, values: { 'dndSettings.Email': 'permanent' } } });
    expect(res).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringContaining('set permanently') } });
  });
});

describe('custom fields by type', () => {
  beforeAll(() => {
    contactId = sandbox.seed.partnerContactIds['Amelia Clarke']!;
  });

  it('a date and a dropdown: sent as customFields in the write format, only those two', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const lists = await bg.ask('getLocationLists', undefined);
    expect(lists.customFields.map((f) => f.kind)).toEqual(expect.arrayContaining(['text', 'largeText', 'number', 'money', 'date', 'single', 'multiple', 'phone', 'email', 'url', 'unsupported']));
    const before = (await puts()).length;
    const date = `customFields.${field('renewal_date').id}`;
    const plan = `customFields.${field('plan').id}`;
    const shown = await edit(details, { [date]: '2027-04-30', [plan]: 'Scale' }, { [date]: null, [plan]: null });
    expect(shown.contact.customFields.find((f) => f.name === 'Plan')).toMatchObject({ value: 'Scale' });
    await until(() => contact().customFields.some((f) => f.id === field('plan').id && f.value === 'Scale'), 'the plan on the sandbox');
    expect(contact().customFields).toEqual(expect.arrayContaining([{ id: field('renewal_date').id, value: '2027-04-30' }]));
    expect((await puts()).length - before).toBe(1);
    expect((await activity())[0]).toMatchObject({ what: 'Change Renewal Date, Plan', state: 'done' });
  });

  it('checks each value by its type before anything is queued', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId });
    const tries: [string, unknown, RegExp][] = [
      [`customFields.${field('deal_size').id}`, 'lots', /Deal Size must be a number/],
      [`customFields.${field('renewal_date').id}`, '30/04/2027', /Renewal Date must be a date/],
      [`customFields.${field('plan').id}`, 'Platinum', /Choose Plan from its options/],
      [`customFields.${field('interests').id}`, ['SEO', 'Knitting'], /Choose Interests from its options/],
      [`customFields.${field('billing_email').id}`, 'not-an-email', /Billing Email must be an email/],
      [`customFields.${field('portfolio').id}`, 'ftp://x', /Portfolio must be a web address/],
      [`customFields.${field('contract').id}`, 'x', /Contract cannot be changed from the sidebar/],
    ];
    const queued = (await activity()).length;
    for (const [key, value, message] of tries) {
      const res = await bg.send('editContactFields', { contactId, changes: { [key]: value as string }, base: { dateUpdated: details.contact.dateUpdated ?? null, values: {} } });
      expect(res).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(message) } });
    }
    expect((await activity()).length).toBe(queued);
  });

  it('a custom field changed meanwhile in HighLevel is a conflict of that field only', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const plan = field('plan');
    const size = field('deal_size');
    await new Promise((r) => setTimeout(r, 5));
    await put(contactId, { customFields: [{ id: plan.id, field_value: 'Enterprise' }] });
    await edit(details, { [`customFields.${plan.id}`]: 'Starter', [`customFields.${size.id}`]: 1200 }, { [`customFields.${plan.id}`]: 'Scale', [`customFields.${size.id}`]: null });
    await until(async () => (await activity())[0]?.state === 'conflict', 'the conflict');
    const entry = (await activity())[0]!;
    expect(entry.conflict?.fields).toEqual([{ field: `customFields.${plan.id}`, label: 'Plan', theirs: 'Enterprise', ours: 'Starter' }]);
    await bg.ask('resolveConflict', { writeId: entry.id, choice: 'theirs' });
    await until(() => contact().customFields.some((f) => f.id === size.id), 'the unconflicted field sent');
    expect(contact().customFields.find((f) => f.id === plan.id)?.value).toBe('Enterprise');
  });

  it('values of fields the location does not list stay hidden and are never sent or lost', async () => {
    contactId = sandbox.seed.partnerContactIds['Maya Okafor']!;
    const retired = { id: 'RetiredFieldId000001', value: 'kept-as-is' };
    contact().customFields.push(retired);
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    expect(JSON.stringify(details)).not.toContain('kept-as-is');
    const size = `customFields.${field('deal_size').id}`;
    await edit(details, { [size]: 2500 }, { [size]: null });
    await until(() => contact().customFields.some((f) => f.id === field('deal_size').id), 'the change on the sandbox');
    expect(contact().customFields).toContainEqual(retired);
  });
});

describe('owner and followers', () => {
  beforeAll(() => {
    contactId = sandbox.seed.partnerContactIds['Tom Becker']!;
  });

  it('assigns an owner, and nobody again', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const users = (await bg.ask('getLocationLists', undefined)).users;
    const other = users.find((u) => u.id !== details.contact.assignedTo)!;
    const shown = await edit(details, { assignedTo: other.id }, { assignedTo: details.contact.assignedTo ?? null });
    expect(shown.contact.ownerName).toBe(other.name);
    await until(() => contact().assignedTo === other.id, 'the owner on the sandbox');
    const now = (await bg.ask('getContactDetails', { contactId, fresh: true })).details;
    await edit(now, { assignedTo: null }, { assignedTo: other.id });
    await until(() => contact().assignedTo === undefined, 'nobody');
    expect((await activity())[0]).toMatchObject({ what: 'Change owner', state: 'done' });
  });

  it('adds and removes followers, at most ten', async () => {
    const users = (await bg.ask('getLocationLists', undefined)).users;
    await bg.ask('setFollowers', { contactId, add: users.slice(0, 2).map((u) => u.id), remove: [] });
    await until(() => contact().followers.length === 2, 'two followers');
    const shown = await bg.ask('setFollowers', { contactId, add: [], remove: [users[0]!.id] });
    expect(shown.contact.followers).toEqual([users[1]!.id]);
    await until(() => contact().followers.length === 1, 'one follower');
    expect((await activity())[0]).toMatchObject({ what: 'Remove 1 follower' });
    contact().followers = Array.from({ length: 10 }, (_, i) => users[i % users.length]!.id);
    await bg.ask('getContactDetails', { contactId, fresh: true });
    const extra = users.find((u) => !contact().followers.includes(u.id));
    const res = await bg.send('setFollowers', { contactId, add: [extra?.id ?? users[0]!.id], remove: [] });
    if (extra) expect(res).toMatchObject({ ok: false, error: { message: 'A contact can have at most 10 followers.' } });
    contact().followers = [];
  });
});

describe('opportunities and workflows from the card', () => {
  beforeAll(() => {
    contactId = sandbox.seed.partnerContactIds['Maya Okafor']!;
  });

  it('moves the opportunity to the next stage, marks it won, creates one (remembered pipeline and stage), with names', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const lists = await bg.ask('getLocationLists', undefined);
    const [opp] = details.opportunities!;
    expect(opp).toMatchObject({ name: 'BrightPath – Growth retainer', pipelineName: 'Sales Pipeline', stageName: 'Contacted', status: 'open', value: 4800 });
    const sales = lists.pipelines.find((p) => p.id === opp!.pipelineId)!;
    const next = sales.stages[sales.stages.findIndex((s) => s.id === opp!.stageId) + 1]!;
    const moved = await bg.ask('moveOpportunity', { contactId, opportunityId: opp!.id, pipelineId: sales.id, stageId: next.id, base: { updatedAt: opp!.updatedAt ?? null, stageId: opp!.stageId } });
    expect(moved.opportunities![0]).toMatchObject({ stageName: 'Proposal Sent' });
    const won = await bg.ask('setOpportunityStatus', { contactId, opportunityId: opp!.id, status: 'won', base: { updatedAt: moved.opportunities![0]!.updatedAt ?? null, status: 'open' } });
    expect(won.opportunities!.find((o) => o.id === opp!.id)).toMatchObject({ status: 'won' });
    await until(() => sandbox.state.opportunities.get(opp!.id)?.status === 'won', 'won on the sandbox');
    expect(sandbox.state.opportunities.get(opp!.id)!.pipelineStageId).toBe(next.id);

    const partnerships = lists.pipelines[1]!;
    const created = await bg.ask('createOpportunity', { contactId, opportunity: { pipelineId: partnerships.id, stageId: partnerships.stages[1]!.id, name: 'Maya Okafor', value: 1200 } });
    expect(created.opportunities!.some((o) => o.name === 'Maya Okafor' && o.pipelineName === 'Partnerships' && o.stageName === 'Evaluating')).toBe(true);
    await until(() => sandbox.state.opportunitiesOf(contactId).some((o) => o.name === 'Maya Okafor'), 'the new opportunity on the sandbox');
    expect((await bg.ask('getLocationLists', undefined)).opportunityDefaults).toEqual({ pipelineId: partnerships.id, stageId: partnerships.stages[1]!.id });
    const what = (await activity()).slice(0, 3).map((e) => e.what);
    expect(what).toEqual(['Create opportunity “\u2068Maya Okafor\u2069”', 'Mark an opportunity won', 'Move an opportunity to another stage']);
  });

  it('adds the contact to a published workflow, shows it as added from here, and removes it', async () => {
    const { workflows } = await bg.ask('getLocationLists', undefined);
    expect(workflows.map((w) => w.name)).toEqual(['Appointment reminders', 'New lead nurture', 'Webinar follow-up']);
    const added = await bg.ask('addToWorkflow', { contactId, workflowId: workflows[1]!.id });
    expect(added.workflowsAdded).toEqual([expect.objectContaining({ workflowId: workflows[1]!.id, name: 'New lead nurture' })]);
    await until(() => sandbox.state.enrolmentsOf(contactId).some((r) => r.active), 'the contact in the workflow');
    const fresh = await bg.ask('getContactDetails', { contactId, fresh: true });
    expect(fresh.details.workflowsAdded).toEqual([expect.objectContaining({ name: 'New lead nurture', addedAt: expect.any(Number) })]);
    const removed = await bg.ask('removeFromWorkflow', { contactId, workflowId: workflows[1]!.id });
    expect(removed.workflowsAdded).toEqual([]);
    await until(() => !sandbox.state.enrolmentsOf(contactId).some((r) => r.active), 'the contact out of the workflow');
    expect((await activity()).slice(0, 2).map((e) => e.what)).toEqual(['Remove from workflow “\u2068New lead nurture\u2069”', 'Add to workflow “\u2068New lead nurture\u2069”']);
    const draft = sandbox.state.workflows.get(sandbox.locationId)!.find((w) => w.status === 'draft')!;
    expect(await bg.send('addToWorkflow', { contactId, workflowId: draft.id })).toMatchObject({ ok: false, error: { message: 'That workflow is not published in this location.' } });
  });

  it('marks an opportunity lost with a lost reason, opens it again, and marks it abandoned; each on the sandbox and in the activity log', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const { lostReasons } = await bg.ask('getLocationLists', undefined);
    const opp = details.opportunities!.find((o) => o.status === 'open')!;
    const onSandbox = () => sandbox.state.opportunities.get(opp.id)!;
    const step = async (status: 'lost' | 'open' | 'abandoned', from: 'lost' | 'open', lostReasonId?: string) => {
      const current = (await bg.ask('getContactDetails', { contactId, fresh: true })).details.opportunities!.find((o) => o.id === opp.id)!;
      const shown = await bg.ask('setOpportunityStatus', { contactId, opportunityId: opp.id, status, lostReasonId, base: { updatedAt: current.updatedAt ?? null, status: from } });
      expect(shown.opportunities!.find((o) => o.id === opp.id)).toMatchObject({ status });
      await until(() => onSandbox().status === status, `${status} on the sandbox`);
    };
    await step('lost', 'open', lostReasons[0]!.id);
    expect(onSandbox().lostReasonId).toBe(lostReasons[0]!.id);
    await step('open', 'lost');
    await step('abandoned', 'open');
    await until(async () => (await activity())[0]?.state === 'done', 'the last change saved');
    expect((await activity()).slice(0, 3).map((e) => `${e.what}: ${e.state}`)).toEqual([
      'Mark an opportunity abandoned: done', 'Reopen an opportunity: done', 'Mark an opportunity lost: done',
    ]);
  });
});

describe('answers lost after HighLevel applied the change', () => {
  /** The next matching request is carried out and answered with a 5xx; later ones go through. */
  async function loseNextAnswer(methods: string[], paths: string[]) {
    const before = sandbox.ctx.faults.counts.errorsAfter;
    sandbox.setFaults({ errorAfterRate: 1, methods, paths });
    return async () => {
      await until(() => sandbox.ctx.faults.counts.errorsAfter > before, 'the lost answer');
      sandbox.setFaults({ errorAfterRate: 0, methods: [], paths: [] });
    };
  }

  it('a custom field, do-not-disturb and the owner in one edit: sent again, not taken for a conflict, applied once', async () => {
    contactId = sandbox.seed.partnerContactIds['Rahul Mehta']!;
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const user = (await bg.ask('getLocationLists', undefined)).users.find((u) => u.id !== details.contact.assignedTo)!;
    const consents = `customFields.${field('consents').id}`;
    const recovered = await loseNextAnswer(['PUT'], [`/contacts/${contactId}`]);
    const sending = bg.send('editContactFields', {
      contactId,
      changes: { [consents]: ['Newsletter', 'Event invites'], 'dndSettings.SMS': 'active', assignedTo: user.id },
      base: { dateUpdated: details.contact.dateUpdated ?? null, values: { [consents]: null, 'dndSettings.SMS': 'inactive', assignedTo: details.contact.assignedTo ?? null } },
    });
    await recovered();
    await sending;
    await until(async () => (await activity())[0]?.state === 'done', 'the edit done');
    expect((await activity())[0]!.attempts).toBeGreaterThanOrEqual(2);
    expect(contact()).toMatchObject({ assignedTo: user.id, dndSettings: { SMS: { status: 'active' } } });
    expect(contact().customFields).toContainEqual({ id: field('consents').id, value: ['Newsletter', 'Event invites'] });
  });

  it('followers: the set change is sent again and leaves them as wanted', async () => {
    contactId = sandbox.seed.partnerContactIds['Rahul Mehta']!;
    const users = (await bg.ask('getLocationLists', undefined)).users;
    const recovered = await loseNextAnswer(['POST'], [`/contacts/${contactId}/followers`]);
    const sending = bg.send('setFollowers', { contactId, add: [users[2]!.id], remove: [] });
    await recovered();
    await sending;
    await until(async () => (await activity())[0]?.state === 'done', 'the followers change done');
    expect(contact().followers).toEqual([users[2]!.id]);
  });
});

describe('an owner or a page value meeting a change made in HighLevel', () => {
  beforeAll(() => {
    contactId = sandbox.seed.partnerContactIds['Tom Becker']!;
  });

  it('the owner changed meanwhile: a conflict with both owners; “theirs” keeps HighLevel’s and sends nothing', async () => {
    const { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const users = (await bg.ask('getLocationLists', undefined)).users;
    const [theirs, mine] = users.filter((u) => u.id !== details.contact.assignedTo);
    await new Promise((r) => setTimeout(r, 5));
    await put(contactId, { assignedTo: theirs!.id });
    const before = (await puts()).length;
    await edit(details, { assignedTo: mine!.id }, { assignedTo: details.contact.assignedTo ?? null });
    await until(async () => (await activity())[0]?.state === 'conflict', 'the conflict');
    const entry = (await activity())[0]!;
    expect(entry.conflict?.fields).toEqual([{ field: 'assignedTo', label: 'Owner', theirs: theirs!.id, ours: mine!.id }]);
    await bg.ask('resolveConflict', { writeId: entry.id, choice: 'theirs' });
    await until(async () => (await activity())[0]?.state !== 'conflict', 'the conflict settled');
    expect(contact().assignedTo).toBe(theirs!.id);
    expect((await puts()).length).toBe(before);
  });

  it('“Update GHL” with the page’s email: sent as a field edit; when HighLevel changed the email meanwhile, a conflict instead', async () => {
    const { pageDifferences, allUpdates } = await import('../../lib/record');
    let { details } = await bg.ask('getContactDetails', { contactId, fresh: true });
    const person = { name: details.contact.name, email: 'tom.new@page.example' };
    const update = () => allUpdates(pageDifferences(person, details.contact, { linkedinToWebsite: false }).filter((d) => d.field === 'email'));
    // HighLevel changed the email after the card was read: the page's value is not written over it
    await new Promise((r) => setTimeout(r, 5));
    await put(contactId, { email: 'tom.hl@changed.example' });
    const stale = update();
    await edit(details, stale.changes, stale.seen);
    await until(async () => (await activity())[0]?.state === 'conflict', 'the conflict');
    expect((await activity())[0]!.conflict?.fields).toEqual([expect.objectContaining({ field: 'email', theirs: 'tom.hl@changed.example', ours: 'tom.new@page.example' })]);
    expect(contact().email).toBe('tom.hl@changed.example');
    await bg.ask('resolveConflict', { writeId: (await activity())[0]!.id, choice: 'theirs' });
    // read again: now the update goes through
    details = (await bg.ask('getContactDetails', { contactId, fresh: true })).details;
    const fresh = update();
    expect(fresh.seen).toEqual({ email: 'tom.hl@changed.example' });
    await edit(details, fresh.changes, fresh.seen);
    await until(() => contact().email === 'tom.new@page.example', 'the page’s email in HighLevel');
    expect((await activity())[0]).toMatchObject({ state: 'done' });
  });
});
