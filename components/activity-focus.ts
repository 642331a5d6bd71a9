// The activity log's buttons that go away with what they do (Discard: the entry; Retry, Send now,
// Keep mine / Keep theirs: the entry's buttons): before the change, the focus goes to the next
// entry's button (else the previous one's), else to the log's heading, never to the page.
import { leavingTo } from './ConfirmDelete';

/** the log's heading (ActivityLog.tsx), which takes the focus when no entry can */
export const ACTIVITY_TITLE_ID = 'activity-title';

/** A click handler: the focus moved away from the button, then `run`. */
export const leaving = (run: () => Promise<void>) => leavingTo(() => document.getElementById(ACTIVITY_TITLE_ID), run);
