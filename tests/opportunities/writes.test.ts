// Opportunity writes through the outbox: a create is applied exactly once when HighLevel's answer
// is lost (before or after it landed, or the worker dies mid-send) and when the browser itself sent
// it twice (a kept-alive connection closed after HighLevel acted: Chromium sends the POST again,
// unseen), whether the location allows duplicate opportunities (a copy is made: it is deleted) or
// refuses them (the repeat is refused: the one made is ours); a move or a status change
// meets a change made meanwhile in HighLevel as a conflict, settled by the user; our own landed
// attempt is not taken for someone else's change.
import { beforeAll, describe, expect, it } from 'vitest';
import { createGhlClient, type GhlClient } from '../../lib/ghl';
import { opportunityPerformers } from '../../lib/opportunities';
import type { OutboxOptions } from '../../lib/outbox';
import { admin } from '../ghl/sandbox-helpers';
import { browserResend, outboxWorld, recordOf, settled, until } from '../outbox/helpers';

const world = outboxWorld(30);
const withPerformers = (more: Partial<OutboxOptions> = {}) => ({ outbox: { performers: opportunityPerformers, ...more } });
let colleague: GhlClient;

beforeAll(() => {
  const token = world.sandbox.token;
  colleague = createGhlClient({ baseUrl: world.sandbox.baseUrl, locationId: world.sandbox.locationId, tokens: { get: async () => token, refresh: async () => token } });
});

const pipelines = () => world.sandbox.state.pipelines.get(world.sandbox.locationId)!;
const named = (contactId: string, name: string) => world.sandbox.state.opportunitiesOf(contactId).filter((o) => o.name === name);
const posts = async () => (await admin(world.sandbox).requests()).requests.filter((r) => r.method === 'POST' && r.path === '/opportunities/');

function createWrite(contactId: string, name: string) {
  const partnerships = pipelines()[1]!;
  return {
    kind: 'opportunity.create' as const,
    ...world.on(contactId),
    fields: { pipelineId: partnerships.id, pipelineStageId: partnerships.stages[0]!.id, name, monetaryValue: 900 },
  };
}

describe('creating an opportunity whose answer never arrives', () => {
  it('connection dropped before HighLevel acted: checks, finds nothing, sends again; one opportunity', async () => {
    const contactId = world.contacts[0]!;
    await admin(world.sandbox).faults({ dropRate: 1, methods: ['POST'], paths: ['/opportunities/'] });
    const { outbox } = world.browser.start(withPerformers({ onRetry: () => void admin(world.sandbox).clearFaults() }));
    const write = await outbox.enqueue(createWrite(contactId, 'Dropped deal'));
    await settled(outbox);
    const made = named(contactId, 'Dropped deal');
    expect(made).toHaveLength(1);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2, mayHaveLanded: true, result: { id: made[0]!.id } });
    expect((await posts()).map((r) => r.status)).toEqual([0, 201]);
  });

  it('landed but the answer was lost (a 5xx after the write): finds it, does not send again', async () => {
    const contactId = world.contacts[1]!;
    await admin(world.sandbox).faults({ errorAfterRate: 1, methods: ['POST'], paths: ['/opportunities/'] });
    const { outbox } = world.browser.start(withPerformers({ onRetry: () => void admin(world.sandbox).clearFaults() }));
    const write = await outbox.enqueue(createWrite(contactId, 'Lost answer deal'));
    await settled(outbox);
    const made = named(contactId, 'Lost answer deal');
    expect(made).toHaveLength(1);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', result: { id: made[0]!.id } });
    expect(await posts()).toHaveLength(1);
  });

  it('worker killed mid-send after it landed: the next worker checks, finds it, and moves it as queued', async () => {
    const contactId = world.contacts[2]!;
    // the POST reaches the sandbox, its answer never reaches the worker
    const hang = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method === 'POST' && new URL(request.url).pathname === '/opportunities/') return new Promise<Response>(() => undefined);
      return response;
    }) as typeof fetch;
    const first = world.browser.start({ fetch: hang, ...withPerformers() });
    const write = await first.outbox.enqueue(createWrite(contactId, 'Killed deal'));
    const tempId = write.write.kind === 'opportunity.create' ? write.write.tempId : '';
    const stage = pipelines()[1]!.stages[2]!.id;
    await first.outbox.enqueue({
      kind: 'opportunity.update', ...world.on(contactId), opportunityId: tempId,
      fields: { pipelineStageId: stage }, base: { updatedAt: null, values: { pipelineStageId: pipelines()[1]!.stages[0]!.id } },
    });
    await until(() => named(contactId, 'Killed deal').length === 1, 'the create to land');
    expect((await recordOf(first.outbox, write)).state).toBe('sending');
    first.kill();

    const second = world.browser.start(withPerformers());
    await second.outbox.resume();
    expect(await recordOf(second.outbox, write)).toMatchObject({ state: 'pending', mayHaveLanded: true });
    await settled(second.outbox);
    expect(named(contactId, 'Killed deal')).toEqual([expect.objectContaining({ pipelineStageId: stage })]);
    expect(await posts()).toHaveLength(1);
    expect((await second.outbox.list()).map((r) => r.state)).toEqual(['done', 'done']);
  });
});

