// Page reports from content scripts are checked before the background keeps them, one person at
// a time: a bad value or a bad person costs only that value or person, never the page; a page over
// the cap lists the first people (and the focused one) and says how many more there are.
import { describe, expect, it } from 'vitest';
import { MAX_LISTED, parseDetection } from '@/lib/match';

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ name: `Lead ${from + i}`, email: `lead${from + i}@example.com` }));

describe('parseDetection', () => {
  it('accepts a well-formed report', () => {
    const res = parseDetection({ people: [{ name: 'Ana', email: 'ana@example.com' }], focused: 0, view: 'detail', site: 'heyreach' });
    expect(res).toEqual({
      ok: true,
      detection: { people: [{ name: 'Ana', email: 'ana@example.com' }], focused: 0, view: 'detail', site: 'heyreach', more: 0, unreadable: 0 },
    });
  });

  it('drops a focus index that points at nobody', () => {
    const res = parseDetection({ people: [{ name: 'Ana' }], focused: 3, view: 'list', site: 'generic' });
    expect(res.ok && res.detection.focused).toBe(undefined);
  });

  it('refuses a report that is not one, with a reason', () => {
    expect(parseDetection('nonsense').ok).toBe(false);
    const bad = parseDetection({ people: 'everyone', view: 'list', site: 'x' });
    expect(!bad.ok && bad.reason).toMatch(/people/);
    expect(parseDetection({ people: [], view: 'sideways', site: 'x' }).ok).toBe(false);
  });

  it('lists the first 500 of a bigger page and says how many more there are, never nobody', () => {
    for (const size of [MAX_LISTED, MAX_LISTED + 1, 5_000]) {
      const res = parseDetection({ people: people(size), view: 'list', site: 'heyreach' });
      expect(res.ok).toBe(true);
      if (!res.ok) continue;
      expect(res.detection.people).toHaveLength(MAX_LISTED);
      expect(res.detection.people[0]).toEqual({ name: 'Lead 0', email: 'lead0@example.com' });
      expect(res.detection.more).toBe(size - MAX_LISTED);
    }
  });

  it('lists the focused person even beyond the cap, and points at them', () => {
    const res = parseDetection({ people: people(800), focused: 700, view: 'list', site: 'heyreach' });
    expect(res.ok && res.detection.people).toHaveLength(MAX_LISTED + 1);
    expect(res.ok && res.detection.people[res.detection.focused!]).toEqual({ name: 'Lead 700', email: 'lead700@example.com' });
    expect(res.ok && res.detection.more).toBe(800 - MAX_LISTED - 1);
  });

  it('a value HighLevel would refuse is left out for that person only, marked why; everyone else is listed', () => {
    const long = `${'x'.repeat(86)}@example.com`; // 98 characters
    const res = parseDetection({ view: 'list', site: 'heyreach', people: [...people(3), { name: 'Long Email', email: long, company: 'Acme' }, ...people(3, 3)] });
    expect(res.ok && res.detection.people).toHaveLength(7);
    expect(res.ok && res.detection.people[3]).toEqual({ name: 'Long Email', company: 'Acme', skipped: [{ field: 'email', why: 'too-long' }] });
  });

  it('a person with absurd fields is cleaned or left out alone: 10 KB names, controls, bidi overrides, values that are not text', () => {
    const res = parseDetection({ view: 'list', site: 'generic', people: [
      { name: 'N'.repeat(10_240), email: 'ten.kb@example.com' },
      { name: 'N'.repeat(10_240) },
      { name: 'Eve\u202e\u0000 Evans\u200b', email: 'eve@example.com\u202c' },
      { name: 42, email: 'typed@example.com' },
      'not a person',
      ...people(2),
    ] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.detection.people).toEqual([
      { email: 'ten.kb@example.com', skipped: [{ field: 'name', why: 'too-long' }] },
      { name: 'Eve Evans', email: 'eve@example.com' },
      { email: 'typed@example.com', skipped: [{ field: 'name', why: 'malformed' }] },
      ...people(2),
    ]);
    expect(res.detection.unreadable).toBe(2); // the 10 KB name alone, and the string
  });

  it('normalises phones to E.164: international as written, national with the page’s country', () => {
    const res = parseDetection({ view: 'list', site: 'helloleads', people: [
      { name: 'Tom Becker', phone: '+49 (0)151 1234 5678' },
      { name: 'Rahul Mehta', phone: '098200 12345', phoneCountry: 'IN' },
    ] });
    expect(res.ok && res.detection.people).toEqual([
      { name: 'Tom Becker', phone: '+4915112345678' },
      { name: 'Rahul Mehta', phone: '+919820012345' },
    ]);
  });

  it('reads a national phone in its row’s country as written, in the page’s language; a hostile hint is ignored and never kept', () => {
    const res = parseDetection({ view: 'list', site: 'generic', lang: 'de-DE', people: [
      { name: 'Tom Becker', phone: '0151 1234 5678', countryText: 'Deutschland' },
      { name: 'Ada Park', phone: '020 7946 0123', countryText: 'Vereinigtes\u202e Königreich', phoneCountry: 'DE' },
      { name: 'Cy Park', phone: '020 7946 0123', countryText: 'x'.repeat(61) },
      { name: 'Di Park', phone: '020 7946 0123', countryText: { toString: () => 'GB' } },
    ] });
    expect(res.ok && res.detection.people).toEqual([
      { name: 'Tom Becker', phone: '+4915112345678' },
      { name: 'Ada Park', phone: '+442079460123' },
      { name: 'Cy Park', phone: '02079460123' },
      { name: 'Di Park', phone: '02079460123' },
    ]);
    const notATag = parseDetection({ view: 'list', site: 'generic', lang: '<svg>', people: [{ name: 'Tom Becker', phone: '0151 1234 5678', countryText: 'Deutschland' }] });
    expect(notATag.ok && notATag.detection.people).toEqual([{ name: 'Tom Becker', phone: '015112345678' }]);
  });

  it('drops invalid phones (marked), and people left with nothing that identifies them; keeps a national number with no country as its digits', () => {
    const res = parseDetection({ view: 'list', site: 'generic', focused: 2, people: [
      { name: 'Nora Lindqvist', email: 'nora@lindqvist.se', phone: '+999 1234 5678' },
      { company: 'Nowhere Ltd', phone: '+1 000 000 0000' },
      { name: 'Amir Haddad', phone: '07700 900123', phoneCountry: 'GB', phoneOnly: true },
      { name: 'Ben Ode', phone: '020 7946 0123' }, // national, but no country said which
      { name: 'Cy Park', phone: '020 7946 0123', phoneCountry: 'en-GB' }, // not a region code
    ] });
    expect(res.ok && res.detection).toEqual({ view: 'list', site: 'generic', more: 0, unreadable: 2, people: [
      { name: 'Nora Lindqvist', email: 'nora@lindqvist.se', skipped: [{ field: 'phone', why: 'malformed' }] },
      // a national number whose country the page does not say is kept, never guessed (#13)
      { name: 'Ben Ode', phone: '02079460123' },
      { name: 'Cy Park', phone: '02079460123' },
    ] });
  });
});
