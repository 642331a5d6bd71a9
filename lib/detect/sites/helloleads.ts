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
    { match: /\/eventForm\b/i, view: 'ignore' },
    { match: /\/account\/(login|signup|forgot)/i, view: 'ignore' },
    { match: /#\/(apisettings|settings|profile|users|billing|integrations)/i, view: 'ignore' },
    { match: /#\/lead-?details?\/[\w-]+/i, view: 'detail' },
    { match: /#\/(leads|lists?\b|visitors)/i, view: 'list' },
  ],
  // the lead's id: on its row, and in its detail page's URL (the API's `id`)
  idAttr: 'data-lead-id',
  idInUrl: /#\/lead-?details?\/([\w-]+)/i,
  // the API's lead_stage and potential, under the labels the app shows them with
  details: { stage: /^lead stage$/i, potential: /^potential$/i },
};
