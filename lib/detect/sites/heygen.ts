// HeyGen (app.heygen.com): React SPA, pushState. Personalized Video recipients (first name,
// email, custom variables, status) are the leads; workspace members are colleagues, so the
// settings pages and the "Members & Workspace" dialog are ignored. Key: email.
// Tested on: sandbox/partners/heygen/*.html, tests/fixtures/sites/heygen/*.
import type { SiteAdapter } from './types';

export const heygen: SiteAdapter = {
  id: 'heygen',
  hosts: ['app.heygen.com'],
  navigation: 'pushState',
  routes: [
    { match: /^\/(settings|login|signin|signup|billing|pricing|avatars|embeds|video-agent)\b/, view: 'ignore' },
    { match: /^\/personalized-video\/[^/]+\/recipients\/[^/?#]+/, view: 'detail' },
    { match: /^\/personalized-video\/[^/]+\/(recipients|contacts)/, view: 'list' },
    { match: /^\/personalized-video\//, view: 'list' },
  ],
  records: '[data-recipient-id]',
  detail: '[class*="drawer" i], [role=dialog]',
  name: '[class*="recipient-name" i]',
  exclude: '[class*="workspace-switcher" i], [data-testid*="account" i]',
  ignore: '[class*="workspace-members" i], [role=dialog][aria-label*="workspace" i]',
};
