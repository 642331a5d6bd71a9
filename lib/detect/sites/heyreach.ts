// HeyReach (app.heyreach.io): Angular Material SPA, pushState. Campaign leads are a
// <linkedin-reusable-user-list> whose header spans read Name, Headline, Email, Job title,
// Company, Location; the Unibox (/app/inbox) keeps the open conversation in page state and shows
// its lead in a side panel. Key: the LinkedIn /in/ URL; email is often missing.
// Tested on: sandbox/partners/heyreach/{campaign,inbox}.html, tests/fixtures/sites/heyreach/*.
import type { SiteAdapter } from './types';

export const heyreach: SiteAdapter = {
  id: 'heyreach',
  hosts: ['app.heyreach.io'],
  routes: [
    { match: /^\/(account\/|app\/(integrations|settings|dashboard|linkedin-accounts|billing))/, view: 'ignore' },
    { match: /^\/app\/(campaigns\/\d+|prospects|lists|generate-prospects)/, view: 'list' },
    { match: /^\/app\/inbox/, view: 'detail' },
  ],
  // the app's toolbar (the user and the LinkedIn sender they act as) is no contact: a record whose
  // only name is the user's is theirs (group.ts)
  // a campaign lead's row carries its id; its campaign status (the API's leadCampaignStatus) shows as "Status"
  idAttr: 'data-lead-id',
  details: { status: /^(lead |campaign )?status$/i },
};
