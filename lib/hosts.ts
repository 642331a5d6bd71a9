// Where the extension runs and what it talks to: HighLevel's API and the four partner apps.
// Used by the manifest (host permissions), the content script (matches) and the tests.
export const HIGHLEVEL_API_ORIGIN = 'https://services.leadconnectorhq.com';
export const HIGHLEVEL_APP_ORIGIN = 'https://app.gohighlevel.com';

export const PARTNER_MATCHES = [
  'https://app.heygen.com/*',
  'https://app.heyreach.io/*',
  'https://app.helloleads.io/*',
  'https://sproutvideo.com/*',
];
