// Page reports from content scripts are checked before the background keeps them.
import { describe, expect, it } from 'vitest';
import { parseDetection } from '@/lib/background/incoming';

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
});
