// @vitest-environment happy-dom
// Huge pages: a 5,000-row table is read completely; a page beyond the node budget still returns
// (the scan stops at the budget). Correctness only, no timings.
import { describe, expect, it } from 'vitest';
import { detectPeople } from '../../lib/detect';
import { parseHtml } from './helpers';

describe('large pages', () => {
  it('reads every person in a 5,000-row table', () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      `<tr><td><input type="checkbox"></td><td>Person ${String.fromCharCode(65 + (i % 26))}${i}</td><td>user${i}@bigco.io</td><td>+1 415 555 ${String(i % 10000).padStart(4, '0')}</td><td>2026-03-${String((i % 28) + 1).padStart(2, '0')}</td></tr>`).join('');
    const doc = parseHtml(`<table><thead><tr><th></th><th>Name</th><th>Email</th><th>Phone</th><th>Created</th></tr></thead><tbody>${rows}</tbody></table>`);
    const d = detectPeople(doc, { url: 'https://crm.example.org/all' });
    expect(d.people).toHaveLength(5000);
    expect(d.people[4999]).toEqual({ email: 'user4999@bigco.io', phone: '+14155554999' });
    expect(d.people[0]!.email).toBe('user0@bigco.io');
    expect(d.view).toBe('list');
  });

  it('stops at the node budget on a 100k-node page and still returns the people it reached', () => {
    // 35,000 × (div + span + text) = 105,000 nodes
    const filler = '<div><span>filler</span></div>'.repeat(35_000);
    const doc = parseHtml(`<ul><li>Ada Park ada@park.dev</li><li>Ben Ode ben@ode.io</li></ul>${filler}<p>late@tail.io</p>`);
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(70_000);
    const d = detectPeople(doc, { url: 'https://x.org/' });
    expect(d.people.map((p) => p.email)).toEqual(['ada@park.dev', 'ben@ode.io']);
    const all = detectPeople(doc, { url: 'https://x.org/', maxNodes: 200_000 });
    expect(all.people.map((p) => p.email)).toEqual(['ada@park.dev', 'ben@ode.io', 'late@tail.io']);
  });

  it('caps the text it reads', () => {
    const long = `${'lorem ipsum '.repeat(50_000)} hidden.in.noise@late.io`;
    const d = detectPeople(parseHtml(`<p>ada@park.dev</p><p>${long}</p>`), { url: 'https://x.org/', maxChars: 100_000 });
    expect(d.people.map((p) => p.email)).toEqual(['ada@park.dev']);
  });
});
