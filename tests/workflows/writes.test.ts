// Adding a contact to a workflow through the outbox: applied once when HighLevel's answer is lost
// after the contact was added (the workflow does not take a running contact again), remembered as
// added from here, removed again; a draft workflow is refused with HighLevel's reason.
import { describe, expect, it } from 'vitest';
import { addedWorkflows, workflowPerformers } from '../../lib/workflows';
import { admin } from '../ghl/sandbox-helpers';
import { outboxWorld, recordOf, settled, until } from '../outbox/helpers';

const world = outboxWorld(5);
const workflows = () => world.sandbox.state.workflows.get(world.sandbox.locationId)!;
const published = () => workflows().find((w) => w.status === 'published')!;
const runs = (contactId: string, workflowId: string) => world.sandbox.state.enrolmentsOf(contactId).filter((r) => r.workflowId === workflowId);
const posts = async (contactId: string) => (await admin(world.sandbox).requests()).requests.filter((r) => r.method === 'POST' && r.path.startsWith(`/contacts/${contactId}/workflow/`));

describe('adding a contact to a workflow', () => {
  it('answer lost after the contact was added: sent again, the contact runs through it once, and it is remembered', async () => {
    const contactId = world.contacts[0]!;
    const workflow = published();
    await admin(world.sandbox).faults({ errorAfterRate: 1, methods: ['POST'], paths: ['/contacts/*/workflow/*'] });
    const { outbox } = world.browser.start({ outbox: { performers: workflowPerformers, onRetry: () => void admin(world.sandbox).clearFaults() } });
    const write = await outbox.enqueue({ kind: 'workflow.add', ...world.on(contactId), workflowId: workflow.id, name: workflow.name });
    await settled(outbox);
    expect(await recordOf(outbox, write)).toMatchObject({ state: 'done', attempts: 2, mayHaveLanded: true });
    expect((await posts(contactId)).map((r) => r.status >= 500 ? '5xx' : r.status)).toEqual(['5xx', 200]);
    expect(runs(contactId, workflow.id)).toEqual([expect.objectContaining({ active: true })]);
    expect(await addedWorkflows(world.sandbox.locationId, contactId)).toEqual([expect.objectContaining({ workflowId: workflow.id, name: workflow.name })]);
  });

  it('removing it ends the run and forgets it', async () => {
    const contactId = world.contacts[1]!;
    const workflow = published();
    const { outbox } = world.browser.start({ outbox: { performers: workflowPerformers } });
    await outbox.enqueue({ kind: 'workflow.add', ...world.on(contactId), workflowId: workflow.id, name: workflow.name });
    await outbox.enqueue({ kind: 'workflow.remove', ...world.on(contactId), workflowId: workflow.id, name: workflow.name });
    await settled(outbox);
    expect(runs(contactId, workflow.id)).toEqual([expect.objectContaining({ active: false })]);
    expect(await addedWorkflows(world.sandbox.locationId, contactId)).toEqual([]);
  });

  it('a draft workflow: HighLevel refuses, the write stops with its reason, nothing is remembered', async () => {
    const contactId = world.contacts[2]!;
    const draft = workflows().find((w) => w.status === 'draft')!;
    const { outbox } = world.browser.start({ outbox: { performers: workflowPerformers } });
    const write = await outbox.enqueue({ kind: 'workflow.add', ...world.on(contactId), workflowId: draft.id, name: draft.name });
    await until(async () => (await outbox.counts()).failed === 1, 'the refusal');
    expect((await recordOf(outbox, write)).reason).toContain('Workflow is not published');
    expect(runs(contactId, draft.id)).toEqual([]);
    expect(await addedWorkflows(world.sandbox.locationId, contactId)).toEqual([]);
  });
});
