// The sidebar's outbox messages: the activity log with retry / discard, settling a conflict, and
// bulk tag changes for the people of a list page (optionally creating the missing ones first).
import { i18n } from '#i18n';
import { ok, type BulkView } from '../messaging';
import type { BulkProgress } from '../outbox';
import { readSettings } from '../storage';
import { activityEntry, outboxStatus } from './activity';
import { invalidInput } from './errors';
import type { Handlers } from './router';
import type { LocationServicesRegistry } from './services';
import { queueContactForPerson } from './writes';

type OutboxHandlers = Pick<
  Handlers,
  'getOutboxStatus' | 'getActivity' | 'retryWrite' | 'discardWrite' | 'resolveConflict' | 'startBulkTags' | 'cancelBulk'
>;

/** Entries shown in the activity log. */
const ACTIVITY_SHOWN = 200;

const notFound = () => invalidInput(i18n.t('errors.notInActivity'));

export function outboxHandlers(services: LocationServicesRegistry): OutboxHandlers {
  const { outbox } = services;
  const nameOf = async (connectionId: string, contactId: string) =>
    (await services.built(connectionId)?.catch(() => undefined))?.records.peek(contactId)?.contact.name;

  return {
    getOutboxStatus: async () => ok(await outboxStatus(outbox)),
    async getActivity() {
      const recent = (await outbox.list()).slice(0, ACTIVITY_SHOWN);
      return ok(await Promise.all(recent.map(async (r) => activityEntry(r, await nameOf(r.write.connectionId, r.write.contactId)))));
    },
    async retryWrite(id) {
      const isJob = (await outbox.bulkJobs()).some((j) => j.jobId === id);
      if (!(await outbox.retry(id)) && !isJob) throw notFound();
      return ok(true as const);
    },
    async discardWrite(id) {
      if (!(await outbox.discard(id))) throw notFound();
      return ok(true as const);
    },
    async resolveConflict({ writeId, choice }) {
      if (!(await outbox.resolveConflict(writeId, choice))) throw notFound();
      return ok(true as const);
    },
    async startBulkTags({ contactIds, tags, op, create }) {
      const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
      if (clean.length === 0) throw invalidInput(i18n.t('errors.tagNameFirst'));
      const s = await services.active();
      if (create && op === 'add') {
        const settings = await readSettings();
        // upserts through the outbox, with the tags: HighLevel's duplicate rules keep them single
        for (const person of create.people) await queueContactForPerson(s, person, create.site, settings, clean);
      }
      const progress = await outbox.enqueueBulkTags({ connectionId: s.connectionId, contactIds, tags: clean, op });
      return ok(bulkView(progress, op, clean));
    },
    async cancelBulk(jobId) {
      if (!(await outbox.cancelBulk(jobId))) throw notFound();
      return ok(true as const);
    },
  };
}

const bulkView = (p: BulkProgress, op: 'add' | 'remove', tags: string[]): BulkView => ({ ...p, op, tags, createdAt: Date.now() });
