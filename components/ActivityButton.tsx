// The header's "Activity" button with the number of unsent changes, and the notice that some
// changes need the user (failed or in conflict), which opens the activity log.
import { i18n } from '#i18n';
import type { UserError } from '@/lib/protocol';
import { useOutbox } from './state/outbox';

export function ActivityButton() {
  const { status, activityOpen, toggleActivity } = useOutbox();
  const waiting = status?.pending ?? 0;
  const stopped = (status?.failed ?? 0) + (status?.conflicts ?? 0);
  const label = stopped
    ? i18n.t('activity.needYou', stopped)
    : waiting
      ? i18n.t('activity.sending', waiting)
      : i18n.t('activity.title');
  return (
    <button className={stopped ? 'activity-button attention' : 'activity-button'} aria-pressed={activityOpen} onClick={() => toggleActivity()}>
      {label}
    </button>
  );
}

/** "2 changes could not be saved; 1 later change to those contacts is held back", as a notice that opens the log; undefined when none needs the user. */
export function useStoppedWrites(): UserError | undefined {
  const { status, activityOpen } = useOutbox();
  const failed = status?.failed ?? 0;
  const conflicts = status?.conflicts ?? 0;
  if (activityOpen || failed + conflicts === 0) return undefined;
  const held = status?.held ?? 0;
  const parts = [failed ? i18n.t('activity.couldNotSave', failed) : '', conflicts ? i18n.t('activity.changedMeanwhile', conflicts) : '', held ? i18n.t('activity.heldBack', held) : ''];
  return { kind: 'stopped-writes', message: `${parts.filter(Boolean).join('; ')}.`, action: 'retry' };
}
