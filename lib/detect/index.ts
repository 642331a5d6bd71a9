// Contact detection: the engine, the page watcher and the partner adapters (what the content
// script runs), and the normaliser the background applies to a page's report (detectPeople = both).
export { scanPage, rescanParts, type DetectOptions, type PageScan } from './engine';
export { detectPeople } from './detect';
export { normaliseReport, e164Of } from './normalise';
export { linkedinOf } from './linkedin';
export { watchPage, type WatchOptions } from './watch';
export { adapterFor, partnerMatches, siteAdapters } from './sites';
export type { SiteAdapter, SiteRoute } from './sites/types';
export type { DetectedPerson, DetailKind, PageDetection, PageReport, PartnerDetails, ReportedPerson } from './types';

// The value readers, for a text the user selected (lib/find reads a selection as detection reads a value).
export { emailOf, looksLikeName } from './text';
export { phoneCandidate } from './phone';

// A site's taught rules (made by the pick script, kept by lib/teach, read on the page by installTaught).
export { TAUGHT_FIELDS, installTaught, type TaughtField, type TaughtRule } from './taught';
