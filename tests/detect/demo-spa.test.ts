// The demo pages' own SPA behaviour, watched like the content script does: HeyReach "Load more"
// and row click (pushState to the Unibox), HelloLeads hash routes. Each report is normalised as
// the background does on arrival.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseReport, watchPage } from '../../lib/detect';
import type { PageDetection } from '../../lib/detect/types';
import { repo } from './helpers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

function open(url: string, file: string) {
  const win = new Window({ url, settings: { enableJavaScriptEvaluation: true } as never });
  win.document.write(readFileSync(join(repo, 'sandbox/partners', file), 'utf8'));
  const reports: PageDetection[] = [];
  const stop = watchPage(win as never, (d) => reports.push(normaliseReport(d)), { debounceMs: 20, pollMs: 20 });
  cleanup = async () => { stop(); await win.happyDOM.close(); };
  // the last report once none came for 150 ms (a full scan reports in slices)
  const settle = async () => {
    let seen = -1;
    for (let i = 0; i < 40 && seen !== reports.length; i++) {
      seen = reports.length;
      await wait(150);
    }
    return reports[reports.length - 1]!;
  };
  const click = (selector: string) => (win.document.querySelector(selector) as unknown as { click(): void }).click();
  return { win, settle, click };
}

describe('demo partner pages in a live page', () => {
  it('HeyReach: Load more adds leads; clicking a row opens its conversation in the Unibox', async () => {
    const { win, settle, click } = open('https://app.heyreach.io/app/campaigns/4821', 'heyreach/campaign.html');
    expect((await settle()).people).toHaveLength(6);
    click('.load-more');
    expect((await settle()).people.map((p) => p.name)).toContain('Elena Petrova');
    click('.user-row[data-lead-id="90214"] .headline');
    const d = await settle();
    expect(win.location.pathname).toBe('/app/inbox');
    // the conversations are people; the open one is merged with its lead panel and focused
    expect(d.people.map((p) => p.name)).toEqual(['Maya Okafor', 'Diego Santos', 'Lukas Brenner']);
    expect(d).toMatchObject({ view: 'detail', focused: 1 });
    expect(d.people[1]).toMatchObject({ name: 'Diego Santos', email: 'diego@lumacraft.co' });
    click('.conv-list li[data-conv="90212"]');
    const lukas = await settle();
    expect(lukas.focused).toBe(2);
    // the lead panel's campaign status is the open lead's (re-rendered with it)
    expect(lukas.people[2]).toEqual({ name: 'Lukas Brenner', linkedin: 'https://www.linkedin.com/in/lukasbrenner', company: 'Nordwerk GmbH', title: 'CTO',
      details: { status: 'Connected' } });
  });

  it('HelloLeads: the hash route switches from the lead list to one lead', async () => {
    const { win, settle } = open('https://app.helloleads.io/index.php/app/account/layout', 'helloleads/layout.html');
    expect((await settle()).people).toHaveLength(6);
    win.location.hash = '#/leaddetails/1045';
    expect(await settle()).toMatchObject({ view: 'detail', focused: 0,
      people: [{ name: 'Tom Becker', phone: '+4915112345678', company: 'Becker Bau', title: 'Owner' }] });
  });
});
