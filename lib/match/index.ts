// Person -> contact: the matching rules, the look-ups they ask HighLevel (batched, paced per tab),
// the matches of each tab's people (its content script's report checked and kept first, then
// published as they are found), and the links made by hand (kept per location).
export { contactKey, describeMatch, describeSkipped, matchPerson, personKey, type ContactLookup } from './rules';
export { contactLookup, searchContacts, userLane, type LookupLane } from './lookup';
export { lookupBudget, TAB_LOOKUPS_PER_MINUTE, type LookupBudget } from './lookup-budget';
export { pageMatches, type MatchServices, type PageMatches } from './page-matches';
export { MAX_LISTED, parseDetection, tabPeople, type IncomingDetection } from './page-report';
export { AHEAD_WAIT_MS, firstShown, tabMatches, type TabMatchesService } from './tab-matches';
export { linkPendingCreate, markCreating, rematchCreated, relinkPerson, settleCreate } from './links';
