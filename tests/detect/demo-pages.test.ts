// @vitest-environment happy-dom
// The sandbox's demo partner pages show exactly the people of people.ts: a list page all of its
// site's people (a members page its members), a detail page the one looked at, a trap page none;
// the traps on them are never reported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, detectPeople } from '../../lib/detect';
import type { DetectedPerson } from '../../lib/detect/types';
import { partnerPeople, type PartnerPerson, type PartnerSite } from '../../sandbox/partners/people';
import { partnerSites } from '../../sandbox/partners/sites';
import { carries, parseHtml, repo, score } from './helpers';

/** values shown on the demo pages that must never be reported (the signed-in user, masks, code samples, hidden rows) */
const traps: Record<PartnerSite, string[]> = {
  heyreach: ['sam@growthlane.co', 'https://www.linkedin.com/in/samcarter-growth', 'Sam Carter', 'h.wh•••@orbitalfreight.com',
    'jane.sample@acme-corp.com', 'https://www.linkedin.com/in/jane-sample', 'https://www.linkedin.com/in/qa-test-lead', 'qa.lead@heyreach-test.io'],
  helloleads: ['ravi.kumar@expohub.in', 'Ravi Kumar', 'sam.sample@yourcompany.com', 'deleted.lead@oldco.com', 'g***@gmail.com', '+14155550199'],
  sproutvideo: ['paula@crestmedia.co', 'revoked.viewer@crestview.edu', 'viewer@yourcompany.com', 'm****@gmail.com'],
  heygen: ['dana.park@northstar-media.com', 'Dana Park', 'qa.recipient@northstar-media.com', 'jamie@yourcompany.com', 'r***@northwind.com'],
};

/** pages whose people are not the site's leads: HeyGen's workspace members and pending invites (the user's own row left out) */
const members: Record<string, DetectedPerson[]> = {
  '/settings/members': [
    { name: 'Felix Moreau', email: 'felix.moreau@northstar-media.com' },
    { name: 'Ines Duarte', email: 'ines.duarte@northstar-media.com' },
    { email: 'kofi.mensah@northstar-media.com' },
  ],
};

const asDetected = (p: PartnerPerson): DetectedPerson => {
  const { firstName, lastName, email, phone, linkedin, company, title } = p;
  return Object.fromEntries(Object.entries({ name: `${firstName} ${lastName}`, email, phone, linkedin, company, title })
    .filter(([, v]) => v !== undefined)) as DetectedPerson;
};

describe('demo partner pages', () => {
  for (const [site, info] of Object.entries(partnerSites) as [PartnerSite, (typeof partnerSites)[PartnerSite]][]) {
    const people = partnerPeople.filter((p) => p.site === site).map(asDetected);
    it(`${site} declares list, detail or trap pages`, () => {
      expect(info.pages.length).toBeGreaterThanOrEqual(2);
      expect(info.pages.some((p) => p.view === 'list')).toBe(true);
    });
    for (const page of info.pages.filter((p) => !p.path.includes('#'))) {
      it(`${site} ${page.path} (${page.view}) shows ${page.view === 'list' ? 'all its people' : page.view === 'detail' ? 'one person' : 'no leads'}`, () => {
        const url = `https://${info.host}${page.path}`;
        const d = detectPeople(parseHtml(readFileSync(join(repo, 'sandbox/partners', page.file), 'utf8')), { url, adapter: adapterFor(url) });
        expect(d.site).toBe(site);
        expect(d.view).toBe(page.view);
        if (page.view === 'other') return expect(d.people).toEqual([]);
        const s = score(d.people, members[page.path] ?? people);
        expect(s.precision).toBe(1);
        if (page.view === 'list') expect(s.recall).toBe(1);
        else expect(d.people[d.focused!], 'the person looked at').toBeDefined();
        // every value the page shows is exactly the one in people.ts
        expect(s.fieldPrecision).toBe(1);
        for (const x of traps[site]) expect(d.people.filter((p) => carries(p, x)), x).toEqual([]);
      });
    }
  }
});