describe('creating an opportunity the browser sent again by itself', () => {
  const isCreate = (r: Request) => r.method === 'POST' && new URL(r.url).pathname === '/opportunities/';
  const settings = () => world.sandbox.state.locations.get(world.sandbox.locationId)!.settings;
  /** The location's "allow duplicate opportunities" for the length of `work`. */
  async function withDuplicates<T>(allowed: boolean, work: () => Promise<T>): Promise<T> {
    const before = settings().allowDuplicateOpportunity;
    settings().allowDuplicateOpportunity = allowed;
    try {
      return await work();
    } finally {
      settings().allowDuplicateOpportunity = before;
    }
  }

  it('duplicates allowed, answered once but made twice: the copy is deleted, one opportunity, the answered one', async () => {
    const contactId = world.contacts[10]!;
    await withDuplicates(true, async () => {
      const { outbox } = world.browser.start({ fetch: browserResend(isCreate, 'answer'), ...withPerformers() });
      const write = await outbox.enqueue(createWrite(contactId, 'Replayed deal'));
      await settled(outbox);
      const made = named(contactId, 'Replayed deal');
      expect(made).toHaveLength(1);
      expect((await posts()).filter((r) => r.status === 201)).toHaveLength(2); // it really was made twice
      expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 1, result: { id: made[0]!.id } });
    });
  });

  it('duplicates allowed, made twice and its answer lost too: the check finds both, keeps one, and a later move changes that one', async () => {
    const contactId = world.contacts[11]!;
    await withDuplicates(true, async () => {
      const { outbox } = world.browser.start({ fetch: browserResend(isCreate, 'then-fail'), ...withPerformers() });
      const write = await outbox.enqueue(createWrite(contactId, 'Twice and lost deal'));
      const tempId = write.write.kind === 'opportunity.create' ? write.write.tempId : '';
      const stage = pipelines()[1]!.stages[1]!.id;
      await outbox.enqueue({
        kind: 'opportunity.update', ...world.on(contactId), opportunityId: tempId,
        fields: { pipelineStageId: stage }, base: { updatedAt: null, values: { pipelineStageId: pipelines()[1]!.stages[0]!.id } },
      });
      await settled(outbox);
      expect(named(contactId, 'Twice and lost deal')).toEqual([expect.objectContaining({ pipelineStageId: stage })]);
      expect(await posts()).toHaveLength(2);
      expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2, result: { id: named(contactId, 'Twice and lost deal')[0]!.id } });
    });
  });

  it('duplicates refused (the default), made once, the repeat refused as a duplicate: done with the one made, not failed', async () => {
    const contactId = world.contacts[12]!;
    await withDuplicates(false, async () => {
      const { outbox } = world.browser.start({ fetch: browserResend(isCreate, 'answer'), ...withPerformers() });
      const write = await outbox.enqueue(createWrite(contactId, 'Refused repeat deal'));
      await settled(outbox);
      const made = named(contactId, 'Refused repeat deal');
      expect(made).toHaveLength(1);
      expect((await posts()).map((r) => r.status)).toEqual([201, 400]); // the browser's repeat was refused
      expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', result: { id: made[0]!.id } });
      expect((await outbox.counts()).failed).toBe(0);
    });
  });

  it('duplicates refused, and the contact already has an open one in that pipeline: the refusal stands, in words', async () => {
    const contactId = world.contacts[13]!;
    const partnerships = pipelines()[1]!;
    await colleague.opportunities.create(contactId, { pipelineId: partnerships.id, pipelineStageId: partnerships.stages[0]!.id, name: 'Older deal', status: 'open' });
    await withDuplicates(false, async () => {
      const { outbox } = world.browser.start(withPerformers());
      const write = await outbox.enqueue(createWrite(contactId, 'Second open deal'));
      await settled(outbox);
      expect(named(contactId, 'Second open deal')).toHaveLength(0);
      expect(await recordOf(outbox, write)).toMatchObject({ state: 'failed', reason: expect.stringMatching(/duplicate/i) });
    });
  });
});

