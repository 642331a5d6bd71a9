// Finding a contact by hand when detection did not: the sidebar's search box (answered in the
// background, the user's own look-up) and a text selected on a page (the context menu).
export { FIND_CACHE_MS, MIN_QUERY, contactFinder, findQuery, superseded, type ContactFinder } from './search';
export { SELECTION_MAX, readSelection, type SelectionOutcome, type SelectionRead } from './selection';
