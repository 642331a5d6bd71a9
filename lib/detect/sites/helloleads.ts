// HelloLeads (app.helloleads.io): a PHP front controller with a hash-routed app shell,
// /index.php/app/account/layout#/…; leads at #/leads, one lead at #/leaddetails/<id>, labels
// mirroring the API fields ("Designation", "Mobile", "Lead Stage"). The public eventForm is an empty capture
// form, not a contact. Keys: email, then mobile.
// Tested on: sandbox/partners/helloleads/*.html, tests/fixtures/sites/helloleads/*.
import type { SiteAdapter } from './types';

export const helloleads: SiteAdapter = {
  id: 'helloleads',
  hosts: ['app.helloleads.io'],
  routes: [
    // the public event form, the login pages, the account's settings
    { match: /\/eventForm\b|\/account\/(login|signup|forgot)|#\/(apisettings|settings|profile|users|billing|integrations)/i, view: 'ignore' },
    // the lead's id (the API's `id`) in its detail page's URL
    { match: /#\/lead-?details?\/([\w-]+)/i, view: 'detail' },
    { match: /#\/(leads|lists?\b|visitors)/i, view: 'list' },
  ],
  // the lead's id on its row
  idAttr: 'data-lead-id',
  // the API's lead_stage and potential, under the labels the app shows them with
  details: { stage: /^lead stage$/i, potential: /^potential$/i },
};
