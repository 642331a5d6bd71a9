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
  heyreach: { host: 'app.heyreach.io', pages: [] },
  helloleads: { host: 'app.helloleads.io', pages: [] },
  sproutvideo: { host: 'sproutvideo.com', pages: [] },
  heygen: { host: 'app.heygen.com', pages: [] },
};
