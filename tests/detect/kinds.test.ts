// @vitest-environment happy-dom
// The kinds of page the detector has to read without knowing the app: names and phones split over
// elements, grids that are not tables, conversation lists, profiles, mail threads, and what is
// never a person. Each page here is small and written in its own style.
import { describe, expect, it } from 'vitest';
import { detectPeople } from '../../lib/detect';
import { findEmails } from '../../lib/detect/text';
import { parseHtml } from './helpers';

const detect = (body: string, opts: { lang?: string; url?: string } = {}) =>
  detectPeople(parseHtml(`<html lang="${opts.lang ?? 'en'}"><body>${body}</body></html>`), { url: opts.url ?? 'https://crm.example.org/x' }).people;

describe('names split over elements', () => {
  it('joins a first and a last name shown in two spans of one cell, never the avatar or a badge', () => {
    expect(detect(`<table><tr><th>Contact</th><th>Email</th></tr>
      <tr><td><i class="av">AP</i><span>Ada</span> <span>Park</span> <em>Admin</em></td><td>ada@park.dev</td></tr>
      <tr><td><span>Ben</span><span>Ode</span><small>joined 2024</small></td><td>ben@ode.io</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('joins a name laid out as two sibling blocks, and a heading whose parts are spans', () => {
    expect(detect(`<div class="cards"><section><div class="who"><div>Maya</div><div>Okafor</div></div><a href="mailto:maya@okafor.ng">Write</a></section>
      <section><h3><span>Kenji</span> <span>Watanabe</span></h3><div>Data Lead</div><a href="mailto:kenji@sora.jp">Write</a></section></div>`))
      .toEqual([{ name: 'Maya Okafor', email: 'maya@okafor.ng' }, { name: 'Kenji Watanabe', email: 'kenji@sora.jp', title: 'Data Lead' }]);
  });
  it('reads a link whose text is split into first and last name', () => {
    expect(detect('<ul><li><a href="https://www.linkedin.com/in/ada-park"><b>Ada</b><b>Park</b></a></li><li><a href="https://www.linkedin.com/in/ben-ode">Ben Ode</a></li></ul>'))
      .toEqual([{ name: 'Ada Park', linkedin: 'https://www.linkedin.com/in/ada-park' }, { name: 'Ben Ode', linkedin: 'https://www.linkedin.com/in/ben-ode' }]);
  });
  it('puts first-name and last-name columns together', () => {
    expect(detect(`<table><tr><th>First</th><th>Last</th><th>E-mail</th></tr><tr><td>Ada</td><td>Park</td><td>ada@park.dev</td></tr>
      <tr><td>Ben</td><td>Ode</td><td>ben@ode.io</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
});

describe('column headers as CRMs word them', () => {
  it('reads "Account", "Org", "Business" columns as the company and "Occupation", "Job role" as the title', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th><th>Account</th><th>Occupation</th></tr><tr><td>Ada Park</td><td>ada@park.dev</td><td>Park Labs</td><td>Head of Growth</td></tr></table>
      <table><tr><th>Name</th><th>Email</th><th>Business</th><th>Job role</th></tr><tr><td>Ben Ode</td><td>ben@ode.io</td><td>Ode Robotics</td><td>Data Lead</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs', title: 'Head of Growth' }, { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Robotics', title: 'Data Lead' }]);
  });
});

describe('a row’s name cell with more under the name', () => {
  it('reads the company or title stacked under the name in its cell, never a role or state badge', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th></tr>
      <tr><td><div>Ada Park</div><div class="muted">Park Labs</div></td><td>ada@park.dev</td></tr>
      <tr><td><div>Ben Ode</div><small>Head of Growth</small></td><td>ben@ode.io</td></tr>
      <tr><td><div>Cy Lu</div><span class="badge">Admin</span></td><td>cy@lu.io</td></tr>
      <tr><td><div>Dee Moss</div><span class="badge">Owner</span></td><td>dee@moss.io</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs' }, { name: 'Ben Ode', email: 'ben@ode.io', title: 'Head of Growth' },
        { name: 'Cy Lu', email: 'cy@lu.io' }, { name: 'Dee Moss', email: 'dee@moss.io' }]);
  });
});

describe('never people', () => {
  it('never reads a role mailbox or a placeholder address as a person, wherever it is', () => {
    for (const x of ['support@acme.io', 'hello@acme.io', 'info@acme.co.uk', 'sales@acme.io', 'noreply@acme.io', 'no-reply@acme.io',
      'team@acme.io', 'billing@acme.io', 'careers@acme.io', 'privacy@acme.io', 'contact@acme.io', 'help@acme.io', 'admin@acme.io',
      'you@yourcompany.com', 'name@company.com', 'jane.doe@domain.com']) {
      expect(findEmails(`write to ${x}`), x).toEqual([]);
    }
    for (const kept of ['ada@park.dev', 'helena.support@acme.io', 'infoline.ada@acme.io', 'salesforce.admin.ada@x.io', 'dev@ramanandsons.com']) {
      expect(findEmails(kept), kept).toEqual([kept]);
    }
  });
  it('keeps a row whose only email is a role mailbox, without that email', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th><th>Company</th></tr><tr><td>Ada Park</td><td>info@parklabs.io</td><td>Park Labs</td></tr>
      <tr><td>Ben Ode</td><td>ben@ode.io</td><td>Ode Inc</td></tr></table><footer>Questions? support@crm.example.org</footer>`))
      .toEqual([{ name: 'Ada Park', company: 'Park Labs' }, { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Inc' }]);
  });
});

describe('phones split over elements or written nationally', () => {
  it('joins a calling code shown on its own with the number after it', () => {
    expect(detect(`<ul><li><b>Ada Park</b> <a href="mailto:ada@park.dev">ada@park.dev</a> <span class="cc">+44</span><span>20 7946 0123</span></li>
      <li><b>Ben Ode</b> <a href="mailto:ben@ode.io">ben@ode.io</a> <span>(+49)</span> <span>0151 1234 5678</span></li></ul>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+442079460123' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+4915112345678' }]);
  });
  it('reads a code column whose cells name the country beside the calling code ("GB +44", "DE (+49)", "+33 (FR)")', () => {
    expect(detect(`<table><tr><th>Name</th><th>Code</th><th>Phone</th></tr><tr><td>Ada Park</td><td>GB +44</td><td>20 7946 0123</td></tr>
      <tr><td>Ben Ode</td><td>DE (+49)</td><td>151 1234 5678</td></tr><tr><td>Cy Lu</td><td>+33 (FR)</td><td>1 99 00 12 34</td></tr></table>`).map((p) => p.phone))
      .toEqual(['+442079460123', '+4915112345678', '+33199001234']);
  });
  it('reads a code column with the country after the calling code ("+44 GB"), and a country column with the calling code beside it ("GB (+44)")', () => {
    expect(detect(`<table><tr><th>Name</th><th>Code</th><th>Phone</th></tr><tr><td>Ada Park</td><td>+44 GB</td><td>20 7946 0123</td></tr>
      <tr><td>Ben Ode</td><td>+49 DE</td><td>151 1234 5678</td></tr></table>
      <table><tr><th>Name</th><th>Country</th><th>Phone</th></tr><tr><td>Cy Lu</td><td>FR (+33)</td><td>01 99 00 12 34</td></tr>
      <tr><td>Dana Roe</td><td>United Kingdom +44</td><td>020 7946 0124</td></tr></table>`).map((p) => p.phone))
      .toEqual(['+442079460123', '+4915112345678', '+33199001234', '+442079460124']);
  });
  it('reads the first of several numbers in one cell ("+44 20 7946 0123 / +44 7700 900123", "…; …", "… or …")', () => {
    expect(detect(`<table><tr><th>Name</th><th>Phone</th></tr><tr><td>Ada Park</td><td>+44 20 7946 0123 / +44 7700 900123</td></tr>
      <tr><td>Ben Ode</td><td>(415) 555-0134; (415) 555-0199</td></tr><tr><td>Cy Lu</td><td>+33 1 99 00 12 34 or +33 6 12 34 56 78</td></tr></table>`).map((p) => p.phone))
      .toEqual(['+442079460123', '4155550134', '+33199001234']);
  });
  it('reads a code column written as dialled from abroad ("0044"), and never takes a 0 for a calling code', () => {
    expect(detect(`<table><tr><th>Name</th><th>Code</th><th>Phone</th></tr><tr><td>Ada Park</td><td>0044</td><td>20 7946 0123</td></tr>
      <tr><td>Ben Ode</td><td>0049</td><td>151 1234 5678</td></tr><tr><td>Cy Lu</td><td>00</td><td>20 7946 0124</td></tr></table>`).map((p) => p.phone))
      .toEqual(['+442079460123', '+4915112345678', '2079460124']); // no code: kept as written, never guessed
  });
  it('reads a national number with its row’s calling-code cell or country column, before the page’s language', () => {
    expect(detect(`<table><tr><th>Name</th><th>Country</th><th>Mobile</th></tr>
      <tr><td>Ada Park</td><td>Germany</td><td>0151 1234 5678</td></tr>
      <tr><td>Ben Ode</td><td>🇳🇬 Nigeria</td><td>0803 123 4567</td></tr>
      <tr><td>Cy Lu</td><td></td><td>020 7946 0123</td></tr></table>`, { lang: 'en-GB' })).toEqual([
      { name: 'Ada Park', phone: '+4915112345678' }, { name: 'Ben Ode', phone: '+2348031234567' }, { name: 'Cy Lu', phone: '+442079460123' }]);
    expect(detect(`<div role="table"><div role="row"><span role="columnheader">Name</span><span role="columnheader">Code</span><span role="columnheader">Phone</span></div>
      <div role="row"><span role="cell">Ada Park</span><span role="cell">+33</span><span role="cell">06 12 34 56 78</span></div>
      <div role="row"><span role="cell">Ben Ode</span><span role="cell">1</span><span role="cell">(415) 555-0134</span></div></div>`))
      .toEqual([{ name: 'Ada Park', phone: '+33612345678' }, { name: 'Ben Ode', phone: '+14155550134' }]);
  });
  it('reads a card’s location as its country', () => {
    expect(detect(`<section><article><h3>Ada Park</h3><p>Location: Munich, Germany</p><p>Phone: 089 1234 5678</p></article>
      <article><h3>Ben Ode</h3><p>Location: Lagos, Nigeria</p><p>Phone: 0803 123 4567</p></article></section>`))
      .toEqual([{ name: 'Ada Park', phone: '+498912345678' }, { name: 'Ben Ode', phone: '+2348031234567' }]);
  });
  it('keeps a national number national when nothing on the page says its country (never guessed)', () => {
    expect(detect('<dl><dt>Name</dt><dd>Ada Park</dd><dt>Phone</dt><dd>(415) 555-0134</dd></dl>')).toEqual([{ name: 'Ada Park', phone: '4155550134' }]);
  });
});

