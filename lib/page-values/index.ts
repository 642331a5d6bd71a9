// Values read from pages made harmless at the boundary: for the people a page reports
// (lib/match) and for the contacts created from them (lib/outbox); and the check of an email or
// phone the user typed, which the forms and the background share.
export { DETAIL_MAX, cleanPartnerData } from './partner';
export { contactValueProblem, isEmail, isPhone } from './contact-values';
export { SEARCH_VALUE_MAX, cleanLinkedin, cleanPerson, cleanText, type CleanedPerson } from './clean';
