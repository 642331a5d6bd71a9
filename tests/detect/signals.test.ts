// Each shared signal on its own: phones, emails, LinkedIn links and texts.
import { describe, expect, it } from 'vitest';
import { countryFromLang, findPhones as findCandidates, phoneCandidate } from '../../lib/detect/phone';
import { e164Of } from '../../lib/detect/normalise';
import { findLinkedins, linkedinOf } from '../../lib/detect/linkedin';
import { emailOf, findEmails, findNamedEmails, looksLikeName } from '../../lib/detect/text';

// the pipeline the extension runs: a candidate read on the page, normalised by the background
const phoneOf = (raw: string, ctx: { labelled: boolean; country?: string }) => {
  const candidate = phoneCandidate(raw, ctx.labelled);
  return candidate && e164Of({ ...candidate, country: ctx.country });
};
const findPhones = (text: string) => findCandidates(text).map(e164Of);

describe('phone numbers', () => {
  it('normalises international numbers in text to E.164', () => {
    expect(findPhones('Call +1 (415) 555-0134 today')).toEqual(['+14155550134']);
    expect(findPhones('Tel. +49 89 1234 5678')).toEqual(['+498912345678']);
    expect(findPhones('mobile 0049 151 12345678')).toEqual(['+4915112345678']);
  });
  it('rejects dates, ids, prices, versions and zip codes', () => {
    for (const text of ['2024-03-12', '12.03.2024', '03/02/2026 14:05', 'Order #48213377', 'id 7f3e9a52c1b84d0e',
      '$1,299.00', '€14,950.00', 'v2.14.0', 'version 4.12.7', 'ZIP 02110', 'PO 4500012345', '1,284 requests']) {
      expect(findPhones(text), text).toEqual([]);
      expect(phoneOf(text, { labelled: true, country: 'US' }), text).toBeUndefined();
    }
  });
  it('reads national numbers only in a phone field with a country hint', () => {
    expect(phoneOf('020 7946 0123', { labelled: true, country: 'GB' })).toBe('+442079460123');
    expect(phoneOf('(617) 555-0142', { labelled: true, country: 'US' })).toBe('+16175550142');
    expect(phoneOf('098200 12345', { labelled: true, country: 'IN' })).toBe('+919820012345');
    expect(phoneOf('020 7946 0123', { labelled: true })).toBeUndefined();
    expect(phoneOf('020 7946 0123', { labelled: false, country: 'GB' })).toBeUndefined();
    expect(findPhones('call 020 7946 0123')).toEqual([]);
  });
  it('reads a number in groups set apart by dots where the page says it is a phone, never a version or a price', () => {
    expect(phoneOf('212.555.0134', { labelled: true, country: 'US' })).toBe('+12125550134');
    expect(phoneOf('01.23.45.67.89', { labelled: true, country: 'FR' })).toBe('+33123456789');
    expect(phoneOf('1.20.300.4000', { labelled: false, country: 'US' })).toBeUndefined();
    expect(phoneOf('1.234.567,89', { labelled: true, country: 'DE' })).toBeUndefined();
  });
  it('reads a number after a flag or a bracketed calling code ("🇬🇧 +44 20 …", "(+44) 20 …")', () => {
    expect(phoneOf('🇬🇧 +44 20 7946 0123', { labelled: true })).toBe('+442079460123');
    expect(phoneOf('(+44) 20 7946 0123', { labelled: true })).toBe('+442079460123');
    expect(phoneOf('(+1) 212 555 0134', { labelled: false })).toBe('+12125550134');
    expect(phoneOf('🇩🇪 030 23125 123', { labelled: true, country: 'DE' })).toBe('+493023125123');
  });
  it('reads tel: links and drops extensions', () => {
    expect(phoneOf('tel:+44-20-7946-0123', { labelled: true })).toBe('+442079460123');
    expect(phoneOf('tel:%2B14155550134', { labelled: true })).toBe('+14155550134');
    expect(phoneOf('+1 415 555 0134 ext. 12', { labelled: true })).toBe('+14155550134');
  });
  it('takes the country from <html lang> only when it names a region', () => {
    expect(countryFromLang('en-GB')).toBe('GB');
    expect(countryFromLang('en_in')).toBe('IN');
    expect(countryFromLang('en')).toBeUndefined();
    expect(countryFromLang('')).toBeUndefined();
  });
});

