// The page watcher: first report, SPA navigation, appended rows, focus on click, silence when
// nothing changed, and no errors escaping into the page.
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { watchPage } from '../../lib/detect';
import type { PageDetection } from '../../lib/detect/types';

const rows = (people: [string, string][]) => people.map(([n, e]) => `<tr data-lead-id="${e}"><td>${n}</td><td>${e}</td></tr>`).join('');
const table = (people: [string, string][]) => `<table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>${rows(people)}</tbody></table>`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** append table rows the way an app does (createElement + append) */
function appendRows(doc: { createElement(tag: string): HTMLElement; querySelector(s: string): Element | null }, html: string) {
  const t = doc.createElement('template') as HTMLTemplateElement;
  t.innerHTML = `<table><tbody>${html}</tbody></table>`;
  doc.querySelector('tbody')!.append(...Array.from(t.content.querySelectorAll('tr')));
}

let stop: (() => void) | undefined;
let win: Window | undefined;
afterEach(async () => {
  stop?.();
  await win?.happyDOM.close();
});

function start(url: string, body: string, onReport?: (d: PageDetection) => void, alive?: () => boolean) {
  win = new Window({ url });
  win.document.body.innerHTML = body;
  const reports: PageDetection[] = [];
  const w = win as unknown as globalThis.Window;
  stop = watchPage(w, (d) => { reports.push(d); onReport?.(d); }, { debounceMs: 20, pollMs: 20, alive });
  /** the next report, or fail after a while */
  const next = async (after = reports.length) => {
    for (let i = 0; i < 100 && reports.length <= after; i++) await wait(10);
    expect(reports.length, 'a new report').toBeGreaterThan(after);
    return reports[reports.length - 1]!;
  };
  /** the last report once the watcher has been quiet for 100 ms (a first scan under load can come in several reports) */
  const settled = async () => {
    await next(0);
    for (let n = reports.length; ; n = reports.length) {
      await wait(100);
      if (reports.length === n) return reports[n - 1]!;
    }
  };
  return { win, doc: win.document, reports, next, settled };
}

