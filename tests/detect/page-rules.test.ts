// @vitest-environment happy-dom
// Label/value pairs, header-aligned tables, structured data, grouping and exclusions, each on a
// small page read by detectPeople with the default (generic) rules.
import { describe, expect, it } from 'vitest';
import { detectPeople } from '../../lib/detect';
import { parseHtml } from './helpers';
import { walk } from '../../lib/detect/signals';
import { dedupe, groupPeople } from '../../lib/detect/group';
import type { ReportedPerson } from '../../lib/detect/types';
import { signal } from '../../lib/detect/values';

const detect = (body: string, lang = 'en') =>
  detectPeople(parseHtml(`<html lang="${lang}"><body>${body}</body></html>`), { url: 'https://crm.example.org/x' }).people;

describe('label and value pairs', () => {
  it('reads dt/dd, "Label:" text, next-sibling values and inline labels', () => {
    expect(detect('<dl><dt>Name</dt><dd>Ada Park</dd><dt>E-mail:</dt><dd>ada@park.dev</dd><dt>Designation</dt><dd>CFO</dd></dl>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', title: 'CFO' }]);
    expect(detect('<div><b>Email:</b> ada@park.dev<br><b>Company:</b> Park Labs</div>')).toEqual([{ email: 'ada@park.dev', company: 'Park Labs' }]);
    expect(detect('<p>Name: Rahul Mehta</p><div><div><span>Mobile</span></div><div>+91 98200 12345</div></div><p>Organisation: Mehta Exports</p>'))
      .toEqual([{ name: 'Rahul Mehta', phone: '+919820012345', company: 'Mehta Exports' }]);
  });
  it('reads <label for>, labels wrapping inputs, aria-label and mat-form-field inputs', () => {
    expect(detect('<label for="e">Email</label><input id="e" value="Ada@Park.dev"><label>Job title <input value="CFO"></label>'))
      .toEqual([{ email: 'ada@park.dev', title: 'CFO' }]);
    expect(detect('<input aria-label="Full name" value="Ada Park"><input aria-label="Phone" type="text" value="+44 20 7946 0123"><span aria-label="Company">Park Labs</span>'))
      .toEqual([{ name: 'Ada Park', phone: '+442079460123', company: 'Park Labs' }]);
    expect(detect('<mat-form-field><mat-label>Email</mat-label><input matInput value="ada@park.dev"></mat-form-field>'))
      .toEqual([{ email: 'ada@park.dev' }]);
  });
  it('reads filled email and phone inputs but not empty or password ones', () => {
    expect(detect('<input type="email" value="ada@park.dev"><input type="tel" value="+1 415 555 0134"><input type="password" value="x@y.co">'))
      .toEqual([{ email: 'ada@park.dev', phone: '+14155550134' }]);
    expect(detect('<form><label for="e">Email</label><input id="e" type="email" placeholder="you@company.com"></form>')).toEqual([]);
  });
  it('reads a national phone beside a label with the country <html lang> names, else keeps it national', () => {
    expect(detect('<p>Email: ada@park.dev</p><p>Phone: 020 7946 0123</p>', 'en-GB')).toEqual([{ email: 'ada@park.dev', phone: '+442079460123' }]);
    expect(detect('<p>Email: ada@park.dev</p><p>Phone: 020 7946 0123</p>', 'en')).toEqual([{ email: 'ada@park.dev', phone: '02079460123' }]);
  });
});