describe('emails', () => {
  it('finds emails in text, lowercased', () => {
    expect(findEmails('Write Maya.Okafor@BrightPath.io or diego@lumacraft.co.')).toEqual(['maya.okafor@brightpath.io', 'diego@lumacraft.co']);
  });
  it('leaves out masked, example and no-reply addresses', () => {
    for (const text of ['j***@acme.com', 'jo***n@acme.com', 'h.wh•••@orbitalfreight.com', 'm****@gmail.com', 'john@***.com',
      'someone@example.com', 'noreply@themargin.news', 'no-reply@acme.io', 'logo@2x.png']) {
      expect(findEmails(text), text).toEqual([]);
    }
  });
  it('accepts one whole value as an email, with or without mailto:', () => {
    expect(emailOf(' mailto:Ava@Northwind.com?subject=Hi ')).toBe('ava@northwind.com');
    expect(emailOf('ava@northwind.com and more text')).toBeUndefined();
  });
  it('leaves out the same addresses when a whole value is one address (an email column cell)', () => {
    for (const value of ['someone@example.com', 'ops@mail.example.org', 'noreply@themargin.news', 'no-reply@acme.io', 'bounces+x@acme.io',
      'logo@2x.png', 'someone@acme.test']) {
      expect(emailOf(value), value).toBeUndefined();
      expect(findEmails(value), value).toEqual([]);
    }
    expect(emailOf('Noreplyanne@Acme.io')).toBe('noreplyanne@acme.io');
    expect(emailOf('test.lead@latest.io')).toBe('test.lead@latest.io');
  });
  it('pairs names with addresses in mail headers', () => {
    expect(findNamedEmails('"Omar Farouk" <Omar.Farouk@Kestrel-Robotics.de>, Helena Brandt <helena@kr.de>')).toEqual([
      { name: 'Omar Farouk', email: 'omar.farouk@kestrel-robotics.de' }, { name: 'Helena Brandt', email: 'helena@kr.de' }]);
  });
});

describe('LinkedIn profiles', () => {
  it('normalises profile links', () => {
    expect(linkedinOf('https://www.linkedin.com/in/maya-okafor/?miniProfileUrn=urn%3Ali')).toBe('https://www.linkedin.com/in/maya-okafor');
    expect(linkedinOf('https://de.linkedin.com/in/LukasBrenner')).toBe('https://www.linkedin.com/in/lukasbrenner');
    expect(linkedinOf('http://linkedin.com/in/priya-raman-3b2a1/')).toBe('https://www.linkedin.com/in/priya-raman-3b2a1');
    expect(linkedinOf('linkedin.com/in/kenji-watanabe-jp/details/experience/')).toBe('https://www.linkedin.com/in/kenji-watanabe-jp');
    expect(linkedinOf('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller')).toBe('https://www.linkedin.com/in/jürgen-müller');
  });
  it('keeps Sales Navigator leads by their lead id', () => {
    expect(linkedinOf('https://www.linkedin.com/sales/lead/ACwAAB3xYz,NAME_SEARCH,q1Zt?trk=x')).toBe('https://www.linkedin.com/sales/lead/acwaab3xyz');
  });
  it('ignores other LinkedIn pages and other sites', () => {
    expect(linkedinOf('https://www.linkedin.com/company/brightpath')).toBeUndefined();
    expect(linkedinOf('https://www.linkedin.com/feed/')).toBeUndefined();
    expect(linkedinOf('https://notlinkedin.example/in/x')).toBeUndefined();
  });
  it('finds profile URLs written as text', () => {
    expect(findLinkedins('see linkedin.com/in/nadia-okonkwo-cro and https://uk.linkedin.com/in/AmaraBoateng/')).toEqual([
      'https://www.linkedin.com/in/nadia-okonkwo-cro', 'https://www.linkedin.com/in/amaraboateng']);
  });
});

describe('names', () => {
  it('tells names from page titles and initials', () => {
    for (const n of ['Maya Okafor', 'Liam O’Brien', 'Lucía Fernández', 'Ludwig van Beethoven']) expect(looksLikeName(n), n).toBe(true);
    for (const n of ['Campaign leads', 'Workspace Members', 'MO', 'maya okafor', 'Order 42', 'LinkedIn', 'a.b@c.de']) expect(looksLikeName(n), n).toBe(false);
  });
});