describe('grids that are not tables', () => {
  it('reads a row whose empty cells show a dash ("—") by its columns, never the dash as a signature’s sign-off', () => {
    expect(detect(`<div><span class="head"><span>Name</span><span>Email</span><span>Job title</span><span>Company</span><span>Location</span></span></div>
      <div class="r"><span class="cells"><span>Thabo Garcia</span><span>thabo@lighthousedental.com</span><span>—</span><span>Lighthouse Dental</span><span>Denver</span></span></div>
      <div class="r"><span class="cells"><span>Jack Thompson</span><span>jack@parkside.com</span><span>Owner</span><span>Parkside Pediatrics</span><span>Chicago</span></span></div>`))
      .toEqual([{ name: 'Thabo Garcia', email: 'thabo@lighthousedental.com', company: 'Lighthouse Dental' },
        { name: 'Jack Thompson', email: 'jack@parkside.com', title: 'Owner', company: 'Parkside Pediatrics' }]);
  });
  const want = [
    { name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs', title: 'CFO' },
    { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Inc', title: 'Founder' },
  ];
  it('reads a grid whose pinned column and other columns are separate containers, cells out of order, by aria-colindex and aria-rowindex', () => {
    const head = (i: number, text: string) => `<div role="columnheader" aria-colindex="${i}"><div><span class="icon">⇅</span><div><span>${text}</span></div><span class="menu">⋮</span></div></div>`;
    const cell = (i: number, text: string) => `<div role="gridcell" aria-colindex="${i}">${text}</div>`;
    expect(detect(`<div role="treegrid" aria-colcount="4">
      <div class="head"><div class="left"><div role="row" aria-rowindex="1">${head(1, 'Name')}</div></div>
        <div class="center"><div role="row" aria-rowindex="1">${head(3, 'Company')}${head(2, 'Email')}${head(4, 'Title')}</div></div></div>
      <div class="body"><div class="left" role="rowgroup">
          <div role="row" aria-rowindex="3">${cell(1, 'Ben Ode')}</div><div role="row" aria-rowindex="2">${cell(1, '<a href="/p/1">Ada Park</a>')}</div></div>
        <div class="center" role="rowgroup">
          <div role="row" aria-rowindex="2">${cell(4, 'CFO')}${cell(2, 'ada@park.dev')}${cell(3, 'Park Labs')}</div>
          <div role="row" aria-rowindex="3">${cell(2, 'ben@ode.io')}${cell(3, 'Ode Inc')}${cell(4, 'Founder')}</div></div></div>
      </div>`)).toEqual(expect.arrayContaining(want));
  });
  it('reads a grid with a selection column, deep header titles and columns numbered by aria-colindex', () => {
    const head = (i: number, text: string) => `<div role="columnheader" aria-colindex="${i}"><div><div><div><div>${text}</div></div></div></div></div>`;
    const row = (i: number, cells: string[]) => `<div role="row" aria-rowindex="${i}"><div role="gridcell" aria-colindex="1"><input type="checkbox"></div>${
      cells.map((c, k) => `<div role="gridcell" aria-colindex="${k + 2}"><div>${c}</div></div>`).join('')}</div>`;
    expect(detect(`<div role="grid"><div role="rowgroup"><div role="row" aria-rowindex="1"><div role="columnheader" aria-colindex="1"></div>${
      head(2, 'Full name')}${head(3, 'Work email')}${head(4, 'Organization')}${head(5, 'Job title')}</div></div>
      <div role="rowgroup">${row(2, ['Ada Park', 'ada@park.dev', 'Park Labs', 'CFO'])}${row(3, ['Ben Ode', 'ben@ode.io', 'Ode Inc', 'Founder'])}</div></div>`)).toEqual(want);
  });
  it('reads a header table apart from its body table', () => {
    expect(detect(`<div class="t"><div class="t-head"><table><colgroup><col><col></colgroup><thead><tr><th>Name</th><th>Email</th><th>Company</th><th>Title</th></tr></thead></table></div>
      <div class="t-body"><table><colgroup><col><col></colgroup><tbody><tr aria-hidden="true"><td></td><td></td><td></td><td></td></tr>
      <tr><td>Ada Park</td><td>ada@park.dev</td><td>Park Labs</td><td>CFO</td></tr><tr><td>Ben Ode</td><td>ben@ode.io</td><td>Ode Inc</td><td>Founder</td></tr></tbody></table></div></div>`))
      .toEqual(want);
  });
  it('reads a header table apart from its virtualised body of div rows (fixed-width cells in a scrolling box)', () => {
    expect(detect(`<div><div class="head"><table><thead><tr><th>Name</th><th>Email</th><th>Country</th><th>Phone</th><th>Job title</th></tr></thead></table></div>
      <div class="scroll"><div style="height: 8800px; position: relative">
        <div style="transform: translateY(0px)"><div>Ada Park</div><div>ada@park.dev</div><div>Germany</div><div>030 23125 123</div><div>CFO</div></div>
        <div style="transform: translateY(44px)"><div>Ben Ode</div><div>ben@ode.io</div><div>France</div><div>01 99 00 12 34</div><div>Founder</div></div></div></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+493023125123', title: 'CFO' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+33199001234', title: 'Founder' }]);
  });
  it('reads a head row of divs apart from its virtualised body, never the box of rows as one row', () => {
    expect(detect(`<div><div class="head"><div><div>Name</div><div>Email</div><div>Country</div><div>Phone</div><div>Job title</div></div></div>
      <div class="scroll"><div style="height: 8800px; position: relative">
        <div><div>Ada Park</div><div>ada@park.dev</div><div>Germany</div><div>030 23125 123</div><div>CFO</div></div>
        <div><div>Ben Ode</div><div>ben@ode.io</div><div>France</div><div>01 99 00 12 34</div><div>Founder</div></div></div></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+493023125123', title: 'CFO' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+33199001234', title: 'Founder' }]);
  });
  it('reads a CSS grid whose header cells and data cells are all siblings', () => {
    expect(detect(`<div class="grid" style="display:grid;grid-template-columns:repeat(4,1fr)">
      <div>Name</div><div>Email</div><div>Company</div><div>Title</div>
      <div><b>Ada</b> <b>Park</b></div><div>ada@park.dev</div><div>Park Labs</div><div>CFO</div>
      <div>Ben Ode</div><div><a href="mailto:ben@ode.io">ben@ode.io</a></div><div>Ode Inc</div><div>Founder</div></div>`)).toEqual(want);
  });
  it('reads a head of divs above a body of rows, and rows that are display: contents', () => {
    expect(detect(`<div class="list"><div class="list-head"><div class="r"><span>Name</span><span>Email</span><span>Company</span><span>Title</span></div></div>
      <div class="list-body"><div class="r" style="display:contents"><span>Ada Park</span><span>ada@park.dev</span><span>Park Labs</span><span>CFO</span></div>
      <div class="r" style="display:contents"><span>Ben Ode</span><span>ben@ode.io</span><span>Ode Inc</span><span>Founder</span></div></div></div>`)).toEqual(want);
  });
  it('reads role=table with row groups and plain cells', () => {
    expect(detect(`<div role="table"><div role="rowgroup"><div role="row"><span role="columnheader">Name</span><span role="columnheader">Email</span>
      <span role="columnheader">Company</span><span role="columnheader">Title</span></div></div><div role="rowgroup">
      <div role="row"><span role="cell">Ada Park</span><span role="cell">ada@park.dev</span><span role="cell">Park Labs</span><span role="cell">CFO</span></div>
      <div role="row"><span role="cell">Ben Ode</span><span role="cell">ben@ode.io</span><span role="cell">Ode Inc</span><span role="cell">Founder</span></div></div></div>`)).toEqual(want);
  });
  it('reads a CSS grid whose header cells come first and whose rows are boxes of one cell per column (display: contents)', () => {
    expect(detect(`<div style="display:grid"><span>First name</span><span>Last name</span><span>Email</span><span>Company</span><span>Title</span><span>Owner</span>
      <div style="display:contents"><div>Ada</div><div>Park</div><div>ada@park.dev</div><div>Park Labs</div><div>CFO</div><div>Kim Lee</div></div>
      <div style="display:contents"><div>Ben</div><div>Ode</div><div>ben@ode.io</div><div>Ode Inc</div><div>Founder</div><div>Kim Lee</div></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', company: 'Park Labs', title: 'CFO' }, { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Inc', title: 'Founder' }]);
  });
});

describe('conversation lists', () => {
  it('reads a name label whose value is an avatar and the name (the initials are not part of it)', () => {
    expect(detect(`<div class="lead"><span>Contact</span><div><div class="av">LA</div><h6>Linnea Ashworth</h6></div>
      <div><div>Email</div><div><a href="mailto:linnea@harbourlight.co.uk">linnea@harbourlight.co.uk</a></div></div>
      <div><div>Phone</div><div>+44 113 496 0183</div></div><div><div>Company</div><div>Harbourlight Biotech</div></div></div>`))
      .toEqual([{ name: 'Linnea Ashworth', email: 'linnea@harbourlight.co.uk', phone: '+441134960183', company: 'Harbourlight Biotech' }]);
  });
  it('reads entries that show only an avatar and a name, and merges the open one with its lead panel', () => {
    expect(detect(`<div class="inbox"><ul class="threads">
      <li><div class="av">MO</div><div><div class="t"><span>Maya</span> <span>Okafor</span></div><p>Sounds great, Tuesday works.</p><time>2m</time></div></li>
      <li><div class="av"><img src="/a/2.png" alt="Diego Santos"></div><div><div class="t">Diego Santos</div><p>Can you send pricing?</p></div></li>
      <li><div class="av">L</div><div><div class="t">Lukas Brenner</div><p>Thanks for connecting!</p></div></li>
      <li><div class="av">QX</div><div><div class="t">Weekly Digest</div><p>Your stats</p></div></li></ul>
      <section class="chat"><p>Sounds great, Tuesday works.</p></section>
      <aside><h2>Maya Okafor</h2><dl><dt>Company</dt><dd>BrightPath</dd><dt>Email</dt><dd>maya@brightpath.io</dd></dl></aside></div>`))
      .toEqual([{ name: 'Maya Okafor', email: 'maya@brightpath.io', company: 'BrightPath' }, { name: 'Diego Santos' }, { name: 'Lukas Brenner' }]);
  });
  it('never reads the day or time shown beside an entry’s name as its company', () => {
    expect(detect(`<ul><li><span class="av">AP</span><div><div><span>Ada Park</span><span>Mon</span></div><p>See you at the demo!</p></div></li>
      <li><span class="av">BO</span><div><div><span>Ben Ode</span><span>Yesterday</span></div><p>Thanks, that helps.</p></div></li>
      <li><span class="av">CL</span><div><div><span>Cy Lu</span><span>Thursday</span></div><p>Booked.</p></div></li></ul>`))
      .toEqual([{ name: 'Ada Park' }, { name: 'Ben Ode' }, { name: 'Cy Lu' }]);
  });
  it('does not take a company logo beside its name, or a name no avatar stands for, as a person', () => {
    expect(detect(`<ul><li><img alt="Acme Corp" src="/l.png"><span>Acme Corp</span></li><li><img alt="Park Labs" src="/p.png"><b>Park Labs</b> · 12 seats</li>
      <li><span class="av">JD</span><span>Kanban Board</span></li><li><b>Ada Park</b> signed up</li></ul>`)).toEqual([]);
  });
});

describe('profile pages', () => {
  const profile = (dialog: string) => `<nav><a href="/feed/">Home</a><a href="/in/jules-ortega/">Me</a></nav>
    <main><section class="top"><img src="/p.jpg" alt="Maya Okafor"><h1>Maya Okafor</h1><div>Head of Growth at BrightPath | Scaling B2B SaaS</div>
      <span>Lagos, Nigeria · 500+ connections</span><button>Contact info</button></section>
    <section><h2>Experience</h2><ul>
      <li><div><span aria-hidden="true">Head of Growth</span><span>Head of Growth</span></div><span>BrightPath · Full-time</span><span>Mar 2023 – Present · 3 yrs</span></li>
      <li><div><span>Growth Lead</span></div><span>Paystack · Full-time</span><span>2019 – 2023</span></li></ul></section></main>
    <aside><h2>People also viewed</h2><ul>
      <li><a href="/in/tobi-adeyemi/"><span>Tobi</span> <span>Adeyemi</span></a><div>VP Sales at Kora</div></li>
      <li><a href="/in/ama-mensah-3a/">Ama Mensah</a><div>Founder</div></li></ul></aside>${dialog}`;
  it('reads the subject: the h1 name, the current position and company (never the headline), the page’s own profile URL, and an open contact-info dialog', () => {
    const people = detect(profile(`<div role="dialog" aria-label="Contact info"><h2>Contact info</h2>
      <section><h3>Email</h3><a href="mailto:maya@brightpath.io">maya@brightpath.io</a></section><section><h3>Phone</h3><span>+234 803 123 4567 (Mobile)</span></section></div>`),
    { url: 'https://www.linkedin.com/in/maya-okafor/' });
    expect(people).toEqual([
      { name: 'Maya Okafor', linkedin: 'https://www.linkedin.com/in/maya-okafor', title: 'Head of Growth', company: 'BrightPath', email: 'maya@brightpath.io', phone: '+2348031234567' },
      { name: 'Tobi Adeyemi', linkedin: 'https://www.linkedin.com/in/tobi-adeyemi' },
      { name: 'Ama Mensah', linkedin: 'https://www.linkedin.com/in/ama-mensah-3a', title: 'Founder' },
    ]);
  });
  it('reads no dialog that is closed, and no subject on a page whose h1 is not a person', () => {
    expect(detect(profile('<div role="dialog" hidden><a href="mailto:maya@brightpath.io">maya@brightpath.io</a></div>'), { url: 'https://www.linkedin.com/in/maya-okafor/' })[0])
      .toEqual({ name: 'Maya Okafor', linkedin: 'https://www.linkedin.com/in/maya-okafor', title: 'Head of Growth', company: 'BrightPath' });
    expect(detect('<main><h1>Quarterly Business Review</h1><p>Agenda for Friday</p></main>', { url: 'https://docs.example.org/qbr' })).toEqual([]);
    expect(detect('<main><h1>Ada Park</h1><p>Ada Park has written 12 posts.</p></main>', { url: 'https://blog.example.org/archive' })).toEqual([]);
  });
});

describe('mail threads', () => {
  it('reads participants from chips, names and titles from signatures, senders of quoted replies, and never the user', () => {
    const people = detect(`<header role="banner"><a aria-label="Account: Sam Carter (sam@growthlane.co)" href="/account"><img alt="" src="/me.png"></a></header>
      <main><h2>Pilot kickoff</h2>
      <div class="msg"><div class="who"><span email="helena@kestrel.de" name="Helena Brandt">Helena Brandt</span><span>to <span email="sam@growthlane.co" name="me">me</span>,
        <span email="omar@kestrel.de" name="Omar Farouk">Omar</span></span></div>
        <div class="body"><p>Hi Sam, see the draft attached.</p><div>Best regards,<br>Helena Brandt<br>Head of Procurement<br>Kestrel Robotics<br>+49 89 1234 5678</div></div></div>
      <div class="msg"><div class="who"><span email="sam@growthlane.co" name="Sam Carter">Sam Carter</span></div>
        <div class="body"><p>Thanks!</p><blockquote>On Tue, Mar 3, 2026 at 9:12 AM Helena Brandt &lt;helena@kestrel.de&gt; wrote:<br>Hi Sam…</blockquote>
        <p>--<br>Sam Carter<br>Founder | Growthlane</p></div></div>
      <div class="msg"><div class="who"><span email="ines@lumen.pt" name="Inês Duarte">Inês Duarte</span></div>
        <div class="body"><p>Cheers,</p><p>Inês Duarte</p><p>CFO, Lumen Saúde</p></div></div></main>`);
    expect(people).toEqual([
      { name: 'Helena Brandt', email: 'helena@kestrel.de', title: 'Head of Procurement', company: 'Kestrel Robotics', phone: '+498912345678' },
      { name: 'Omar Farouk', email: 'omar@kestrel.de' },
      { name: 'Inês Duarte', email: 'ines@lumen.pt', title: 'CFO', company: 'Lumen Saúde' },
    ]);
  });
});

describe('the user in a mail thread', () => {
  it('learns the address of the user’s own messages ("me <address>") and leaves the account block showing it out', () => {
    expect(detect(`<header><button aria-label="Account settings for Sam Carter"><span>SC</span></button></header>
      <aside><ul><li>Inbox</li><li>Sent</li></ul><div><div>SC</div><div><b>Sam Carter</b><div>sam@growthlane.co</div></div></div></aside>
      <main><article><div>Helena Brandt &lt;helena@kestrel.de&gt;</div><div>to me</div><p>Hi Sam, see the plan attached.</p></article>
      <article><div>me &lt;<span>sam@growthlane.co</span>&gt;</div><div>to Helena Brandt</div><p>Thanks!</p>
        <p>Best regards,</p><p>Sam Carter</p><p>Account Executive</p><p>Growthlane</p></article></main>`))
      .toEqual([{ name: 'Helena Brandt', email: 'helena@kestrel.de' }]);
  });
});

describe('what is never a person', () => {
  it('leaves out a company’s switchboard number, ids, dates, amounts, code samples, closed dialogs and hidden menus', () => {
    expect(detect(`<section class="company"><h2>Acme Logistics</h2><p>Main line: +44 20 7946 0000</p><p>Call us +1 800 555 0100</p></section>
      <p>Order #48213377 · 2026-03-04 · €1,299.00 · ID 4500012345</p><pre>{"email":"dev.sample@acme.io","phone":"+1 202 555 0188"}</pre>
      <dialog><h2>Invite</h2><p>Ada Park · ada@park.dev</p></dialog><div class="menu" style="display:none"><a href="mailto:ben@ode.io">Ben Ode</a></div>
      <ul role="menu"><li><a href="mailto:cy@lu.io">Cy Lu</a></li></ul>
      <article><h3>Dana Roe</h3><a href="mailto:dana@roe.org">dana@roe.org</a></article>
      <form><label>Name <input placeholder="Jane Doe"></label><p>e.g. <b>John Doe</b>, john.doe@company.com</p></form>`)).toEqual([{ name: 'Dana Roe', email: 'dana@roe.org' }]);
  });
  it('reads a value set in code type as all of a cell’s text, never a code sample nor code within a sentence', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th><th>Phone</th></tr>
      <tr><td>Ada Park</td><td><code>ada@park.dev</code></td><td><code>+44 20 7946 0123</code></td></tr>
      <tr><td>Ben Ode</td><td>Write to <code>ops@ode.io</code></td><td><pre><code>+1 202 555 0188</code></pre></td></tr></table>
      <p>Invite <code>cy.lu@acme.io</code> as a member</p><dl><dt>Owner</dt><dd><code>dana@roe.org</code></dd></dl>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+442079460123' }, { name: 'Ben Ode' }, { email: 'dana@roe.org' }]);
  });
  it('reads a calling code set in code type before the number in its cell ("<code>+44</code> 20 7946 0123"), never dropping it', () => {
    expect(detect(`<table><tr><th>Name</th><th>Email</th><th>Phone</th></tr>
      <tr><td>Ada Park</td><td>ada@park.dev</td><td><code>+44</code> 20 7946 0123</td></tr>
      <tr><td>Ben Ode</td><td>ben@ode.io</td><td><code>+1</code> 212 555 0134</td></tr></table>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+442079460123' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+12125550134' }]);
  });
});

