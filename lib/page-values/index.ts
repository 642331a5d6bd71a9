// Values read from pages made harmless at the boundary: for the people a page reports
// (lib/match) and for the contacts created from them (lib/outbox).
export { DETAIL_MAX, cleanPartnerData } from './partner';
export { SEARCH_VALUE_MAX, cleanLinkedin, cleanPerson, cleanText, type CleanedPerson } from './clean';
