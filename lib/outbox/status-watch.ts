// Keeps what shows the outbox at a glance in step with it, pushed on every change (no polling):
// the status item the sidebar watches, and the toolbar badge. (The kept contact records follow
// the outbox in lib/record.)
import { outboxStatusItem } from '../protocol';
import { outboxStatus, toolbarBadge } from './activity';
import type { Outbox } from './queue';

/** Changes of the outbox closer together than this update the status and badge once. */
const PUBLISH_AFTER_MS = 100;

/** The status item and the toolbar badge, after every change of the outbox. */
export function watchOutbox(outbox: Outbox, badge = toolbarBadge()): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = async () => {
    const status = await outboxStatus(outbox);
    await Promise.all([outboxStatusItem().setValue(status), badge(status)]);
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
