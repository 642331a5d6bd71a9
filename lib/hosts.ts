// Where the extension runs and what it talks to: HighLevel's API and the partner apps (whose
// hosts each partner's adapter declares, in lib/detect/sites). Used by the manifest (host
// permissions, content script matches), the background and the tests.
import { partnerMatches } from './detect';

export const HIGHLEVEL_API_ORIGIN = 'https://services.leadconnectorhq.com';
export const HIGHLEVEL_APP_ORIGIN = 'https://app.gohighlevel.com';
/** HighLevel's OAuth consent page (white-label apps use marketplace.leadconnectorhq.com instead) */
export const HIGHLEVEL_CONSENT_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

/** the partner apps' pages: the content script's matches and their host permissions */
export const PARTNER_MATCHES = partnerMatches();

/** the content script's file (built from lib/detect/content-script.ts by wxt.config.ts): listed for the partners, registered for enabled sites */
export const DETECTOR_SCRIPT = 'detector.js';