describe('moving an opportunity or changing its status against a change made in HighLevel', () => {
  /** A contact's seeded or new opportunity, and the version the user saw. */
  async function seen(contactId: string) {
    const made = await colleague.opportunities.create(contactId, { pipelineId: pipelines()[0]!.id, pipelineStageId: pipelines()[0]!.stages[0]!.id, name: `Deal of ${contactId}`, status: 'open' });
    await new Promise((r) => setTimeout(r, 5)); // updatedAt has millisecond steps
    return made;
  }
  const stage = (i: number) => pipelines()[0]!.stages[i]!.id;

  it('a move meets another move: conflict with both stages; “mine” moves it to mine', async () => {
    const contactId = world.contacts[3]!;
    const opp = await seen(contactId);
    await colleague.opportunities.update(opp.id, { pipelineStageId: stage(3) });
    const { outbox } = world.browser.start(withPerformers());
    const write = await outbox.enqueue({
      kind: 'opportunity.update', ...world.on(contactId), opportunityId: opp.id,
      fields: { pipelineId: pipelines()[0]!.id, pipelineStageId: stage(1) }, base: { updatedAt: opp.updatedAt!, values: { pipelineStageId: stage(0) } },
    });
    await until(async () => (await outbox.counts()).conflicts === 1, 'the conflict');
    expect((await recordOf(outbox, write)).conflict?.fields).toEqual([{ field: 'pipelineStageId', base: stage(0), theirs: stage(3), ours: stage(1) }]);
    expect(world.sandbox.state.opportunities.get(opp.id)!.pipelineStageId).toBe(stage(3));
    await outbox.resolveConflict(write.id, 'mine');
    await settled(outbox);
    expect(world.sandbox.state.opportunities.get(opp.id)!.pipelineStageId).toBe(stage(1));
  });

  it('a move meets another move: “theirs” keeps HighLevel’s stage and sends nothing', async () => {
    const contactId = world.contacts[4]!;
    const opp = await seen(contactId);
    await colleague.opportunities.update(opp.id, { pipelineStageId: stage(3) });
    const { outbox } = world.browser.start(withPerformers());
    const write = await outbox.enqueue({
      kind: 'opportunity.update', ...world.on(contactId), opportunityId: opp.id,
      fields: { pipelineStageId: stage(1) }, base: { updatedAt: opp.updatedAt!, values: { pipelineStageId: stage(0) } },
    });
    await until(async () => (await outbox.counts()).conflicts === 1, 'the conflict');
    await outbox.resolveConflict(write.id, 'theirs');
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('discarded');
    expect(world.sandbox.state.opportunities.get(opp.id)!.pipelineStageId).toBe(stage(3));
  });

  it('is not a conflict when HighLevel changed something else (the value): the move is sent', async () => {
    const contactId = world.contacts[5]!;
    const opp = await seen(contactId);
    await colleague.opportunities.update(opp.id, { monetaryValue: 777 });
    const { outbox } = world.browser.start(withPerformers());
    const write = await outbox.enqueue({
      kind: 'opportunity.update', ...world.on(contactId), opportunityId: opp.id,
      fields: { pipelineStageId: stage(2) }, base: { updatedAt: opp.updatedAt!, values: { pipelineStageId: stage(0) } },
    });
    await settled(outbox);
    expect((await recordOf(outbox, write)).state).toBe('done');
    expect(world.sandbox.state.opportunities.get(opp.id)).toMatchObject({ pipelineStageId: stage(2), monetaryValue: 777 });
  });

  it('won meets lost: conflict; resolved “mine” it is won; a lost reason is sent only with lost', async () => {
    const contactId = world.contacts[6]!;
    const opp = await seen(contactId);
    const reason = world.sandbox.state.lostReasons.get(world.sandbox.locationId)![0]!;
    await colleague.opportunities.setStatus(opp.id, 'lost', reason.id);
    const { outbox } = world.browser.start(withPerformers());
    const write = await outbox.enqueue({ kind: 'opportunity.status', ...world.on(contactId), opportunityId: opp.id, status: 'won', base: { updatedAt: opp.updatedAt!, status: 'open' } });
    await until(async () => (await outbox.counts()).conflicts === 1, 'the conflict');
    expect((await recordOf(outbox, write)).conflict?.fields).toEqual([{ field: 'status', base: 'open', theirs: 'lost', ours: 'won' }]);
    await outbox.resolveConflict(write.id, 'mine');
    await settled(outbox);
    expect(world.sandbox.state.opportunities.get(opp.id)).toMatchObject({ status: 'won' });
    expect(world.sandbox.state.opportunities.get(opp.id)!.lostReasonId).toBeUndefined();
  });

  it('our own status change that landed with its answer lost is sent again, not taken for a conflict', async () => {
    const contactId = world.contacts[7]!;
    const opp = await seen(contactId);
    await admin(world.sandbox).faults({ errorAfterRate: 1, methods: ['PUT'], paths: ['/opportunities/*/status'] });
    const { outbox } = world.browser.start(withPerformers({ onRetry: () => void admin(world.sandbox).clearFaults() }));
    const reason = world.sandbox.state.lostReasons.get(world.sandbox.locationId)![2]!;
    const write = await outbox.enqueue({ kind: 'opportunity.status', ...world.on(contactId), opportunityId: opp.id, status: 'lost', lostReasonId: reason.id, base: { updatedAt: opp.updatedAt!, status: 'open' } });
    await settled(outbox);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2 });
    expect(world.sandbox.state.opportunities.get(opp.id)).toMatchObject({ status: 'lost', lostReasonId: reason.id });
  });
});
