// Person -> contact: the matching rules, the look-ups they ask HighLevel, the matches of a page's
// people (its content script's report checked and kept first), and the links made by hand.
export { describeMatch, matchPerson, personKey, type ContactLookup } from './rules';
export { contactLookup, searchContacts } from './lookup';
export { pageMatches, type MatchServices, type PageMatches } from './page-matches';
export { forgetTab, parseDetection, receivePageReport, tabPeople, type IncomingDetection } from './page-report';
export { rematchCreated, relinkPerson } from './links';
