// The content script: runs the detector on partner pages (listed in the manifest) and on the
// sites the user enabled (registered by lib/sites), and reports the people found
// to the background. Reads only; it can ask for nothing but `reportPeople` (the background
// refuses anything else). Kept small: bundled on its own as a plain script, not a WXT entrypoint
// (no framework context or wrapper: wxt.config.ts builds it into detector.js), phones and
// countries reported as written (the background resolves them), and the report sent with the
// browser's runtime.sendMessage in the messaging library's wire format.
import { watchPage } from './watch';
import { sendReport, type MessageRuntime } from './report';
import type { TaughtScope } from './taught';

const runtime = (globalThis as unknown as { chrome: { runtime: MessageRuntime & { id?: string } } }).chrome.runtime;
// one watcher per page: a second injection (a site enabled while its page is open) replaces the first
const scope = globalThis as TaughtScope & { ghlSidebarStop?: () => void };
scope.ghlSidebarStop?.();
// the partner adapter: the watcher picks it from the page's URL (its host never changes under the script)
const watcher = watchPage(window, (report) => sendReport(runtime, report), {
  // an updated or reloaded extension leaves this copy behind: it stops instead of watching for nothing
  alive: () => !!runtime.id,
  // a site's taught rules, once the background installed them in this script's world (taught.ts)
  adjust: (report) => scope.ghlSidebarAdjust?.(report) ?? report,
});
scope.ghlSidebarStop = watcher;
scope.ghlSidebarRefresh = watcher.report;
