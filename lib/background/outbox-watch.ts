// Keeps everything that shows the outbox in step with it, pushed on every change (no polling):
// the kept contact records (a write HighLevel took is folded into the confirmed record; pending,
// failed or discarded writes change the shown one: a failed write rolls back), the status item
// the sidebar watches, and the toolbar badge.
import { outboxStatusItem } from '../storage';
import type { WriteRecord } from '../outbox';
import { outboxStatus, toolbarBadge } from './activity';
import { withDoneWrite } from './pending';
import type { LocationServices, LocationServicesRegistry } from './services';
import { userOptions } from './views';

/** Changes of the outbox closer together than this update the status and badge once. */
const PUBLISH_AFTER_MS = 100;

/** Shows a write's new state in its contact's kept record (idempotent). */
export async function showWrite({ records, lists }: Pick<LocationServices, 'records' | 'lists'>, r: WriteRecord): Promise<void> {
  if (r.state !== 'done') {
    await records.repaint(r.write.contactId);
    return;
  }
  const users = userOptions(await lists.users().catch(() => new Map()));
  await records.confirm(r.write.contactId, (d) => withDoneWrite(d, r, users));
  // a new dateUpdated is needed before the next edit of the contact
  if (r.write.kind === 'contact.update') await records.get(r.write.contactId, true);
}

/** Keeps the kept records of every connection in step with the outbox. */
export function showWrites(registry: LocationServicesRegistry): () => void {
  return registry.outbox.onChange(({ writes }) => {
    for (const r of writes) {
      const services = registry.built(r.write.connectionId); // nothing of a connection not built is shown
      void services?.then((s) => showWrite(s, r)).catch((e: unknown) => console.warn('Outbox: could not update the shown record:', e));
    }
  });
}

/** The status item and the toolbar badge, after every change of the outbox. */
export function watchOutbox(registry: LocationServicesRegistry, badge = toolbarBadge()): () => void {
  const { outbox } = registry;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = async () => {
    const status = await outboxStatus(outbox);
    await Promise.all([outboxStatusItem.setValue(status), badge(status)]);
  };
  const fail = (what: string) => (e: unknown) => console.warn(`Outbox: could not update ${what}:`, e);
  const stop = outbox.onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void publish().catch(fail('the badge')), PUBLISH_AFTER_MS);
  });
  void publish().catch(fail('the badge'));
  return () => {
    clearTimeout(timer);
    stop();
  };
}
