// Contact detection for the content script: the engine, the page watcher and the partner adapters.
export { detectPeople, scanPage, rescanParts, type DetectOptions, type PageScan } from './engine';
export { watchPage, type WatchOptions } from './watch';
export { adapterFor, siteAdapters } from './sites';
export type { SiteAdapter, SiteRoute } from './sites/types';
export type { DetectedPerson, PageDetection } from './types';
