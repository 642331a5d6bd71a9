// The content script: runs the detector on partner pages (listed in the manifest) and on the
// sites the user enabled (registered by lib/sites), and reports the people found
// to the background. Reads only; it can ask for nothing but `reportPeople` (the background
// refuses anything else). Kept small: built as a plain script (no framework context), phones
// reported as candidates (the background normalises them), and the report sent with the
// browser's runtime.sendMessage in the messaging library's wire format.
import { watchPage } from '@/lib/detect/watch';
import { adapterFor } from '@/lib/detect/sites';
import { sendReport, type MessageRuntime } from '@/lib/detect/report';

export default defineUnlistedScript(() => {
  const runtime = (globalThis as unknown as { chrome: { runtime: MessageRuntime & { id?: string } } }).chrome.runtime;
  // one watcher per page: a second injection (a site enabled while its page is open) replaces the first
  const scope = globalThis as { ghlSidebarStop?: () => void };
  scope.ghlSidebarStop?.();
  scope.ghlSidebarStop = watchPage(window, (report) => sendReport(runtime, report), {
    adapter: adapterFor(location.href),
    // an updated or reloaded extension leaves this copy behind: it stops instead of watching for nothing
    alive: () => !!runtime.id,
  });
});
