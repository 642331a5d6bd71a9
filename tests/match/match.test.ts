// Matching a detected person to GHL contacts: each rule, its order, ambiguity and hand links.
import { describe, expect, it } from 'vitest';
import { describeMatch, matchPerson, personKey, type ContactLookup } from '@/lib/match';
import type { ContactSummary } from '@/lib/protocol';

const ana: ContactSummary = { id: 'c-ana', name: 'Ana Silva', email: 'ana@example.com', phone: '+14155550100' };
const bo: ContactSummary = { id: 'c-bo', name: 'Bo Lind', phone: '+14155550100' };
const cy: ContactSummary = { id: 'c-cy', name: 'Cy Park', companyName: 'Parkworks' };

function lookup(over: Partial<ContactLookup> = {}): ContactLookup & { calls: string[] } {
  const calls: string[] = [];
  const none = async () => [];
  return {
    calls,
    byId: async (id) => (calls.push(`id:${id}`), [ana, bo, cy].find((c) => c.id === id)),
    byEmail: over.byEmail ?? (async (e) => (calls.push(`email:${e}`), e === ana.email ? [ana] : [])),
    byPhone: over.byPhone ?? (async (p) => (calls.push(`phone:${p}`), [])),
    byLinkedIn: over.byLinkedIn ?? (async (u) => (calls.push(`linkedin:${u}`), [])),
    byNameAndCompany: over.byNameAndCompany ?? none,
  };
}

describe('matchPerson', () => {
  it('matches by email first and does not ask further', async () => {
    const l = lookup();
    const m = await matchPerson({ name: 'Ana', email: 'ana@example.com', phone: '+14155550100' }, l);
    expect(m).toMatchObject({ state: 'matched', reason: 'email', contact: { id: 'c-ana' } });
    expect(l.calls).toEqual(['email:ana@example.com']);
  });

  it('falls back to the phone when the email is unknown', async () => {
    const l = lookup({ byPhone: async () => [bo] });
    const m = await matchPerson({ email: 'nobody@example.com', phone: '+14155550100' }, l);
    expect(m).toMatchObject({ state: 'matched', reason: 'phone', contact: { id: 'c-bo' } });
  });

  it('is ambiguous when two GHL contacts share the phone', async () => {
    const m = await matchPerson({ phone: '+14155550100' }, lookup({ byPhone: async () => [ana, bo] }));
    expect(m.state).toBe('ambiguous');
    expect(m.candidates?.map((c) => c.id)).toEqual(['c-ana', 'c-bo']);
    expect(m.confidence).toBeLessThan(0.9);
  });

  it('counts the same contact found twice as one', async () => {
    const m = await matchPerson({ phone: '+14155550100' }, lookup({ byPhone: async () => [bo, bo] }));
    expect(m).toMatchObject({ state: 'matched', contact: { id: 'c-bo' } });
  });

  it('matches by LinkedIn URL when there is no email or phone', async () => {
    const m = await matchPerson(
      { linkedin: 'https://www.linkedin.com/in/bo' },
      lookup({ byLinkedIn: async (u) => (u.endsWith('/bo') ? [bo] : []) }),
    );
    expect(m).toMatchObject({ state: 'matched', reason: 'linkedin' });
  });

  it('uses name and company only as the last rule, with low confidence', async () => {
    const m = await matchPerson(
      { name: 'Cy Park', company: 'Parkworks' },
      lookup({ byNameAndCompany: async (n, c) => (n === 'Cy Park' && c === 'Parkworks' ? [cy] : []) }),
    );
    expect(m).toMatchObject({ state: 'matched', reason: 'name+company' });
    expect(m.confidence).toBeLessThan(0.7);
  });

  it('says missing when no rule finds anyone', async () => {
    const m = await matchPerson({ name: 'Nobody', email: 'x@example.com' }, lookup());
    expect(m).toEqual({ person: { name: 'Nobody', email: 'x@example.com' }, key: 'email:x@example.com', state: 'missing', confidence: 0 });
  });

  it('prefers a link the user made by hand over every rule', async () => {
    const person = { email: 'ana@example.com' };
    const l = lookup();
    const m = await matchPerson(person, l, { [personKey(person)]: 'c-cy' });
    expect(m).toMatchObject({ state: 'matched', reason: 'linked-by-you', contact: { id: 'c-cy' }, confidence: 1 });
    expect(l.calls).toEqual(['id:c-cy']);
  });
});

describe('describeMatch', () => {
  it('says why a person matched and how sure, in the words the sidebar shows', () => {
    expect(describeMatch({ state: 'matched', reason: 'email', confidence: 0.98 })).toBe('matched by email · 98% sure');
    expect(describeMatch({ state: 'matched', reason: 'linked-by-you', confidence: 1 })).toBe('linked by you'); // not a guess: no percentage
    expect(describeMatch({ state: 'ambiguous', reason: 'phone', confidence: 0.45 })).toBe('several contacts share this phone · choose one');
    expect(describeMatch({ state: 'missing', confidence: 0 })).toBe('not found in GHL');
  });
});
