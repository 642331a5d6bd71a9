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
      .toEqual([{ name: 'Maya Okafor', email: 'maya@okafor.ng' }, { name: 'Kenji Watanabe', email: 'kenji@sora.jp' }]);
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
    expect(detect('<dl><dt>Name</dt><dd>Ada Park</dd><dt>Phone</dt><dd>(415) 555-0134</dd></dl>')).toEqual([{ name: 'Ada Park', phone: '(415) 555-0134' }]);
  });
});
