// The background's half of phone handling: candidates from the page to E.164, invalid phones
// dropped, and people dropped when nothing identifies them any more.
import { describe, expect, it } from 'vitest';
import { e164Of, normalisePerson, normaliseReport } from '../../lib/detect/normalise';
import { countryFromLang, phoneDigits, sameNumber } from '../../lib/detect/phone';

describe('phone candidates to E.164', () => {
  it('normalises international numbers as written on the page', () => {
    expect(e164Of({ value: '+49 151 1234 5678' })).toBe('+4915112345678');
    expect(e164Of({ value: '+44 (0)20 7946 0123' })).toBe('+442079460123');
    expect(e164Of({ value: '+1 (415) 555-0134' })).toBe('+14155550134');
  });
  it('normalises national numbers with their country hint, and only with one', () => {
    expect(e164Of({ value: '0151 1234 5678', country: 'DE' })).toBe('+4915112345678');
    expect(e164Of({ value: '(617) 555-0142', country: 'US' })).toBe('+16175550142');
    expect(e164Of({ value: '0151 1234 5678' })).toBeUndefined();
    expect(e164Of({ value: '020 7946 0123', country: 'UK' })).toBeUndefined(); // not a region: GB is
  });
  it('drops numbers that are not valid phone numbers', () => {
    expect(e164Of({ value: '+999 1234 5678' })).toBeUndefined();
    expect(e164Of({ value: '07700 900123', country: 'GB' })).toBeUndefined();
    expect(e164Of({ value: '+49 1' })).toBeUndefined();
  });
});

describe('reported people as the background keeps them', () => {
  it('keeps a person whose invalid phone was not what identified them, without the phone', () => {
    expect(normalisePerson({ name: 'Nora Lindqvist', email: 'nora@lindqvist.se', phone: '+999 1234 5678' }))
      .toEqual({ name: 'Nora Lindqvist', email: 'nora@lindqvist.se' });
  });
  it('drops a person found only by a phone that is not valid, and keeps them when it is', () => {
    expect(normalisePerson({ name: 'Amir Haddad', company: 'Haddad Freight', phone: '07700 900123', phoneCountry: 'GB', phoneOnly: true })).toBeUndefined();
    expect(normalisePerson({ name: 'Amir Haddad', phone: '07911 123456', phoneCountry: 'GB', phoneOnly: true }))
      .toEqual({ name: 'Amir Haddad', phone: '+447911123456' });
  });
  it('reads a national phone in the country its row writes (in English or the page’s language), else in the page’s', () => {
    const ben = { name: 'Ben Ode', phone: '0151 1234 5678' };
    expect(normalisePerson({ ...ben, countryText: 'Germany' })).toEqual({ ...ben, phone: '+4915112345678' });
    expect(normalisePerson({ ...ben, countryText: '🇩🇪' })).toEqual({ ...ben, phone: '+4915112345678' });
    expect(normalisePerson({ ...ben, countryText: 'Munich, Germany', phoneCountry: 'GB' })).toEqual({ ...ben, phone: '+4915112345678' });
    expect(normalisePerson({ ...ben, countryText: 'Deutschland' }, 'de-DE')).toEqual({ ...ben, phone: '+4915112345678' });
    expect(normalisePerson({ ...ben, countryText: 'Deutschland' })).toEqual({ ...ben, phone: '015112345678' }); // not English: never guessed
    // a text that names no country leaves the page's country in charge
    expect(normalisePerson({ name: 'Ada Park', phone: '020 7946 0123', countryText: 'Remote', phoneCountry: 'GB' }))
      .toEqual({ name: 'Ada Park', phone: '+442079460123' });
  });
  it('drops a person left with no name, email, phone or LinkedIn', () => {
    expect(normalisePerson({ phone: '+999 1234 5678', company: 'Nowhere Ltd' })).toBeUndefined();
    expect(normalisePerson({ title: 'CTO' })).toBeUndefined();
  });
  it('keeps the focus on the same person when others are dropped', () => {
    const d = normaliseReport({
      view: 'list', site: 'generic', focused: 2,
      people: [{ phone: '+999 1234 5678' }, { name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', phone: '020 7946 0123', phoneCountry: 'GB' }],
    });
    expect(d).toEqual({ view: 'list', site: 'generic', focused: 1,
      people: [{ name: 'Ada Park', email: 'ada@park.dev' }, { name: 'Ben Ode', phone: '+442079460123' }] });
    const gone = normaliseReport({ view: 'detail', site: 'generic', focused: 0, people: [{ phone: '+999 1234 5678' }] });
    expect(gone).toEqual({ view: 'detail', site: 'generic', people: [] });
  });
});

describe('what the content script knows of phones without metadata', () => {
  it('passes the page’s region on as written; the background alone knows which regions exist', () => {
    expect(countryFromLang('en-GB')).toBe('GB');
    expect(countryFromLang('en-UK')).toBe('UK');
    expect(e164Of({ value: '020 7946 0123', country: countryFromLang('en-UK') })).toBeUndefined();
    expect(e164Of({ value: '020 7946 0123', country: countryFromLang('en-GB') })).toBe('+442079460123');
  });
  it('tells one number written nationally and internationally from two numbers', () => {
    const same = (a: string, b: string) => sameNumber(phoneDigits(a), phoneDigits(b));
    expect(same('020 7946 0958', '+44 20 7946 0958')).toBe(true);
    expect(same('+49 (0)151 1234 5678', '+4915112345678')).toBe(true);
    expect(same('(617) 555-0142', 'tel:+16175550142')).toBe(true);
    expect(same('+49 151 1234 5678', '+254 712 345 678')).toBe(false);
    expect(same('+44 20 7946 0958', '+44 20 7946 0959')).toBe(false);
  });
});
