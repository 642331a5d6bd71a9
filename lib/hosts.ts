// Where the extension runs and what it talks to: HighLevel's API and the four partner apps.
// Used by the manifest (host permissions, content script matches), the background and the tests.
export const HIGHLEVEL_API_ORIGIN = 'https://services.leadconnectorhq.com';
export const HIGHLEVEL_APP_ORIGIN = 'https://app.gohighlevel.com';
/** HighLevel's OAuth consent page (white-label apps use marketplace.leadconnectorhq.com instead) */
export const HIGHLEVEL_CONSENT_URL = 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation';

export const PARTNER_MATCHES = [
  'https://app.heygen.com/*',
  'https://app.heyreach.io/*',
  'https://app.helloleads.io/*',
  'https://sproutvideo.com/*',
];

/** the content script's file (built from entrypoints/detector.ts): listed for the partners, registered for enabled sites */
export const DETECTOR_SCRIPT = 'detector.js';
