// Which sites the content script runs on beyond the partner apps (listed in the manifest from
// lib/hosts.ts): the sites the user enabled, their optional permissions and registered scripts.
export { disableSite, enableSite, patternOf, registerSiteScripts, tabSite, webOrigin } from './enabled-sites';
