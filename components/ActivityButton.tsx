// The header's "Activity" button with the number of unsent changes, and the notice that some
// changes need the user (failed or in conflict), which opens the activity log.
import { useOutbox } from './state/outbox';

export function ActivityButton() {
  const { status, activityOpen, toggleActivity } = useOutbox();
  const waiting = status?.pending ?? 0;
  const stopped = (status?.failed ?? 0) + (status?.conflicts ?? 0);
  const count = stopped ? ` (${stopped} need you)` : waiting ? ` (${waiting} sending)` : '';
  return (
    <button className={stopped ? 'activity-button attention' : 'activity-button'} aria-pressed={activityOpen} onClick={() => toggleActivity()}>
      Activity{count}
    </button>
  );
}

export function StoppedWrites() {
  const { status, activityOpen, toggleActivity } = useOutbox();
  const failed = status?.failed ?? 0;
  const conflicts = status?.conflicts ?? 0;
  if (activityOpen || failed + conflicts === 0) return null;
  const parts = [failed ? `${failed} change${failed > 1 ? 's' : ''} could not be saved` : '', conflicts ? `${conflicts} changed in HighLevel meanwhile` : ''];
  return (
    <div role="alert" className="card notice" data-testid="stopped-writes">
      <p className="error">{parts.filter(Boolean).join('; ')}.</p>
      <p className="row">
        <button onClick={() => toggleActivity(true)}>Open activity</button>
      </p>
    </div>
  );
}