describe('members lists', () => {
  it('reads members and pending invites, and leaves out the row marked as the user’s own wherever else the user shows', () => {
    expect(detect(`<main><h1>Team</h1><table><tr><th>Member</th><th>Email</th><th>Role</th><th>Status</th></tr>
      <tr><td>Sam Carter <span class="badge">(You)</span></td><td>sam@growthlane.co</td><td>Owner</td><td>Active</td></tr>
      <tr><td>Ada Park</td><td>ada@park.dev</td><td>Editor</td><td>Active</td></tr>
      <tr><td></td><td>ben@ode.io</td><td>Viewer</td><td>Invite sent</td></tr></table>
      <p>Invitations are sent from <a href="mailto:sam@growthlane.co">Sam Carter</a>.</p></main>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { email: 'ben@ode.io' }]);
  });
});

describe('countries', () => {
  it('names a region by its own code, not by a code reserved for it', async () => {
    const { countryCode } = await import('../../lib/detect/country');
    expect([countryCode('United Kingdom'), countryCode('France'), countryCode('Deutschland', 'de-DE'), countryCode('🇦🇺'), countryCode('Sydney, Australia')])
      .toEqual(['GB', 'FR', 'DE', 'AU', 'AU']);
  });
});

describe('cards', () => {
  it('keeps a card or a message whose person shows two numbers (work and mobile) one person, apart from the next card', () => {
    expect(detect(`<div><div class="c"><h3>Ada Park</h3><p>Head of Growth</p><p>Park Labs</p><p>Work: +44 20 7946 0123</p><p>Mobile: +44 20 7946 0999</p><p>ada@park.dev</p></div>
      <div class="c"><h3>Ben Ode</h3><p>Data Lead</p><p>Ode Robotics</p><p>Work: +44 20 7946 0456</p><p>ben@ode.io</p></div></div>
      <article><p>From: Cy Lu &lt;cy@lu.io&gt;</p><p>Could we move the call?</p><p>Best,</p><p>Cy Lu</p><p>Sales Director</p><p>Lu Works</p><p>T: +44 20 7946 0777</p><p>M: +44 20 7946 0888</p></article>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+442079460999', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', phone: '+442079460456', title: 'Data Lead', company: 'Ode Robotics' },
        { name: 'Cy Lu', email: 'cy@lu.io', phone: '+442079460777', title: 'Sales Director', company: 'Lu Works' }]);
  });
  it('keeps a card or a detail page whose person shows two addresses (work and personal) one person', () => {
    expect(detect(`<div><div class="c"><h3>Ada Park</h3><p>Park Labs</p><p>Work: ada@parklabs.io</p><p>Personal: ada.park@gmail.com</p></div>
      <div class="c"><h3>Ben Ode</h3><p>Ode Robotics</p><p>ben@ode.io</p></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', company: 'Park Labs' }, { name: 'Ben Ode', email: 'ben@ode.io', company: 'Ode Robotics' }]);
    expect(detect(`<dl><dt>Name</dt><dd>Ada Park</dd><dt>Email</dt><dd>ada@parklabs.io</dd><dt>Other email</dt><dd>ada.park@gmail.com</dd>
      <dt>Phone</dt><dd>+44 20 7946 0123</dd><dt>Mobile</dt><dd>+44 20 7946 0999</dd><dt>Company</dt><dd>Park Labs</dd></dl>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123', company: 'Park Labs' }]);
  });
  it('still tells apart two cards whose numbers are all that differ, one named in blocks and one in a heading', () => {
    expect(detect(`<div class="cards"><section><div class="who"><div>Maya</div><div>Okafor</div></div><p>Phone: +44 20 7946 0123</p></section>
      <section><h3><span>Kenji</span> <span>Watanabe</span></h3><div>Data Lead</div><p>Phone: +44 20 7946 0456</p></section></div>`))
      .toEqual([{ name: 'Maya Okafor', phone: '+442079460123' }, { name: 'Kenji Watanabe', phone: '+442079460456', title: 'Data Lead' }]);
  });
  it('reads the position under a name: a title and a company line, or "title · company"; never a headline', () => {
    expect(detect(`<section class="grid"><article class="card"><span class="av">AP</span><div><b>Ada Park</b><small>Procurement Lead</small></div>
        <p>Park Labs</p><p>Leeds</p><a href="mailto:ada@park.dev">Email</a></article>
      <article class="card"><h4>Ben Ode</h4><p>Founder &amp; CEO · Ode Robotics</p><a href="mailto:ben@ode.io">ben@ode.io</a></article>
      <article class="card"><h4>Cy Lu</h4><p>Head of Growth at Lu Labs | Scaling B2B</p><a href="mailto:cy@lu.io">cy@lu.io</a></article>
      <article class="card"><h4>Dana Roe</h4><p>We met at the expo.</p><a href="mailto:dana@roe.org">dana@roe.org</a></article></section>`)).toEqual([
      { name: 'Ada Park', title: 'Procurement Lead', company: 'Park Labs', email: 'ada@park.dev' },
      { name: 'Ben Ode', title: 'Founder & CEO', company: 'Ode Robotics', email: 'ben@ode.io' },
      { name: 'Cy Lu', email: 'cy@lu.io' },
      { name: 'Dana Roe', email: 'dana@roe.org' },
    ]);
  });
  it('reads the contact of deal cards: a name on a line of its own, then the company, in cards alike', () => {
    const card = (deal: string, name: string, company: string) =>
      `<div class="deal"><h6>${deal}</h6><h6>$4,500</h6><p class="t">${name}</p><p class="t">${company}</p><span>Close 2026-05-20</span></div>`;
    expect(detect(`<div class="board"><div class="col"><h2>Qualified</h2>${card('Pilot — Marrowgate', 'Sanjay Iyer', 'Marrowgate Dental')}${
      card('Renewal — Oakhaven', 'Dagny Dunmore', 'Oakhaven Foods')}</div><div class="col"><h2>Won</h2>${card('Expansion — Kestrel', 'Ugo Achebe', 'Kestrel Partners')}</div></div>
      <ul class="settings"><li class="row"><b>Dark Mode</b><span>Use a dark theme</span></li><li class="row"><b>Time Zone</b><span>Europe/London</span></li></ul>`))
      .toEqual([{ name: 'Sanjay Iyer', company: 'Marrowgate Dental' }, { name: 'Dagny Dunmore', company: 'Oakhaven Foods' }, { name: 'Ugo Achebe', company: 'Kestrel Partners' }]);
  });
});

describe('the page behind a modal, and lists in navigation landmarks', () => {
  it('reads the page an open modal dialog marks aria-hidden, and still skips what is aria-hidden without one', () => {
    expect(detect(`<div id="app" aria-hidden="true"><h1>Ada Park</h1><a href="mailto:ada@park.dev">ada@park.dev</a></div>
      <div role="dialog" aria-modal="true"><h2>Contact info</h2><p>Phone: +44 20 7946 0123</p></div>`, { url: 'https://crm.example.org/people/ada-park' }))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev', phone: '+442079460123' }]);
    expect(detect('<div aria-hidden="true"><a href="mailto:ada@park.dev">Ada Park</a></div><p>ben@ode.io</p>')).toEqual([{ email: 'ben@ode.io' }]);
  });
  it('reads a list of people in a labelled <nav>, never a site navigation', () => {
    expect(detect(`<nav><a href="/">Home</a><a href="mailto:sam@growthlane.co">Sam Carter</a></nav>
      <nav aria-label="Conversations"><ul><li><span>AP</span><span>Ada Park</span><p>See you then</p></li><li><span>BO</span><span>Ben Ode</span><p>Thanks!</p></li></ul></nav>
      <p>Write to sam@growthlane.co</p>`)).toEqual([{ name: 'Ada Park' }, { name: 'Ben Ode' }]);
  });
  it('reads the people an unlabelled <nav> or role=navigation lists (entries: a name and more), never a menu or the account entry', () => {
    expect(detect(`<nav><a href="/inbox">Inbox</a><a href="/help">Help Center</a><a href="/settings">Settings</a></nav>
      <nav><div role="button"><span>SC</span><span>Sam Carter</span><p>Online</p></div></nav>
      <nav><div role="button"><span>AP</span><span>Ada Park</span><p>See you then</p><span>10:42</span></div>
        <div role="button"><span>BO</span><span>Ben Ode</span><p>Thanks!</p><span>Yesterday</span></div></nav>
      <div role="navigation"><ul role="listbox"><a role="option" href="/conversations/7"><span>CL</span><span>Cy Lu</span><p>Booked.</p></a>
        <a role="option" href="/conversations/8"><span>DM</span><span>Dee Moss</span><p>Got it</p></a></ul></div>
      <p>Assigned to Sam Carter</p>`)).toEqual([{ name: 'Ada Park' }, { name: 'Ben Ode' }, { name: 'Cy Lu' }, { name: 'Dee Moss' }]);
  });
});

describe('the signed-in user', () => {
  it('is learnt from an account button’s label and a closed account menu, and left out of a thread', () => {
    expect(detect(`<header><button aria-haspopup="true" aria-label="Account of Nkechi Ashworth"><span>NA</span></button></header>
      <div style="visibility:hidden"><ul role="menu"><li><b>Nkechi Ashworth</b><p>nkechi@orbitpost.io</p></li></ul></div>
      <main><div email="nkechi@orbitpost.io" name="Nkechi Ashworth">Nkechi</div><div email="wil@saltmarsh.co.uk" name="Wil Ivanova">Wil</div>
      <p>--</p><p>Aurelio Halvorsen | Sales Director | Driftwood Labs</p></main>`)).toEqual([
      { email: 'wil@saltmarsh.co.uk', name: 'Wil Ivanova' }, { name: 'Aurelio Halvorsen', title: 'Sales Director', company: 'Driftwood Labs' }]);
  });
});

describe('the signed-in user with no "me" line', () => {
  it('leaves out a record whose only name is the user’s (an account block outside any landmark), its email and phone too', () => {
    expect(detect(`<header><button aria-haspopup="menu" aria-label="Account settings for Sam Carter"><span>SC</span></button></header>
      <div class="drawer"><ul><li>Leads</li><li>Deals</li></ul><div><span>SC</span><div><b>Sam Carter</b><div>sam@growthlane.co</div><div>+44 20 7946 0999</div></div>
        <a href="/me">My profile</a><button>Sign out</button></div></div>
      <div class="cards"><div class="card"><h2>Ada Park</h2><a href="mailto:ada@park.dev">ada@park.dev</a><p>Owner: Sam Carter</p></div>
        <div class="card"><h2>Ben Ode</h2><a href="mailto:ben@ode.io">ben@ode.io</a><p>Assigned to Sam Carter</p></div></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('never learns the current item of a breadcrumb as the user’s name (it names the page’s record)', () => {
    expect(detect(`<nav aria-label="Breadcrumb"><ol><li><a href="/contacts">Contacts</a></li><li aria-current="page">Ada Park</li></ol></nav>
      <main><h1>Ada Park</h1><p><a href="mailto:ada@park.dev">ada@park.dev</a></p></main>`, { url: 'https://crm.example.org/contacts/7' }))
      .toEqual([{ name: 'Ada Park', email: 'ada@park.dev' }]);
  });
});

describe('entries named in a heading or <strong>, and names sharing a line', () => {
  it('reads "Title at Company" under a card’s name as its position', () => {
    expect(detect(`<div class="grid"><div class="card"><span>AP</span><div><h3>Ada Park</h3><p>Head of Marketing at Park Labs</p></div></div>
      <div class="card"><span>BO</span><div><h3>Ben Ode</h3><p>VP Sales at Ode Robotics</p></div></div></div>
      <ul><li><span>CL</span><div><p><strong>Cy Lu</strong></p><p>Growth Lead at Lu Labs</p></div></li><li><span>DM</span><div><p><strong>Dee Moss</strong></p><p>Office Manager at Moss Freight</p></div></li></ul>`))
      .toEqual([{ name: 'Ada Park', title: 'Head of Marketing', company: 'Park Labs' }, { name: 'Ben Ode', title: 'VP Sales', company: 'Ode Robotics' },
        { name: 'Cy Lu', title: 'Growth Lead', company: 'Lu Labs' }, { name: 'Dee Moss', title: 'Office Manager', company: 'Moss Freight' }]);
  });
  it('reads the name an avatar stands before when the name and the last message share one text ("Ada Park · See you then")', () => {
    expect(detect(`<aside><ul><li><span>AP</span><p>Ada Park · See you then</p><span>10:42</span></li>
      <li><span>BO</span><p>Ben Ode · Thanks!</p><span>Mon</span></li></ul></aside>`))
      .toEqual([{ name: 'Ada Park' }, { name: 'Ben Ode' }]);
  });
});

describe('conversation entries whose avatar says nothing of the name', () => {
  const lead = `<section aria-label="Contact"><h2>Cy Lu</h2><p>Email: <a href="mailto:cy@lu.dev">cy@lu.dev</a></p><p>Phone: +44 20 7946 0123</p></section>`;
  it('reads every entry of a list whose one entry is the open lead (photos with an empty alt, icons, no avatar; the time anywhere)', () => {
    const people = detect(`<ul class="list"><li class="entry"><img src="a.png" alt=""><p>Ada Park</p><p>See you then</p></li>
      <li class="entry"><svg aria-hidden="true"></svg><p>Ben Ode</p><p>Thanks!</p><small>Mon</small></li>
      <li class="entry selected"><small>10:42</small><p>Cy Lu</p><p>Booked.</p></li></ul>${lead}`);
    expect(people).toHaveLength(3); // the open entry and its lead are one person
    expect(people).toEqual(expect.arrayContaining([{ name: 'Ada Park' }, { name: 'Ben Ode' }, { name: 'Cy Lu', email: 'cy@lu.dev', phone: '+442079460123' }]));
  });
  it('reads the entries of links alike, the open one drawn with a state class of its own ("active")', () => {
    expect(detect(`<div class="group"><a href="/c/1" class="item action"><div><h6>Ada Park</h6><small>2 days ago</small></div><p>Invoice</p></a>
      <a href="/c/2" class="item action active"><div><h6>Cy Lu</h6><small>3 mins ago</small></div><p>Export</p></a>
      <a href="/c/3" class="item action"><div><h6>Ben Ode</h6><small>Mon</small></div><p>Thanks</p></a></div>${lead}`).map((p) => p.name).sort())
      .toEqual(['Ada Park', 'Ben Ode', 'Cy Lu']);
  });
  it('reads the position under the name of cards that are links as a whole (a directory of profile cards)', () => {
    expect(detect(`<div class="dir"><a class="person" href="/p/1"><h3>Ada Park</h3><p>Head of Growth</p></a>
      <a class="person" href="/p/2"><h3>Ben Ode</h3><p>Data Lead</p></a></div>`))
      .toEqual([{ name: 'Ada Park', title: 'Head of Growth' }, { name: 'Ben Ode', title: 'Data Lead' }]);
  });
  it('never reads a list of titles as people: no entry of it is a person found otherwise', () => {
    expect(detect(`<div class="grid"><div class="card"><img src="t1.jpg" alt=""><p>Product Tour</p><span>2:31</span><span>3 days ago</span></div>
      <div class="card"><img src="t2.jpg" alt=""><p>Quarterly Kickoff</p><span>12:05</span><span>Mar 3</span></div>
      <div class="card"><img src="t3.jpg" alt=""><p>Pricing Explained</p><span>4:10</span><span>Yesterday</span></div></div>${lead}`))
      .toEqual([{ name: 'Cy Lu', email: 'cy@lu.dev', phone: '+442079460123' }]);
  });
  it('reads a navigation landmark of entries starting with an icon font’s glyph ("account_circle"), never learning their names as the user’s', () => {
    const entry = (name: string) => `<a class="item" href="/c/${name.length}"><span class="material-icons">account_circle</span><span>${name}</span><p>See you then</p></a>`;
    expect(detect(`<div role="navigation">${['Ada Park', 'Ben Ode', 'Cy Lu'].map(entry).join('')}</div>${lead}`).map((p) => p.name).sort())
      .toEqual(['Ada Park', 'Ben Ode', 'Cy Lu']);
  });
  it('takes none of the names of a chrome region listing several people for the user’s (its emails still are)', () => {
    expect(detect(`<nav><a href="/a">Ada Park</a><a href="/b">Ben Ode</a><a href="/c">Cy Lu</a><a href="/d">Dee Moss</a><a href="mailto:sam@growthlane.co">Sam</a></nav>
      <main><div class="card"><h2>Ben Ode</h2><a href="mailto:ben@ode.io">ben@ode.io</a></div><div class="card"><h2>Sam Carter</h2><a href="mailto:sam@growthlane.co">sam@growthlane.co</a></div></main>`))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
});

describe('signatures signed with a first name or a dash', () => {
  const message = (signature: string, email: string, name: string) =>
    `<article><p>From: ${name} &lt;${email}&gt;</p><p>Could we move the call to Friday?</p>${signature}</article>`;
  it('reads the position under a signature signed with the first name alone, on its own line or the sign-off’s ("Cheers, Ada")', () => {
    expect(detect(message('<p>Kind regards,</p><p>Ada</p><p>Head of Growth</p><p>Park Labs</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Cheers, Ben</p><p>Data Lead, Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads the number under a signature whose lines lie loose in the message beside a quoted reply’s signature (spans and <br>)', () => {
    expect(detect(`<main><span class="chip" email="ada@parklabs.io" name="Ada Park">Ada Park</span> <span class="chip" email="ben@ode.io" name="Ben Ode">Ben Ode</span>
      <div>Could we move the call to Friday?</div><div>Best regards,</div><span><strong>Ada Park</strong></span><br><span>Head of Growth</span><br><span>Park Labs</span><br>
      <span>T: +44 20 7946 0123</span><blockquote><div>On Tue, Ben Ode &lt;ben@ode.io&gt; wrote:</div><div>--</div><div>Ben Ode | VP Sales | Ode Works | +44 161 496 0456</div></blockquote></main>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', phone: '+441614960456', title: 'VP Sales', company: 'Ode Works' }]);
  });
  it('never takes a signature’s company for a person when each of its lines is an item of a stack', () => {
    const item = (text: string) => `<div class="stack-item"><span class="text">${text}</span></div>`;
    expect(detect(`<div class="stack">${item('<span email="ada@parklabs.io" name="Ada Park">Ada Park</span>')}${item('<span email="ben@ode.io" name="Ben Ode">Ben Ode</span>')}</div>
      <div>Could we move the call to Friday?</div><div class="stack">${['Best regards,', '<strong>Ada Park</strong>', 'Head of Growth', 'Saltmarsh Robotics', 'T: +44 20 7946 0123'].map(item).join('')}</div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123', title: 'Head of Growth', company: 'Saltmarsh Robotics' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('reads the position under the writer’s name repeated at the end of the message, with no sign-off before it', () => {
    expect(detect(message('<p>Ada Park</p><p>Head of Growth</p><p>Park Labs</p>', 'ada@parklabs.io', 'Ada Park')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' }]);
  });
  it('reads the full name after the first name alone ("Ben", then "Ben Ode"), never taking the name for the title', () => {
    expect(detect(message('<p>Thanks,<br>Ben<br><br>Ben Ode<br>VP Marketing<br>Ode Works</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', title: 'VP Marketing', company: 'Ode Works' }]);
  });
  it('reads the title after the name and a comma ("Ben Ode, VP Marketing"), the company on the next line', () => {
    expect(detect(message('<p>Thanks,<br>Ben Ode, VP Marketing<br>Ode Works</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', title: 'VP Marketing', company: 'Ode Works' }]);
  });
  it('reads a position split by a bar, with no sign-off: on the name’s line or under it', () => {
    expect(detect(message('<p>Ben Ode | VP Marketing | Ode Works</p>', 'ben@ode.io', 'Ben Ode') +
      message('<p>Ada Park<br>Head of Growth | Park Labs</p>', 'ada@parklabs.io', 'Ada Park')))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', title: 'VP Marketing', company: 'Ode Works' },
        { name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' }]);
  });
  it('reads the position for a name the message’s heading shows (no name signal: the header’s name and address in spans of their own)', () => {
    expect(detect('<article><header><span>Ben Ode</span> <span>&lt;ben@ode.io&gt;</span></header><p>Sure, Tuesday works.</p><p>Ben Ode | VP Marketing | Ode Works</p></article>'))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', title: 'VP Marketing', company: 'Ode Works' }]);
  });
  it('pairs a name and its bracketed address shown in elements of their own on one header line, each address with its own name', () => {
    expect(detect(`<div><div><span>Ada Park</span> <span>&lt;ada@parklabs.io&gt;</span></div><div>Looks good.</div></div>
      <div><div>To: <b>Ben Ode</b> &lt;ben@ode.io&gt;, <span>Cy Lu</span> <span>&lt;cy@lu.io&gt;</span></div><p>Thanks.</p></div>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }, { name: 'Cy Lu', email: 'cy@lu.io' }]);
  });
  it('reads the position under a name past its address ("ada@…", then "Head of Growth at Park Labs")', () => {
    expect(detect('<aside><h2>Ada Park</h2><p>ada@parklabs.io</p><p>Head of Growth at Park Labs</p></aside>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' }]);
  });
  it('reads "Title @ Company" under a listed name as the position (the entry was not read as a person)', () => {
    const entry = (name: string, line: string) => `<div role="listitem"><img src="x.jpg" alt=""><div><p>${name}</p><p>${line}</p><p>Thanks for connecting!</p></div></div>`;
    expect(detect(`<div role="list">${entry('Ada Park', 'Head of Growth @ Park Labs')}${entry('Ben Ode', 'CTO at Ode Works')}</div>`))
      .toEqual([{ name: 'Ada Park', title: 'Head of Growth', company: 'Park Labs' }, { name: 'Ben Ode', title: 'CTO', company: 'Ode Works' }]);
  });
  it('reads a company whose name ends with its legal form ("Acme Inc."), never a sentence', () => {
    const card = (name: string, line: string) => `<div class="card"><h5>${name}</h5><p>${line}</p></div>`;
    expect(detect(`<div class="row">${card('Ada Park', 'Acme Inc.')}${card('Ben Ode', 'Globex Corp.')}</div><div class="row">${card('Cy Lu', 'Thanks for the call.')}${card('Di Moss', 'See you soon.')}</div>`))
      .toEqual([{ name: 'Ada Park', company: 'Acme Inc.' }, { name: 'Ben Ode', company: 'Globex Corp.' }]);
  });
  it('never takes a status or a last activity under a listed name for a company ("Online", "Opened Email", "Call Back")', () => {
    const item = (initials: string, name: string, line: string) => `<div class="item"><div class="av">${initials}</div><div><b>${name}</b><span>${line}</span></div></div>`;
    expect(detect(`<div class="list">${item('AP', 'Ada Park', 'Online')}${item('BO', 'Ben Ode', 'Opened Email')}${item('CM', 'Cy Moss', 'Call Back')}${item('DL', 'Di Lu', 'Lu Robotics')}</div>`))
      .toEqual([{ name: 'Ada Park' }, { name: 'Ben Ode' }, { name: 'Cy Moss' }, { name: 'Di Lu', company: 'Lu Robotics' }]);
  });
  it('never takes the message’s greeting under the sender for a company ("Hi Sam", "Dear Ada")', () => {
    expect(detect('<article><p>From: Ben Ode &lt;ben@ode.io&gt;</p><p>Hi Sam</p><p>Could we move the call to Friday?</p></article>' +
      '<article><p>From: Cy Lu &lt;cy@lu.dev&gt;</p><p>Dear Ada</p><p>Thanks for the notes.</p></article>'))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io' }, { name: 'Cy Lu', email: 'cy@lu.dev' }]);
  });
  it('reads a company alone as a company, never a line that is neither ("Sent from my iPhone"), and a company line without its web address', () => {
    expect(detect(message('<p>Best regards,<br>Ada Park<br>Park Labs<br>+44 20 7946 0123</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Best regards,<br>Ben Ode<br>Sent from my iPhone</p>', 'ben@ode.io', 'Ben Ode') +
      message('<p>Best regards,<br>Cy Lu<br>Data Lead<br>Lu Labs | lulabs.dev</p>', 'cy@lu.dev', 'Cy Lu')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123', company: 'Park Labs' }, { name: 'Ben Ode', email: 'ben@ode.io' },
        { name: 'Cy Lu', email: 'cy@lu.dev', title: 'Data Lead', company: 'Lu Labs' }]);
  });
  it('reads the sender of a reply header that gives the time ("10:02 AM Ben Ode <…> wrote:") without the time, and no position from the quoted lines', () => {
    expect(detect('<article><p>From: Ada Park &lt;ada@parklabs.io&gt;</p><p>Could we talk?</p><blockquote><p>On Mon, Mar 3, 2026 at 10:02 AM Ben Ode &lt;ben@ode.io&gt; wrote:</p><p>Sounds Good</p><p>Product Manager</p></blockquote></article>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('reads a title and a company joined by " - " or " @ " on one line', () => {
    expect(detect(message('<p>Best regards,<br>Ada Park<br>Head of Growth - Park Labs</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Best regards,<br>Ben Ode<br>Data Lead @ Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads the signature after the last of two sign-offs ("Thanks." then "Regards,"), never the writer’s name for a company', () => {
    expect(detect(message('<p>Thanks.</p><p>Regards,</p><div>Ada Park<br>Head of Growth<br>Park Labs</div>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Thanks.</p><p>Regards,<br>Ben Ode<br>Data Lead<br>Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads a signature signed on one line after a dash ("— Ada Park, Head of Growth, Park Labs"), and no dashed line of a list as a person', () => {
    expect(detect(message('<p>See the proposal.</p><p>— Ada Park, Head of Growth, Park Labs</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Looks good.</p><p>–Ben Ode, Data Lead</p><p>Ode Robotics</p>', 'ben@ode.io', 'Ben Ode') +
      '<ul><li>– Improve onboarding for new teams</li><li>— The Growth Team</li></ul>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
    // an address on the dash's line is still read
    expect(detect('<article><p>Great call.</p><p>— Cy Lu, Head of Sales, Lu Partners · cy@lupartners.io</p></article>'))
      .toEqual([{ name: 'Cy Lu', email: 'cy@lupartners.io', title: 'Head of Sales', company: 'Lu Partners' }]);
  });
  it('reads a signed name without its degrees ("Ada Park, PhD", "Ben Ode, MBA, CPA | Data Lead"): one person with the sender', () => {
    expect(detect(message('<p>Thanks!</p><p>Ada Park, PhD<br>Head of Growth<br>Park Labs</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Best,</p><p>Ben Ode, MBA, CPA | Data Lead | Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads a title set apart from the name’s element by a bar ("<b>Ben Ode</b> | Data Lead"), the company on the next line', () => {
    expect(detect(message('<p>Cheers,</p><p><strong>Ben Ode</strong> | Data Lead<br>Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads the first of two numbers on one signature line ("t +44 … | m +44 …") and keeps the position', () => {
    expect(detect(message('<p>Best,</p><p>Ben Ode</p><p>Data Lead</p><p>Ode Robotics</p><p>t +44 20 7946 0123 | m +44 20 7946 0999</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ben Ode', email: 'ben@ode.io', phone: '+442079460123', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
  it('reads the address in a name’s tooltip, and a cut address’s whole from its tooltip', () => {
    expect(detect('<article><header><span title="ada@parklabs.io">Ada Park</span><time>Mar 3</time></header><p>Could we talk pricing next week?</p></article>' +
      '<table><tr><th>Name</th><th>Email</th></tr><tr><td>Ben Ode</td><td><span title="ben.ode@oderobotics.com">ben.ode@oderob…</span></td></tr></table>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben.ode@oderobotics.com' }]);
  });
  it('reads a signature after a dash line ("—"), and never takes "Regards" without a comma for a name', () => {
    expect(detect(message('<p>—</p><p>Ada Park</p><p>Head of Growth</p><p>Park Labs</p>', 'ada@parklabs.io', 'Ada Park') +
      message('<p>Best Regards</p><p>Ben Ode</p><p>Data Lead</p><p>Ode Robotics</p>', 'ben@ode.io', 'Ben Ode')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' }]);
  });
});

describe('a mail body kept as written', () => {
  it('reads the signature from the lines of one text after its sign-off (white-space: pre-line)', () => {
    expect(detect(`<p style="white-space: pre-line">Hi Sam,
      Could we move the call to Friday?

      Kind regards,
      Ada Park
      Head of Growth
      Park Labs
      M: +44 20 7946 0123</p><p>From: <a href="mailto:ada@parklabs.io">ada@parklabs.io</a></p>`))
      .toEqual([{ name: 'Ada Park', title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123', email: 'ada@parklabs.io' }]);
  });
});

describe('signatures as mail apps show them, in other languages and shapes', () => {
  /** a thread: the participants as chips in its header, then the message's blocks, with a quoted reply of the cc'd person */
  const thread = (body: string, quoted = '<p>Ben Ode wrote:</p><p>Thanks,</p><p>Ben</p><p>Data Lead</p><p>Ode Robotics</p>') =>
    `<main><div><span email="ada@parklabs.io" name="Ada Park">Ada Park</span> <span email="ben@ode.io" name="Ben Ode">Ben Ode</span></div>
      <div><p>Hi Sam,</p><p>Could we move the call to Friday?</p>${body}<blockquote>${quoted}</blockquote></div></main>`;
  const ada = { name: 'Ada Park', email: 'ada@parklabs.io' };
  const ben = { name: 'Ben Ode', email: 'ben@ode.io', title: 'Data Lead', company: 'Ode Robotics' };
  it('reads the signature after a sign-off in German, French, Spanish, Dutch or as "Best wishes", and gives its number to no one else', () => {
    for (const signOff of ['Mit freundlichen Grüßen', 'Viele Grüße', 'Cordialement,', 'Bien à vous,', 'Saludos cordiales,', 'Met vriendelijke groet,', 'Best wishes,', 'Warmly,']) {
      expect(detect(thread(`<div><p>${signOff}</p><p><b>Ada Park</b></p><p>Head of Growth</p><p>Park Labs</p><p>Tel.: +44 20 7946 0123</p></div>`)), signOff)
        .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, ben]);
    }
  });
  it('reads a signature signed with the first name alone as the participant’s of that first name, its lines one block each', () => {
    expect(detect(thread('<p>Best regards,<br>Ada<br>Head of Growth | Park Labs<br>+44 20 7946 0123</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, ben]);
    expect(detect(thread('<p>Best regards,</p><p>Ada</p><p>Head of Growth</p><p>Park Labs</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs' }, ben]);
    // two participants of that first name: the signature is no one's
    expect(detect(`<main><div><span email="ada@parklabs.io" name="Ada Park">Ada Park</span> <span email="ada@lu.dev" name="Ada Lu">Ada Lu</span></div>
      <div><p>Hi Sam,</p><p>Best regards,<br>Ada<br>Head of Growth | Park Labs</p></div></main>`))
      .toEqual([ada, { name: 'Ada Lu', email: 'ada@lu.dev' }]);
  });
  it('reads the full name after an initial ("Cheers, A."), never the name for the company', () => {
    expect(detect(thread('<p>Cheers,<br>A.</p><p>Ada Park<br>Head of Growth<br>Park Labs</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs' }, ben]);
  });
  it('reads labelled values after a sign-off by their labels ("Name", "Title"), never the name for the company', () => {
    expect(detect(thread('<p>Best regards,</p><dl><dt>Name</dt><dd>Ada Park</dd><dt>Title</dt><dd>Head of Growth</dd><dt>Company</dt><dd>Park Labs</dd></dl>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs' }, ben]);
  });
  it('reads a company followed by the contact lines on its line ("Park Labs · +44 …", "Ode Robotics | M: +44 …")', () => {
    expect(detect(thread('<p>Kind regards,</p><p>Ada Park, Head of Growth<br>Park Labs · +44 20 7946 0123</p>',
      '<p>Ben Ode wrote:</p><p>Best,</p><p>Ben Ode | Data Lead<br>Ode Robotics | M: +44 20 7946 0999</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, { ...ben, phone: '+442079460999' }]);
  });
  it('reads a signature line made of several inline parts ("<i>Head of Growth</i>, Park Labs", spans set apart by " · ")', () => {
    expect(detect(thread('<p>Best regards,<br><b>Ada Park</b><br><i>Head of Growth</i>, Park Labs<br>+44 20 7946 0123</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, ben]);
    expect(detect(thread('<p>Best regards,</p><div><div><strong>Ada Park</strong></div><div><span>Head of Growth</span><span> · </span>' +
      '<span>Park Labs</span></div><div><a href="tel:+442079460123">+44 20 7946 0123</a></div></div>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, ben]);
  });
  it('reads a plain-text mail shown as written in <pre>, and never a code sample in <pre>, with <code> or without', () => {
    const mail = 'Hi Sam,\n\nCould we move the call to Friday?\n\nBest regards,\nAda Park\nHead of Growth\nPark Labs\nT: +44 20 7946 0123';
    expect(detect(thread(`<pre style="white-space:pre-wrap">${mail}</pre>`, `<pre>Ben Ode wrote:\n--\nBen Ode | Data Lead | Ode Robotics</pre>`) +
      '<pre>-- Create the contact\nINSERT INTO contacts VALUES (\'Cy Lu\', \'cy@lu.dev\', \'+44 20 7946 0999\');</pre>' +
      `<pre><code>${mail.replace(/Ada Park/, 'Dana Roe').replace('T: +44 20 7946 0123', 'dana@roe.org')}</code></pre>`))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs', phone: '+442079460123' }, ben]);
  });
  it('reads a signature whose parts are set apart by dashes ("Ada Park — Head of Growth — Park Labs")', () => {
    expect(detect(thread('<p>Best regards,</p><p>Ada Park — Head of Growth — Park Labs</p>')))
      .toEqual([{ ...ada, title: 'Head of Growth', company: 'Park Labs' }, ben]);
  });
});

describe('values set in monospace', () => {
  const table = (phone1: string, phone2: string) =>
    `<table><tr><th>Name</th><th>Email</th><th>Phone</th></tr><tr><td>Ada Park</td><td>ada@parklabs.io</td><td>${phone1}</td></tr>
      <tr><td>Ben Ode</td><td>ben@ode.io</td><td>${phone2}</td></tr></table>`;
  it('reads a cell’s value in <code>, <kbd> or <samp> beside a copy button or an icon', () => {
    expect(detect(table('<code>+44 20 7946 0123</code> <button>Copy</button>', '<span aria-hidden="true">☎</span> <kbd>+1 212 555 0134</kbd>')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+12125550134' }]);
  });
  it('reads a cell’s value in monospace beside its label, a word for its kind, or the calling code in code of its own', () => {
    expect(detect(table('Tel <code>+44 20 7946 0123</code>', '<code>+1</code> <code>212 555 0134</code> <small>mobile</small>')))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123' }, { name: 'Ben Ode', email: 'ben@ode.io', phone: '+12125550134' }]);
  });
  it('never reads code beside other words in a cell, nor a code sample outside a cell', () => {
    expect(detect(table('Call <code>+44 20 7946 0123</code> after five', '<samp>+1 212 555 0134</samp> (example)') +
      '<p>Try it: <code>+44 20 7946 0999</code> <code>cy@lu.dev</code></p>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
});

describe('names beside addresses and links, written as people write them', () => {
  it('pairs a name with its address in brackets ("Ada Park (ada@parklabs.io)"), never a sentence with a role mailbox', () => {
    expect(detect('<div><p>Ada Park (ada@parklabs.io)</p><p>Thanks for the call</p></div><div><p>Ben Ode (ben@ode.io)</p><p>See you</p></div>' +
      '<footer><p>Contact Us (support@crm.example.org)</p></footer>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
  });
  it('reads the position after a dash beside the name ("Ada Park — Head of Growth at Park Labs") without the dash', () => {
    expect(detect('<ul><li><a href="https://www.linkedin.com/in/ada-park-123/">Ada Park</a> — Head of Growth at Park Labs</li>' +
      '<li><a href="https://uk.linkedin.com/in/benode">Ben Ode</a> – CTO at Ode Works</li></ul>'))
      .toEqual([{ name: 'Ada Park', linkedin: 'https://www.linkedin.com/in/ada-park-123', title: 'Head of Growth', company: 'Park Labs' },
        { name: 'Ben Ode', linkedin: 'https://www.linkedin.com/in/benode', title: 'CTO', company: 'Ode Works' }]);
  });
  it('reads each "Name <address>" of one element as a person of its own: a quoted header’s lines, several on one line', () => {
    expect(detect('<div><p>Sounds good.</p><hr><p><b>From:</b> Ada Park &lt;ada@parklabs.io&gt;<br><b>Sent:</b> Monday, March 2, 2026 10:02 AM<br>' +
      '<b>To:</b> Ben Ode &lt;ben@ode.io&gt;; Cy Lu &lt;cy@lu.dev&gt;<br><b>Subject:</b> Renewal</p><p>Hello Ben</p></div>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }, { name: 'Cy Lu', email: 'cy@lu.dev' }]);
    expect(detect('<p>Attendees: Ada Park &lt;ada@parklabs.io&gt;, Ben Ode (ben@ode.io)</p>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }]);
    // one pair and the record's other values stay one person
    expect(detect('<p>Ada Park &lt;ada@parklabs.io&gt;<br>Head of Growth, Park Labs<br>+44 20 7946 0123</p>'))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io', phone: '+442079460123' }]);
  });
  it('never takes an invitee’s answer or a lead’s stage under the name for a company ("Accepted", "Declined", "Customer")', () => {
    const invitee = (name: string, email: string, state: string) => `<div><p><strong>${name}</strong></p><p>${email}</p><p>${state}</p></div>`;
    expect(detect(`<section><h2>Invitees</h2>${invitee('Ada Park', 'ada@parklabs.io', 'Accepted')}${invitee('Ben Ode', 'ben@ode.io', 'Declined')}` +
      `${invitee('Cy Lu', 'cy@lu.dev', 'Customer')}${invitee('Di Moss', 'di@moss.dev', 'Moss Labs')}</section>`))
      .toEqual([{ name: 'Ada Park', email: 'ada@parklabs.io' }, { name: 'Ben Ode', email: 'ben@ode.io' }, { name: 'Cy Lu', email: 'cy@lu.dev' },
        { name: 'Di Moss', email: 'di@moss.dev', company: 'Moss Labs' }]);
  });
});
