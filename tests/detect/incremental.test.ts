// The watcher's incremental update: an append reads only the new rows, a removal drops only its
// people, a changed cell re-reads only its row, and the watcher reports only real changes.
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { rescanParts, scanPage, watchPage } from '../../lib/detect';
import type { PageDetection } from '../../lib/detect/types';

const URL = 'https://crm.example.org/contacts';
const row = (n: string, e: string) => `<tr data-id="${e}"><td>${n}</td><td>${e}</td></tr>`;
const page = (people: [string, string][]) =>
  `<table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>${people.map(([n, e]) => row(n, e)).join('')}</tbody></table>`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let win: Window | undefined;
afterEach(async () => {
  await win?.happyDOM.close();
  win = undefined;
});

function load(people: [string, string][]) {
  win = new Window({ url: URL });
  const doc = win.document as unknown as Document;
  doc.body.innerHTML = page(people);
  return doc;
}

function append(doc: Document, people: [string, string][]): Element[] {
  const t = doc.createElement('template');
  t.innerHTML = `<table><tbody>${people.map(([n, e]) => row(n, e)).join('')}</tbody></table>`;
  const rows = Array.from(t.content.querySelectorAll('tr'));
  doc.querySelector('tbody')!.append(...rows);
  return rows;
}

describe('rescanParts', () => {
  it('reads only the appended rows: the people already found are not read again', () => {
    const doc = load([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]);
    const first = scanPage(doc, { url: URL });
    const before = [...first.detection.people];
    // changed on the page but not reported as changed: an update that re-read old rows would see it
    doc.querySelector('tr[data-id="ada@park.dev"] td')!.textContent = 'Ada Renamed';
    const rows = append(doc, [['Cy Lu', 'cy@lu.io'], ['Di Oz', 'di@oz.io']]);
    const next = rescanParts(first, rows)!;
    expect(next.detection.people.map((p) => p.name)).toEqual(['Ada Park', 'Ben Ode', 'Cy Lu', 'Di Oz']);
    expect(next.detection.people[0]).toBe(before[0]);
    expect(next.detection.people[1]).toBe(before[1]);
  });

  it('reads a new entry of a conversation list whose people are found by name alone (the list is known as one of people)', () => {
    win = new Window({ url: URL });
    const doc = win.document as unknown as Document;
    const entry = (name: string) => `<li class="entry"><p>${name}</p><p>See you then</p></li>`;
    doc.body.innerHTML = `<ul class="list">${['Ada Park', 'Ben Ode'].map(entry).join('')}${entry('Cy Lu')}</ul>
      <aside><h2>Cy Lu</h2><p>Email: <a href="mailto:cy@lu.dev">cy@lu.dev</a></p></aside>`;
    const first = scanPage(doc, { url: URL });
    expect(first.detection.people.map((p) => p.name).sort()).toEqual(['Ada Park', 'Ben Ode', 'Cy Lu']);
    const list = doc.querySelector('ul')!;
    list.insertAdjacentHTML('afterbegin', entry('Dee Moss'));
    const next = rescanParts(first, [list.firstElementChild!])!;
    expect(next.detection.people.map((p) => p.name).sort()).toEqual(['Ada Park', 'Ben Ode', 'Cy Lu', 'Dee Moss']);
  });

  it('drops the people of removed rows and keeps the others as they were', () => {
    const doc = load([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io'], ['Cy Lu', 'cy@lu.io']]);
    const first = scanPage(doc, { url: URL });
    const [ada, , cy] = first.detection.people;
    const gone = doc.querySelector('tr[data-id="ben@ode.io"]')!;
    gone.remove();
    const next = rescanParts(first, [doc.querySelector('tbody')!], [gone])!;
    expect(next.detection.people.map((p) => p.email)).toEqual(['ada@park.dev', 'cy@lu.io']);
    expect(next.detection.people[0]).toBe(ada);
    expect(next.detection.people[1]).toBe(cy);
  });

  it('re-reads a changed cell’s row and updates only that person', () => {
    const doc = load([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io'], ['Cy Lu', 'cy@lu.io']]);
    const first = scanPage(doc, { url: URL });
    const [ada, ben, cy] = first.detection.people;
    const cell = doc.querySelector('tr[data-id="ben@ode.io"] td')!;
    cell.textContent = 'Ben Odell';
    const next = rescanParts(first, [cell])!;
    expect(next.detection.people).toEqual([ada, { name: 'Ben Odell', email: 'ben@ode.io' }, cy]);
    expect(next.detection.people[0]).toBe(ada);
    expect(next.detection.people[2]).toBe(cy);
    expect(ben).toEqual({ name: 'Ben Ode', email: 'ben@ode.io' }); // the earlier report is left as it was
  });

  it('merges an appended row into the person already found with the same email', () => {
    const doc = load([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]);
    const first = scanPage(doc, { url: URL });
    const rows = append(doc, [['Ada P', 'ada@park.dev'], ['Cy Lu', 'cy@lu.io']]);
    const next = rescanParts(first, rows)!;
    expect(next.detection.people).toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' },
      { name: 'Cy Lu', email: 'cy@lu.io' }]);
    // and the merged person is found again from either row
    const again = rescanParts(next, [rows[0]!.querySelector('td')!])!;
    expect(again.detection.people.map((p) => p.email)).toEqual(['ada@park.dev', 'ben@ode.io', 'cy@lu.io']);
  });

  it('places a row inserted in the middle in page order', () => {
    const doc = load([['Ada Park', 'ada@park.dev'], ['Cy Lu', 'cy@lu.io']]);
    const first = scanPage(doc, { url: URL });
    const [added] = append(doc, [['Ben Ode', 'ben@ode.io']]);
    doc.querySelector('tr[data-id="cy@lu.io"]')!.before(added!);
    expect(rescanParts(first, [added!])!.detection.people.map((p) => p.name)).toEqual(['Ada Park', 'Ben Ode', 'Cy Lu']);
  });
});

describe('watchPage reports', () => {
  function watch(people: [string, string][]) {
    const doc = load(people);
    const reports: PageDetection[] = [];
    const stop = watchPage(win as unknown as globalThis.Window, (d) => reports.push(d), { debounceMs: 10, pollMs: 1000 });
    const settle = () => wait(80);
    return { doc, reports, stop, settle };
  }

  it('reports again only when the people changed', async () => {
    const { doc, reports, stop, settle } = watch([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io']]);
    await settle();
    expect(reports).toHaveLength(1);
    // the same text written again re-reads the row, but nothing changed
    doc.querySelector('tr[data-id="ben@ode.io"] td')!.textContent = 'Ben Ode';
    await settle();
    expect(reports).toHaveLength(1);
    doc.querySelector('tr[data-id="ben@ode.io"] td')!.textContent = 'Ben Odell';
    await settle();
    expect(reports).toHaveLength(2);
    expect(reports[1]!.people[1]).toEqual({ name: 'Ben Odell', email: 'ben@ode.io' });
    stop();
  });

  it('drops the people of removed rows', async () => {
    const { doc, reports, stop, settle } = watch([['Ada Park', 'ada@park.dev'], ['Ben Ode', 'ben@ode.io'], ['Cy Lu', 'cy@lu.io']]);
    await settle();
    doc.querySelector('tr[data-id="ben@ode.io"]')!.remove();
    await settle();
    expect(reports.at(-1)!.people.map((p) => p.email)).toEqual(['ada@park.dev', 'cy@lu.io']);
    stop();
  });
});
