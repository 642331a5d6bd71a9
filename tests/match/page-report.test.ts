// Page reports from content scripts are checked before the background keeps them, and their
// phone candidates are normalised there.
import { describe, expect, it } from 'vitest';
import { parseDetection } from '@/lib/match';

describe('parseDetection', () => {
  it('accepts a well-formed report', () => {
    const res = parseDetection({ people: [{ name: 'Ana', email: 'ana@example.com' }], focused: 0, view: 'detail', site: 'heyreach' });
    expect(res).toEqual({
      ok: true,
      detection: { people: [{ name: 'Ana', email: 'ana@example.com' }], focused: 0, view: 'detail', site: 'heyreach' },
    });
  });

  it('drops a focus index that points at nobody', () => {
    const res = parseDetection({ people: [{ name: 'Ana' }], focused: 3, view: 'list', site: 'generic' });
    expect(res.ok && res.detection.focused).toBe(undefined);
  });

  it('refuses malformed or oversized reports with a reason', () => {
    const bad = parseDetection({ people: [{ name: 42 }], view: 'list', site: 'x' });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.reason).toMatch(/people\.0\.name/);
    const huge = parseDetection({ people: Array.from({ length: 501 }, () => ({ name: 'x' })), view: 'list', site: 'x' });
    expect(huge.ok).toBe(false);
    const long = parseDetection({ people: [{ email: `${'a'.repeat(300)}@x.io` }], view: 'list', site: 'x' });
    expect(long.ok).toBe(false);
    expect(parseDetection('nonsense').ok).toBe(false);
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

  it('drops invalid phones, and people left with nothing that identifies them', () => {
    const res = parseDetection({ view: 'list', site: 'generic', focused: 2, people: [
      { name: 'Nora Lindqvist', email: 'nora@lindqvist.se', phone: '+999 1234 5678' },
      { company: 'Nowhere Ltd', phone: '+1 000 000 0000' },
      { name: 'Amir Haddad', phone: '07700 900123', phoneCountry: 'GB', phoneOnly: true },
      { name: 'Ben Ode', phone: '020 7946 0123' }, // national, but no country said which
    ] });
    expect(res.ok && res.detection).toEqual({ view: 'list', site: 'generic', people: [
      { name: 'Nora Lindqvist', email: 'nora@lindqvist.se' },
      { name: 'Ben Ode' },
    ] });
  });

  it('refuses a country hint that is not a region code', () => {
    const res = parseDetection({ view: 'list', site: 'generic', people: [{ phone: '020 7946 0123', phoneCountry: 'en-GB' }] });
    expect(res).toMatchObject({ ok: false });
    expect(!res.ok && res.reason).toMatch(/people\.0\.phoneCountry/);
  });
});