describe('tables and grids aligned to their headers', () => {
  const rows = (cell: (v: string) => string, row: (cells: string) => string) =>
    [['Ada Park', 'ada@park.dev', 'Park Labs'], ['Ben Ode', 'ben@ode.io', 'Ode Inc']].map((r) => row(r.map(cell).join(''))).join('');
  const want = [{ name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs' }, { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Inc' }];
  it('reads <th> tables, with an extra checkbox column and sort buttons', () => {
    expect(detect(`<table><thead><tr><th></th><th><button>Name ▲</button></th><th>Email</th><th>Company</th></tr></thead><tbody>${
      rows((v) => `<td>${v}</td>`, (c) => `<tr><td><input type="checkbox"></td>${c}</tr>`)}</tbody></table>`)).toEqual(want);
  });
  it('reads role=columnheader grids', () => {
    expect(detect(`<div role="grid"><div role="row"><span role="columnheader">Full name</span><span role="columnheader">E-mail</span><span role="columnheader">Organization</span></div>${
      rows((v) => `<span role="gridcell">${v}</span>`, (c) => `<div role="row">${c}</div>`)}</div>`)).toEqual(want);
  });
  it('reads mat-header-cell tables', () => {
    expect(detect(`<mat-table><mat-header-row><mat-header-cell>Name</mat-header-cell><mat-header-cell>Email</mat-header-cell><mat-header-cell>Company</mat-header-cell></mat-header-row>${
      rows((v) => `<mat-cell>${v}</mat-cell>`, (c) => `<mat-row>${c}</mat-row>`)}</mat-table>`)).toEqual(want);
  });
  it('reads header rows made of spans, like HeyReach user lists', () => {
    expect(detect(`<linkedin-reusable-user-list><div><div><span><span>Name</span><span>Email</span><span>Company</span></span></div>${
      rows((v) => `<span>${v}</span>`, (c) => `<div><span>${c}</span></div>`)}</div></linkedin-reusable-user-list>`)).toEqual(want);
  });
  it('reads a row once: what its columns do not cover (links, other columns) is still read, hidden rows are not', () => {
    // name cell with a LinkedIn link, an unmapped "Notes" column holding a phone, a plain email cell
    // whose address is the row's only email, and a hidden row
    expect(detect(`<table><thead><tr><th>Name</th><th>Email</th><th>Notes</th></tr></thead><tbody>
      <tr><td><a href="https://www.linkedin.com/in/ada-park/">Ada Park</a></td><td>ada@park.dev</td><td>call +44 20 7946 0123</td></tr>
      <tr hidden><td>Cy Dee</td><td>cy@dee.io</td><td></td></tr>
      <tr><td>Ben Ode</td><td>Ben &lt;ben@ode.io&gt;</td><td>-</td></tr></tbody></table>`)).toEqual([
      { name: 'Ada Park', email: 'ada@park.dev', linkedin: 'https://www.linkedin.com/in/ada-park', phone: '+442079460123' },
      { name: 'Ben Ode', email: 'ben@ode.io' },
    ]);
  });
  it('reads a row in one pass: the parts around its cells, a control in it, and cells whose text sits between framework comments', () => {
    // HeyReach-like rows: the cells sit one level down (a cell path), a link and an input beside them
    expect(detect(`<linkedin-reusable-user-list><div><div><span><span>Name</span><span>Email</span><span>Company</span></span></div>
      <div><span><span>Ada Park</span><span><!---->ada@park.dev<!----></span><span>Park Labs</span></span><a href="https://www.linkedin.com/in/ada-park/">profile</a></div>
      <div><span><span>Ben Ode</span><span>ben@ode.io</span><span>Ode Inc</span></span><input type="tel" value="+44 20 7946 0123"></div>
      </div></linkedin-reusable-user-list>`)).toEqual([
      { name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs', linkedin: 'https://www.linkedin.com/in/ada-park' },
      { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Inc', phone: '+442079460123' },
    ]);
  });
  it('reads a cell that its column covers once, and every other cell of the row once', () => {
    const doc = parseHtml(`<html><body><table><tr><th></th><th>Name</th><th>Email</th><th>Notes</th></tr>
      <tr><td><input type="checkbox"></td><td>Ada Park</td><td><!---->ada@park.dev<!----></td><td>+44 20 7946 0123</td></tr>
      <tr><td><input type="email" value="ben@ode.io"></td><td>Ben Ode</td><td>ben@ode.io</td><td><a href="tel:+14155550134"></a></td></tr></table></body></html>`);
    const out = walk(doc.body, { excluded: new Set(), budget: { nodes: 1e4, chars: 1e6 } });
    const read = out.signals.map((s) => `${s.field} ${s.value}${s.row ? ' (column)' : ''}`);
    expect(read.sort()).toEqual([
      'email ada@park.dev (column)', 'email ben@ode.io', 'email ben@ode.io (column)', 'name Ada Park (column)', 'name Ben Ode (column)',
      'phone +14155550134', 'phone +44 20 7946 0123',
    ].sort());
  });
  it('reads the rows of a grid whose header comes after some of them', () => {
    expect(detect(`<div role="grid"><div role="row"><span role="gridcell">Ada Park</span><span role="gridcell">ada@park.dev</span></div>
      <div role="row"><span role="columnheader">Name</span><span role="columnheader">Email</span></div>
      <div role="row"><span role="gridcell">Ben Ode</span><span role="gridcell">ben@ode.io</span></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('takes names, titles and companies from their own columns, never from a neighbour', () => {
    expect(detect(`<table><tr><th>Name</th><th>Company</th><th>Job title</th><th>Role</th></tr>
      <tr><td><span>AP</span> Ada Park<small>Joined 2024</small></td><td>Park Labs</td><td>CFO</td><td>Viewer</td></tr>
      <tr><td>Ben Ode</td><td>Ode Inc</td><td>—</td><td>Creator</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', company: 'Park Labs', title: 'CFO' }, { name: 'Ben Ode', company: 'Ode Inc' }]);
  });
});

describe('structured data', () => {
  it('reads JSON-LD persons, microdata and hCards', () => {
    const page = `<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Ada Park","email":"mailto:ada@park.dev","jobTitle":"CFO"}}</script>
      <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ben Ode</span><a itemprop="email" href="mailto:ben@ode.io">mail</a></div>
      <div class="vcard"><span class="fn">Cy Lu</span><span class="org">Lu Labs</span><a class="tel" href="tel:+14155550134">call</a></div>`;
    expect(detect(page)).toEqual(expect.arrayContaining([
      { name: 'Ben Ode', email: 'ben@ode.io' },
      { name: 'Cy Lu', company: 'Lu Labs', phone: '+14155550134' },
      { name: 'Ada Park', email: 'ada@park.dev', title: 'CFO' }]));
  });
});

describe('grouping people', () => {
  it('makes one person per card and names it from the heading', () => {
    expect(detect(`<section><div class="c"><h3>Ada Park</h3><a href="mailto:ada@park.dev">Email</a><p>+1 415 555 0134</p></div>
      <div class="c"><h3>Ben Ode</h3><a href="https://www.linkedin.com/in/benode/">in</a></div></section>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+14155550134' }, { name: 'Ben Ode', linkedin: 'https://www.linkedin.com/in/benode' }]);
  });
  it('merges the same person seen twice (row and panel) by email', () => {
    const people = detect(`<ul><li>Ada Park ada@park.dev</li><li>Ben Ode ben@ode.io</li></ul>
      <aside><h2>Ada Park</h2><p>Email: ada@park.dev</p><p>Company: Park Labs</p></aside>`);
    expect(people).toEqual([{ email: 'ada@park.dev', company: 'Park Labs', name: 'Ada Park' }, { email: 'ben@ode.io' }]);
  });
  it('files a cell read by its column under its row, even with a record inside the row', () => {
    const doc = parseHtml('<html><body><table><tr id="row"><td><div data-lead id="lead"><b id="name">Ada Park</b></div></td><td id="email">ada@park.dev</td></tr></table></body></html>');
    const el = (id: string) => doc.getElementById(id)!;
    const row = el('row');
    const signals = [{ ...signal('name', 'Ada Park', el('name'), 2), row }, { ...signal('email', 'ada@park.dev', el('email'), 2), row }];
    const rules = { root: doc.body, isRecord: (e: Element) => e === row || e.hasAttribute('data-lead'), isCeiling: () => false, nameOf: () => undefined };
    expect(groupPeople(signals, rules).map((p) => p.records.map((r) => r.id))).toEqual([['row']]);
  });
  it('merges one phone written two ways, never two numbers that only share their last digits', () => {
    const one = (person: ReportedPerson) => ({ person, records: [] as Element[] });
    const merged = dedupe([one({ name: 'Ada Park', phone: '+44 20 7946 0123' }), one({ phone: '020 7946 0123', phoneCountry: 'GB', company: 'Park Labs' }),
      one({ name: 'Ben Ode', phone: '+1 212 594 60123' })]).map((p) => p.person);
    expect(merged).toEqual([{ name: 'Ada Park', phone: '+44 20 7946 0123', phoneCountry: 'GB', company: 'Park Labs' }, { name: 'Ben Ode', phone: '+1 212 594 60123' }]);
  });
  it('keeps apart people who share a name or an office number but have their own emails', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th><th>Phone</th></tr>
      <tr><td>John Smith</td><td>john@acme.io</td><td>+1 415 555 0100</td></tr>
      <tr><td>John Smith</td><td>jsmith@other.org</td><td></td></tr>
      <tr><td>Ada Park</td><td>ada@acme.io</td><td>+1 415 555 0100</td></tr></table>`)).toEqual([
      { name: 'John Smith', email: 'john@acme.io', phone: '+14155550100' },
      { name: 'John Smith', email: 'jsmith@other.org' },
      { name: 'Ada Park', email: 'ada@acme.io', phone: '+14155550100' },
    ]);
  });
  it('never names a person from <title>', () => {
    const d = detectPeople(parseHtml('<html><head><title>Ada Park</title></head><body><p>ada@park.dev</p></body></html>'), { url: 'https://x.org/' });
    expect(d.people).toEqual([{ email: 'ada@park.dev' }]);
  });
});

describe('what is never reported', () => {
  it('skips hidden elements, code samples, scripts and templates', () => {
    expect(detect(`<p hidden>a@hidden.io</p><p aria-hidden="true">b@hidden.io</p><p style="display: none">c@hidden.io</p>
      <div style="visibility:hidden">d@hidden.io</div><pre>e@code.io</pre><code>f@code.io</code><script>var x = "g@script.io"</script>
      <template><p>h@template.io</p></template><noscript>i@noscript.io</noscript><p>kept@visible.io</p>`)).toEqual([{ email: 'kept@visible.io' }]);
  });
  it('leaves out the signed-in user shown in the header or account menu, wherever else they appear', () => {
    expect(detect(`<header><div class="user-menu"><span>Jordan Blake</span><span>jordan@agency.io</span></div></header>
      <table><tr><th>Name</th><th>Email</th></tr><tr><td>Jordan Blake</td><td>jordan@agency.io</td></tr><tr><td>Ada Park</td><td>ada@park.dev</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }]);
  });
  it('keeps a header that belongs to a record', () => {
    expect(detect('<article><header><h2>Ada Park</h2><a href="mailto:ada@park.dev">mail</a></header></article>')).toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }]);
  });
  it('does not throw on odd nodes and still reads the rest', () => {
    const doc = parseHtml('<ul><li id="odd">x</li><li>ada@park.dev</li></ul>');
    Object.defineProperty(doc.getElementById('odd')!, 'childNodes', { get() { throw new Error('boom'); } });
    expect(detectPeople(doc, { url: 'https://x.org/' }).people).toEqual([{ email: 'ada@park.dev' }]);
  });
});
