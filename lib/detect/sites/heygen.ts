// HeyGen (app.heygen.com): React SPA, pushState. Personalized Video recipients (first name,
// email, custom variables, status) are leads; the workspace's members and pending invites
// (settings?nav=members: email, name, role, status) are the people the user works with, agencies'
// clients and freelancers among them, so that page is read too (the "(You)" row is the user).
// Other settings (API keys, billing) and the login pages hold no people. Key: email.
// Tested on: sandbox/partners/heygen/*.html, tests/fixtures/sites/heygen/*.
import type { SiteAdapter } from './types';

export const heygen: SiteAdapter = {
  id: 'heygen',
  hosts: ['app.heygen.com'],
  routes: [
    { match: /^\/settings(\/members\b|\?(.*&)?nav=members\b)/i, view: 'list' },
    { match: /^\/(settings|login|signin|signup|billing|pricing|avatars|embeds|video-agent)\b/, view: 'ignore' },
    // a recipient's audience id (the API's add_contact `data.id`) in its page's URL
    { match: /^\/personalized-video\/[^/]+\/recipients\/([^/?#]+)/, view: 'detail' },
    // a video's recipients and contacts, and its other pages
    { match: /^\/personalized-video\//, view: 'list' },
  ],
  // a recipient's audience id on its row
  idAttr: 'data-recipient-id',
};
