// @vitest-environment happy-dom
// Teaching a site from a pick: on a page where detection finds nobody (names without an email, a
// phone or a link), a card is still picked by its name; the rule made from it names the repeated
// card and the name's place in it; applied on the page (installTaught, as the background runs it
// in the content script's world), it finds every card, adds nobody the detector found already,
// and says how many it found (0 where nobody is: the sidebar's notice). Also on a card with an
// email and a phone, and the rule is plain data the background keeps (parseRule).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectPeople } from '../../lib/detect';
import { pickAt } from '../../lib/detect/pick';
import { installTaught, type TaughtScope } from '../../lib/detect/taught';
import { ruleFor } from '../../lib/detect/teach-rule';
import type { PageReport } from '../../lib/detect/types';
import { parseRule } from '../../lib/teach';
import { parseHtml, repo } from './helpers';

const URL_ = 'https://app.helloleads.io/index.php/app/account/eventSpeakers/8f3c2a9d';
const speakers = () => readFileSync(join(repo, 'sandbox/partners/helloleads/speakers.html'), 'utf8');
/** the page in the test's own document (installTaught reads `document`, as in the content script) */
const show = (html: string) => {
  const doc = parseHtml(html);
  document.documentElement.innerHTML = doc.documentElement.innerHTML;
  return document;
};
const scope = globalThis as TaughtScope;
afterEach(() => {
  installTaught([]);
  delete scope.ghlSidebarRefresh;
});
const empty: PageReport = { people: [], view: 'other', site: 'helloleads' };

describe('a rule taught from a pick', () => {
  it('is made from a card the detector reads nobody in, and finds every card like it', () => {
    const doc = show(speakers());
    expect(detectPeople(doc, { url: URL_ }).people).toEqual([]);
    const picked = pickAt(doc.querySelector('.speaker .talk')!, URL_);
    expect(picked?.person).toEqual({ name: 'Odile Brandt' });
    const rule = ruleFor(picked!.record, picked!.person)!;
    expect(rule).toEqual({ container: 'div.speaker', fields: { name: ':scope > div.who' } });
    expect(parseRule(rule)).toEqual(rule);

    let refreshed = 0;
    scope.ghlSidebarRefresh = () => void refreshed++;
    installTaught([rule]);
    expect(refreshed).toBe(1); // the page reports again at once
    const report = scope.ghlSidebarAdjust!(empty);
    expect(report.people.map((p) => p.name)).toEqual(['Odile Brandt', 'Matteo Ricci', 'Priya Natarajan', 'Jonas Ekberg']);
    expect(report).toMatchObject({ view: 'list', taught: 4 });
  });

  it('adds nobody the detector found already', () => {
    show(speakers());
    installTaught([{ container: 'div.speaker', fields: { name: ':scope > div.who' } }]);
    const found: PageReport = { people: [{ name: 'Matteo Ricci', email: 'matteo@riva.example' }], view: 'detail', site: 'helloleads', focused: 0 };
    const report = scope.ghlSidebarAdjust!(found);
    expect(report.people.map((p) => p.name)).toEqual(['Matteo Ricci', 'Odile Brandt', 'Priya Natarajan', 'Jonas Ekberg']);
    expect(report.people[0]).toEqual(found.people[0]);
    expect(report).toMatchObject({ focused: 0, view: 'detail', taught: 4 });
  });

  it('says it found nobody on a page of the site without such cards, and stops when the rules are taken away', () => {
    show('<main><h1>Dental Expo 2026</h1><form><label>Email <input name="email"></label></form></main>');
    installTaught([{ container: 'div.speaker', fields: { name: ':scope > div.who' } }]);
    expect(scope.ghlSidebarAdjust!(empty)).toEqual({ ...empty, taught: 0 });
    installTaught([]);
    expect(scope.ghlSidebarAdjust).toBeUndefined();
  });

  it('places an email and a phone too, by their element in the card', () => {
    const doc = show(`<main><section id="team">
      <article class="member"><h3>Odile Brandt</h3><p class="role">Head of Sales</p><p><a href="mailto:odile@kestrel-labs.com">odile@kestrel-labs.com</a></p><p><a href="tel:+4915112345679">+49 151 1234 5679</a></p></article>
      <article class="member"><h3>Piet Jansen</h3><p class="role">Engineer</p><p><a href="mailto:piet@kestrel-labs.com">piet@kestrel-labs.com</a></p><p><a href="tel:+4915112345670">+49 151 1234 5670</a></p></article>
      </section></main>`);
    const picked = pickAt(doc.querySelector('.member h3')!, 'https://kestrel.example.org/team')!;
    const rule = ruleFor(picked.record, picked.person)!;
    expect(rule.container).toBe('article.member');
    expect(rule.fields).toMatchObject({ name: ':scope > h3', email: ':scope > p:nth-of-type(2) > a', phone: ':scope > p:nth-of-type(3) > a' });
    installTaught([parseRule(rule)]);
    expect(scope.ghlSidebarAdjust!(empty).people[1]).toMatchObject({ name: 'Piet Jansen', email: 'piet@kestrel-labs.com', phone: '+49 151 1234 5670' });
  });

  it('does nothing on a page of another site (the tab moved on before the rules arrived)', () => {
    show(speakers());
    installTaught([{ container: 'div.speaker', fields: { name: ':scope > div.who' } }], 'https://elsewhere.example.org');
    expect(scope.ghlSidebarAdjust).toBeUndefined();
    installTaught([{ container: 'div.speaker', fields: { name: ':scope > div.who' } }], location.origin);
    expect(scope.ghlSidebarAdjust!(empty).taught).toBe(4);
  });

  it('is not made where nothing repeats', () => {
    const doc = show('<main><div class="profile"><div>Odile Brandt</div><div>Kestrel Labs</div></div></main>');
    expect(ruleFor(doc.querySelector('.profile')!, { name: 'Odile Brandt' })).toBeUndefined();
  });
});
