// The contact record as the sidebar sees it: read from HighLevel, kept and revalidated, shaped for
// the pages, unsent writes laid over it (the one optimistic rule), and the location's lists.
export { locationRecords, type LocationRecords } from './location-records';
export { forgetContactRecords, type ContactRecords, type FreshRecord } from './keep';
export type { LocationListsReader } from './location-lists';
export { layWrites, tagKey, withWrites, type ShownWrite } from './optimistic';
export { contactSummary, displayName } from './shape';
