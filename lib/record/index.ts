// The contact record as the sidebar sees it: read from HighLevel, kept and revalidated, shaped for
// the pages, unsent writes laid over it (the one optimistic rule), and the location's lists.
export { locationRecords, type LocationRecords } from './location-records';
export { forgetContactRecords, type ContactRecords, type FreshRecord } from './keep';
export { keptListsItem, type LocationListsReader } from './location-lists';
export { layWrites, tagKey, withWrites, type ShownLists, type ShownWrite } from './optimistic';
export { contactSummary, displayName } from './shape';
export { MAX_FOLLOWERS, applyEdit, changeFollowers, checkEdit, editContactFields, type EditContext } from './contact-edit';
export { checkCustomValue, customValueText, fieldDefinitions, readCustomValue, titleFieldOf } from './custom-fields';
export { allUpdates, pageDifferences, type PageDifference, type PageField } from './page-diff';
export { MAX_NAMED } from './colleagues';
export { REVALIDATE_REQUESTS } from './location-records';
