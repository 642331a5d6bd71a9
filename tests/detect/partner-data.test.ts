// @vitest-environment happy-dom
// What the partner adapters read beyond the contact fields, on the sandbox's demo pages: the
// app's own id of each record (an attribute on its row, the id in a detail page's URL) and the
// details worth a note (a lead's stage and potential, its campaign status, the video watched).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterFor, detectPeople } from '../../lib/detect';
import { parseHtml, repo } from './helpers';

const page = (file: string) => parseHtml(readFileSync(join(repo, 'sandbox/partners', file), 'utf8'));
const detect = (doc: Document, url: string) => detectPeople(doc, { url, adapter: adapterFor(url) });
const ids = (url: string, file: string) => detect(page(file), url).people.map((p) => [p.email ?? p.name, p.partnerId]);

describe('partner record ids', () => {
  it('HelloLeads: each lead row carries its lead id', () => {
    expect(ids('https://app.helloleads.io/index.php/app/account/layout#/leads', 'helloleads/layout.html')).toEqual([
      ['amelia.clarke@harbourdental.com', '1042'], ['Rahul Mehta', '1043'], ['sofia@nordicbloom.se', '1044'],
      ['Tom Becker', '1045'], ['grace.mwangi@savannahsolar.co.ke', '1046'], ['o.dupont@atelier-dupont.fr', '1047'],
    ]);
  });

  it("HelloLeads: a lead's detail page has its id in the URL", () => {
    const doc = page('helloleads/layout.html');
    doc.querySelector('.view-leads')!.setAttribute('hidden', '');
    doc.querySelector('.view-detail')!.removeAttribute('hidden');
    const d = detect(doc, 'https://app.helloleads.io/index.php/app/account/layout#/leaddetails/1042');
    expect(d.view).toBe('detail');
    expect(d.people[d.focused!]).toMatchObject({ name: 'Amelia Clarke', partnerId: '1042', details: { stage: 'Hot' } });
  });

  it('HeyReach campaign leads, SproutVideo viewer logins and HeyGen recipients carry their ids', () => {
    expect(ids('https://app.heyreach.io/app/campaigns/4821', 'heyreach/campaign.html').map(([, id]) => id))
      .toEqual(['90211', '90212', '90213', '90214', '90215', '90216']);
    expect(ids('https://sproutvideo.com/logins', 'sproutvideo/logins.html').map(([, id]) => id))
      .toEqual(['558201', '558202', '558203', '558204', '558205']);
    expect(ids('https://app.heygen.com/personalized-video/7f3e9a52c1b84d0e/recipients', 'heygen/recipients.html').map(([, id]) => id))
      .toEqual(['aud_81f2', 'aud_81f3', 'aud_81f4', 'aud_81f5', 'aud_81f6']);
  });

  it('a page with no ids reports none, and a value that is no id is not one', () => {
    // viewer sessions are not records of a person
    expect(ids('https://sproutvideo.com/videos/d39bd9b31c1de2c85a/analytics', 'sproutvideo/analytics.html').every(([, id]) => id === undefined)).toBe(true);
    const doc = page('helloleads/layout.html');
    doc.querySelector('tr[data-lead-id="1042"]')!.setAttribute('data-lead-id', '"><img src=x onerror=alert(1)>');
    doc.querySelector('tr[data-lead-id="1043"]')!.setAttribute('data-lead-id', 'x'.repeat(65));
    expect(detect(doc, 'https://app.helloleads.io/index.php/app/account/layout#/leads').people.slice(0, 3).map((p) => p.partnerId))
      .toEqual([undefined, undefined, '1044']);
  });
});

describe('partner details', () => {
  it("HelloLeads: each lead's stage and potential, from their columns", () => {
    const d = detect(page('helloleads/layout.html'), 'https://app.helloleads.io/index.php/app/account/layout#/leads');
    expect(d.people.slice(0, 2).map((p) => p.details)).toEqual([{ stage: 'Hot', potential: 'High' }, { stage: 'Contacted', potential: 'Medium' }]);
  });

  it("HeyReach: the Unibox lead panel's campaign status", () => {
    const d = detect(page('heyreach/inbox.html'), 'https://app.heyreach.io/app/inbox');
    expect(d.people[d.focused!]).toMatchObject({ name: 'Maya Okafor', details: { status: 'Replied' } });
    // the conversation list shows no status: its other people have none
    expect(d.people.filter((p) => p.details)).toHaveLength(1);
  });

  it("SproutVideo: a video's viewers watched the video the analytics page is about", () => {
    const d = detect(page('sproutvideo/analytics.html'), 'https://sproutvideo.com/videos/d39bd9b31c1de2c85a/analytics');
    expect(d.people.length).toBeGreaterThan(0);
    for (const p of d.people) expect(p.details).toEqual({ video: 'Onboarding Course – Module 1' });
    // the logins page is about no video
    expect(detect(page('sproutvideo/logins.html'), 'https://sproutvideo.com/logins').people.some((p) => p.details)).toBe(false);
  });

  it('a detail is a short text: a long or empty cell is not one', () => {
    const doc = page('helloleads/layout.html');
    doc.querySelector('tr[data-lead-id="1042"] .stage')!.textContent = 'x'.repeat(300);
    doc.querySelector('tr[data-lead-id="1043"] .stage')!.textContent = '—';
    const d = detect(doc, 'https://app.helloleads.io/index.php/app/account/layout#/leads');
    expect(d.people.slice(0, 2).map((p) => p.details)).toEqual([{ potential: 'High' }, { potential: 'Medium' }]);
  });
});
