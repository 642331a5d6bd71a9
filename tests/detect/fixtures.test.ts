// @vitest-environment happy-dom
// Every fixture page: the people found match the expected ones (precision >= 0.95, recall >= 0.90,
// also per field), nothing excluded is reported, and the view and focused person are right.
import { describe, expect, it } from 'vitest';
import { adapterFor, detectPeople } from '../../lib/detect';
import { carries, loadFixtures, parseHtml, score } from './helpers';

describe('finds the people on saved pages', () => {
  const fixtures = loadFixtures();
  it('has fixtures for every partner site and the generic pages', () => {
    const sites = new Set(fixtures.map((f) => f.name.split('/').slice(0, -1).join('/')));
    expect([...sites].sort()).toEqual(['pages', 'sites/helloleads', 'sites/heygen', 'sites/heyreach', 'sites/sproutvideo']);
    expect(fixtures.filter((f) => f.name.startsWith('pages/')).length).toBeGreaterThanOrEqual(5);
  });
  for (const f of fixtures) {
    it(`${f.name}: right people, nothing excluded`, () => {
      const d = detectPeople(parseHtml(f.html), { url: f.url, adapter: adapterFor(f.url) });
      const s = score(d.people, f.people);
      expect.soft(s.precision, 'precision').toBeGreaterThanOrEqual(0.95);
      expect.soft(s.recall, 'recall').toBeGreaterThanOrEqual(0.9);
      expect.soft(s.fieldPrecision, 'field precision').toBeGreaterThanOrEqual(0.95);
      expect.soft(s.fieldRecall, 'field recall').toBeGreaterThanOrEqual(0.9);
      for (const x of f.excluded) expect.soft(d.people.filter((p) => carries(p, x)), `excluded ${x}`).toEqual([]);
      if (f.view) expect.soft(d.view).toBe(f.view);
      if (f.focused) {
        expect(d.focused).toBeTypeOf('number');
        expect(Object.values(d.people[d.focused!] ?? {})).toContain(f.focused);
      }
    });
  }
});
