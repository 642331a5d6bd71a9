// Runs the detector on partner pages and reports the people found to the background.
// Reads only; it can ask for nothing but `reportPeople` (the background refuses anything else).
import { watchPage } from '@/lib/detect/watch';
import { adapterFor } from '@/lib/detect/sites';
import { sendMessage } from '@/lib/messaging';
import { PARTNER_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: PARTNER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const stop = watchPage(
      window,
      (detection) => {
        // the background may be restarting; the next change reports again
        sendMessage('reportPeople', detection).catch(() => undefined);
      },
      { adapter: adapterFor(location.href) },
    );
    ctx.onInvalidated(stop);
  },
});
