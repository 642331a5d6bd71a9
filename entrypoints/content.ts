// Runs the detector on partner pages and reports the people found to the background.
// Reads only; it can ask for nothing but `reportPeople` (the background refuses anything else).
// Kept small: phones are reported as candidates (the background normalises them) and the report
// goes out with the browser's runtime.sendMessage, in the messaging library's wire format.
import { watchPage } from '@/lib/detect/watch';
import { adapterFor } from '@/lib/detect/sites';
import { sendReport, type MessageRuntime } from '@/lib/detect/report';
import { PARTNER_MATCHES } from '@/lib/hosts';

export default defineContentScript({
  matches: PARTNER_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const runtime = (globalThis as unknown as { chrome: { runtime: MessageRuntime } }).chrome.runtime;
    const stop = watchPage(window, (report) => sendReport(runtime, report), { adapter: adapterFor(location.href) });
    ctx.onInvalidated(stop);
  },
});
