// SproutVideo (sproutvideo.com): server-rendered Rails pages, full reloads. The app, its login and
// its help pages are all served on the bare domain (www. is not where the app lives, and asking
// for it would be one more host permission for no page). Viewer logins at /logins, viewer
// sessions (emails from the email gate) on a video's analytics page. Team members are
// colleagues; login and account pages hold no leads. Key: email only.
// Tested on: sandbox/partners/sproutvideo/*.html, tests/fixtures/sites/sproutvideo/*.
import type { SiteAdapter } from './types';

export const sproutvideo: SiteAdapter = {
  id: 'sproutvideo',
  hosts: ['sproutvideo.com'],
  routes: [
    { match: /^\/(login|signup|password|account|settings|team_members|billing)\b/, view: 'ignore' },
    // a viewer login's id (the API's logins `id`) in its page's URL
    { match: /^\/logins\/(\d+)/, view: 'detail' },
    { match: /^\/(logins|leads|analytics)\b/, view: 'list' },
    // a video's viewers: the video they watched is the page's heading
    { match: /^\/videos\/[0-9a-f]+\/(analytics|viewers|engagement)/, view: 'list', about: ['video', 'h1'] },
  ],
  // a viewer login's id on its row
  idAttr: 'data-login-id',
  // viewers are known by their email; a name alone is not a viewer
  refine: (person) => (person.email ? person : undefined),
};
