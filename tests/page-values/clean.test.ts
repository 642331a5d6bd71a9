// Page values cleaned at the boundary: controls, bidi overrides and invisible characters gone,
// markup refused in names, emails and LinkedIn profiles checked, values HighLevel would refuse
// left out with why. A name without the emoji, pronouns or title shown beside it.
import { describe, expect, it } from 'vitest';
import { cleanLinkedin, cleanPerson, cleanText } from '@/lib/page-values';

describe('cleanText', () => {
  it('turns control characters into spaces and collapses them', () => {
    expect(cleanText('Ana\u0000\u0007Silva\n\tde\u0085 Sousa ')).toBe('Ana Silva de Sousa');
  });

  it('removes bidi overrides, embeddings, isolates and marks (an unterminated U+202E reverses what follows it)', () => {
    expect(cleanText('\u202eevil\u202c Name')).toBe('evil Name');
    expect(cleanText('\u2066Ana\u2069 \u200fSilva\u200e\u061c')).toBe('Ana Silva');
    expect(cleanText('Ana \u202aSilva\u202b\u202d')).toBe('Ana Silva');
  });

  it('removes zero-width and invisible characters, keeping a joiner between two letters (Persian, Devanagari)', () => {
    expect(cleanText('\u200dAna\u200b\u2060Silva\ufeff\u200d')).toBe('AnaSilva');
    expect(cleanText('Tag\u{e0041}\u{e0042}ged')).toBe('Tagged');
    expect(cleanText('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(cleanText('क्\u200dष')).toBe('क्\u200dष');
  });

  it('replaces a lone surrogate (invalid UTF-16) and keeps real emoji', () => {
    expect(cleanText('Ana \ud800 Silva')).toBe('Ana \ufffd Silva');
    expect(cleanText('Ana 😀')).toBe('Ana 😀');
  });
});

describe('cleanLinkedin', () => {
  it('keeps a profile whose slug is a valid slug, in normal form', () => {
    expect(cleanLinkedin('https://de.linkedin.com/in/Jane-Doe-42/?trk=x')).toBe('https://www.linkedin.com/in/jane-doe-42');
    expect(cleanLinkedin('linkedin.com/in/j%C3%B3zef-nowak')).toBe('https://www.linkedin.com/in/józef-nowak');
  });

  it('refuses a percent-decoded slug that carries markup or quotes', () => {
    expect(cleanLinkedin('https://www.linkedin.com/in/%22%3E%3Csvg%2Fonload%3Dalert(1)%3E')).toBeUndefined();
    expect(cleanLinkedin('https://www.linkedin.com/in/jane%27onmouseover%3D%27x')).toBeUndefined();
    expect(cleanLinkedin("https://www.linkedin.com/in/jane'onmouseover='x")).toBe('https://www.linkedin.com/in/jane'); // the slug ends at the quote
    expect(cleanLinkedin('https://www.linkedin.com/in/ab')).toBeUndefined();
    expect(cleanLinkedin('https://evil.example/in/jane-doe')).toBeUndefined();
  });
});

describe('cleanPerson', () => {
  it('keeps the fine values, cleaned, and lowercases the email', () => {
    expect(cleanPerson({ name: ' Ana\u202e Silva ', email: 'Ana.Silva@Example.COM', phone: '+1 415 555 0100', company: 'Acme', title: 'CEO', linkedin: 'linkedin.com/in/ana-silva' })).toEqual({
      person: { name: 'Ana Silva', email: 'ana.silva@example.com', phone: '+1 415 555 0100', company: 'Acme', title: 'CEO', linkedin: 'https://www.linkedin.com/in/ana-silva' },
      skipped: [],
    });
  });

  it('takes a name without what is shown beside it (emoji, pronouns in brackets, a title before it), the surname last', () => {
    const name = (n: string) => cleanPerson({ name: n }).person.name;
    expect(name('Ada Park 🚀')).toBe('Ada Park');
    expect(name('🌟 Ben Ode 👩\u200d💻🏽')).toBe('Ben Ode');
    expect(name('Ada Park (she/her)')).toBe('Ada Park');
    expect(name('Ben Ode (he/him/his)')).toBe('Ben Ode');
    expect(name('Dr. Ada Park')).toBe('Ada Park');
    expect(name('Mr Ben Ode')).toBe('Ben Ode');
    expect(name('Park, Ada')).toBe('Ada Park');
    expect(name('Ode, Ben J.')).toBe('Ben J. Ode');
    expect(name('Park, Jr.')).toBe('Park, Jr.');
    expect(name('Ada Park, PhD')).toBe('Ada Park, PhD');
    // kept: a name that is nothing else, a title with one word after it, a bracket that is no pronoun
    expect(name('🚀')).toBe('🚀');
    expect(name('Dr. Park')).toBe('Dr. Park');
    expect(name('Ada Park (Acme)')).toBe('Ada Park (Acme)');
    expect(name('Drew Park')).toBe('Drew Park');
  });

  it('refuses markup in a name, a company or a title', () => {
    const { person, skipped } = cleanPerson({ name: '<img src=x onerror=alert(1)>', email: 'x@example.com', company: '"><svg/onload=alert(1)>', title: 'Boss</b>' });
    expect(person).toEqual({ email: 'x@example.com' });
    expect(skipped).toEqual([{ field: 'name', why: 'markup' }, { field: 'company', why: 'markup' }, { field: 'title', why: 'markup' }]);
  });

  it('leaves out an email over 75 characters (HighLevel refuses the search) and a malformed one', () => {
    const long = `${'x'.repeat(86)}@example.com`;
    expect(long).toHaveLength(98);
    expect(cleanPerson({ name: 'Long', email: long })).toEqual({ person: { name: 'Long' }, skipped: [{ field: 'email', why: 'too-long' }] });
    for (const email of ['ana@', 'ana silva@example.com', 'ana@example', '<ana@example.com>', 'ana\u0000@example.com']) {
      expect(cleanPerson({ email }).skipped, email).toEqual([{ field: 'email', why: 'malformed' }]);
    }
  });

  it('leaves out a 10 KB name or company, and values that are not text', () => {
    expect(cleanPerson({ name: 'N'.repeat(10_240), company: 'C'.repeat(10_240), email: 'a@example.com' })).toEqual({
      person: { email: 'a@example.com' },
      skipped: [{ field: 'name', why: 'too-long' }, { field: 'company', why: 'too-long' }],
    });
    expect(cleanPerson({ name: 'N'.repeat(76) }).skipped).toEqual([{ field: 'name', why: 'too-long' }]);
    expect(cleanPerson({ name: ['Ana'], email: { at: 'x' }, phone: 5 }).skipped).toEqual([
      { field: 'name', why: 'malformed' },
      { field: 'email', why: 'malformed' },
      { field: 'phone', why: 'malformed' },
    ]);
  });

  it('ignores empty and missing values, and a value that is nothing but invisible characters', () => {
    expect(cleanPerson({ name: '', email: null, company: '\u200b\u202e' })).toEqual({ person: {}, skipped: [] });
  });
});