describe('watchPage', () => {
  it('stops once the extension is gone (updated or reloaded): no more reports', async () => {
    let extension = true;
    let askedSinceGone = 0;
    const alive = () => { if (!extension) askedSinceGone++; return extension; };
    const { doc, reports, next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev']]), undefined, alive);
    await next(0);
    appendRows(doc, rows([['Ben Ode', 'ben@ode.io']]));
    expect((await next(1)).people).toHaveLength(2); // alive: it follows the page
    extension = false;
    for (let i = 0; i < 200 && !askedSinceGone; i++) await wait(5); // a URL poll notices
    expect(askedSinceGone).toBeGreaterThan(0);
    appendRows(doc, rows([['Cy Dee', 'cy@dee.io']]));
    await wait(150);
    expect(reports).toHaveLength(2);
  });

  it('reports the people once the page is loaded', async () => {
    const { next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]));
    const d = await next(0);
    expect(d.people.map((p) => p.email)).toEqual(['ada@park.dev', 'ben@ode.io']);
    expect(d.view).toBe('list');
  });

  it('scans again after pushState navigation and uses the route of the new URL', async () => {
    const { win, doc, next } = start('https://app.heyreach.io/app/campaigns/4821',
      '<main><table><tr><th>Name</th><th>LinkedIn</th></tr><tr><td>Maya Okafor</td><td>linkedin.com/in/maya-okafor</td></tr><tr><td>Lukas Brenner</td><td>linkedin.com/in/lukasbrenner</td></tr></table></main>');
    expect((await next(0)).view).toBe('list');
    win.history.pushState({}, '', '/app/inbox');
    doc.querySelector('main')!.innerHTML = '<aside data-lead-panel><h2>Maya Okafor</h2><a href="https://www.linkedin.com/in/maya-okafor/">Profile</a></aside>';
    const d = await next(1);
    expect(d.site).toBe('heyreach');
    expect(d.view).toBe('detail');
    expect(d.people).toEqual([{ name: 'Maya Okafor', linkedin: 'https://www.linkedin.com/in/maya-okafor' }]);
    expect(d.focused).toBe(0);
  });

  it('includes rows appended later (Load more)', async () => {
    const { doc, next, settled } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]));
    await settled();
    appendRows(doc as never, rows([['Cy Lu', 'cy@lu.io'], ['Di Oz', 'di@oz.io']]));
    const d = await next();
    expect(d.people).toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' },
      { name: 'Cy Lu', email: 'cy@lu.io' }, { name: 'Di Oz', email: 'di@oz.io' }]);
  });

  it('drops people whose rows were removed or hidden', async () => {
    const { doc, next, settled } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io'], ['Cy Lu', 'cy@lu.io']]));
    await settled();
    doc.querySelector('tr[data-lead-id="ada@park.dev"]')!.remove();
    doc.querySelector('tr[data-lead-id="cy@lu.io"]')!.setAttribute('hidden', '');
    expect((await next()).people.map((p) => p.email)).toEqual(['ben@ode.io']);
  });

  it('focuses the row the user clicked', async () => {
    const { doc, win, next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]));
    expect((await next(0)).focused).toBeUndefined();
    const cell = doc.querySelector('tr[data-lead-id="ben@ode.io"] td')!;
    cell.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
    expect((await next(1)).focused).toBe(1);
  });

  it('stays silent when a change does not change the people', async () => {
    const { doc, reports, next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev']]));
    await next(0);
    doc.body.insertAdjacentHTML('beforeend', '<div class="toast">Saved 2 minutes ago</div>');
    doc.querySelector('td')!.setAttribute('style', 'color: red');
    await wait(150);
    expect(reports).toHaveLength(1);
  });

  it('never lets an error escape into the page', async () => {
    const errors: unknown[] = [];
    const { doc, win, next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev']]), () => {
      throw new Error('listener failed');
    });
    win.addEventListener('error', (e) => errors.push(e));
    await next(0);
    const odd = doc.createElement('tr');
    Object.defineProperty(odd, 'childNodes', { get() { throw new Error('odd node'); } });
    doc.querySelector('tbody')!.append(odd);
    appendRows(doc as never, rows([['Ben Ode', 'ben@ode.io']]));
    const d = await next(1);
    expect(d.people.map((p) => p.email)).toEqual(['ada@park.dev', 'ben@ode.io']);
    expect(errors).toEqual([]);
  });

  it('stops watching when stopped', async () => {
    const { doc, reports, next } = start('https://crm.example.org/contacts', table([['Ada Park', 'ada@park.dev']]));
    await next(0);
    stop!();
    appendRows(doc as never, rows([['Ben Ode', 'ben@ode.io']]));
    await wait(100);
    expect(reports).toHaveLength(1);
  });
});

describe('rescanParts (the watcher’s incremental update)', () => {
  it('reads only the appended rows and merges them in page order', async () => {
    const { scanPage, rescanParts } = await import('../../lib/detect');
    win = new Window({ url: 'https://crm.example.org/' });
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = table([['Ada Park', 'ada@park.dev'], ['Cy Lu', 'cy@lu.io']]);
    const first = scanPage(doc, { url: 'https://crm.example.org/' });
    appendRows(doc as never, rows([['Di Oz', 'di@oz.io']]));
    const added = doc.querySelector('tbody tr:last-child')!;
    added.before(...(() => { const t = doc.createElement('template'); t.innerHTML = `<table><tbody>${rows([['Ben Ode', 'ben@ode.io']])}</tbody></table>`; return Array.from(t.content.querySelectorAll('tr')); })());
    const next = rescanParts(first, Array.from(doc.querySelectorAll('tbody tr')).slice(2));
    expect(next?.detection.people.map((p) => p.name)).toEqual(['Ada Park', 'Cy Lu', 'Ben Ode', 'Di Oz']);
  });
  it('asks for a full scan when a new table header appears', async () => {
    const { scanPage, rescanParts } = await import('../../lib/detect');
    win = new Window({ url: 'https://crm.example.org/' });
    const doc = win.document as unknown as Document;
    doc.body.innerHTML = `<div id="a">${table([['Ada Park', 'ada@park.dev']])}</div><div id="b"></div>`;
    const first = scanPage(doc, { url: 'https://crm.example.org/' });
    const b = doc.getElementById('b')!;
    b.innerHTML = table([['Ben Ode', 'ben@ode.io']]);
    expect(rescanParts(first, [b.firstElementChild!])).toBeUndefined();
  });
});
