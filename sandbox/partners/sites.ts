// The demo partner apps: for each, its real host and the pages the sandbox serves for it.
// `path` is the page's path on the real host (what the partner adapter sees); `file` is relative to
// sandbox/partners/. The sandbox serves each page at https://<host><path> (through its partner
// proxy) and at <baseUrl>/partners/<site><path> for plain viewing.
import type { PartnerSite } from './people';

export interface PartnerPage {
  path: string;
  file: string;
  title: string;
  view: 'list' | 'detail' | 'other';
}

export interface PartnerSiteInfo {
  host: string;
  pages: PartnerPage[];
}

export const partnerSites: Record<PartnerSite, PartnerSiteInfo> = {
  heyreach: {
    host: 'app.heyreach.io',
    pages: [
      { path: '/app/campaigns/4821', file: 'heyreach/campaign.html', title: 'Campaign leads (Q1 SaaS Founders)', view: 'list' },
      { path: '/app/inbox', file: 'heyreach/inbox.html', title: 'Unibox with the lead panel', view: 'detail' },
    ],
  },
  helloleads: {
    host: 'app.helloleads.io',
    pages: [
      // one hash-routed shell: #/leads is the list, #/leaddetails/<id> one lead
      { path: '/index.php/app/account/layout', file: 'helloleads/layout.html', title: 'Leads (app shell, #/leads)', view: 'list' },
      { path: '/index.php/app/account/layout#/leaddetails/1042', file: 'helloleads/layout.html', title: 'Lead details (#/leaddetails/1042)', view: 'detail' },
      { path: '/index.php/app/account/eventForm/8f3c2a9d', file: 'helloleads/eventForm.html', title: 'Public event form (no contacts)', view: 'other' },
      // names without an email, a phone or a link: detection finds nobody; a taught rule does (#14)
      { path: '/index.php/app/account/eventSpeakers/8f3c2a9d', file: 'helloleads/speakers.html', title: 'Event speakers (names only: found by a taught rule)', view: 'other' },
    ],
  },
  sproutvideo: {
    host: 'sproutvideo.com',
    pages: [
      { path: '/logins', file: 'sproutvideo/logins.html', title: 'Viewer logins', view: 'list' },
      { path: '/videos/d39bd9b31c1de2c85a/analytics', file: 'sproutvideo/analytics.html', title: 'Video analytics with viewer emails', view: 'list' },
    ],
  },
  heygen: {
    host: 'app.heygen.com',
    pages: [
      { path: '/personalized-video/7f3e9a52c1b84d0e/recipients', file: 'heygen/recipients.html', title: 'Personalized video recipients', view: 'list' },
      { path: '/settings/members', file: 'heygen/members.html', title: 'Workspace members and pending invites', view: 'list' },
    ],
  },
};
