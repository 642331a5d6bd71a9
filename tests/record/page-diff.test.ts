// What the page knows that HighLevel does not, per field, and custom field values by type: pure.
import { describe, expect, it } from 'vitest';
import type { ContactView, CustomFieldDefinition } from '../../lib/protocol';
import { allUpdates, checkCustomValue, fieldDefinitions, pageDifferences, readCustomValue, titleFieldOf } from '../../lib/record';

const title: CustomFieldDefinition = { id: 'cfTitle', name: 'Job Title', kind: 'text', dataType: 'TEXT' };
const ghl: ContactView = {
  id: 'c1', name: 'Maya Okafor', firstName: 'Maya', lastName: 'Okafor', email: 'maya@old.example', phone: '+14155550100', companyName: 'BrightPath',
  website: 'https://www.linkedin.com/in/maya-okafor', locationId: 'L1', tags: [], dnd: false, appUrl: '',
  customFields: [{ id: 'cfTitle', name: 'Job Title', value: 'Growth Lead', raw: 'Growth Lead' }],
};

describe('page differences', () => {
  it('names each field the page shows differently, with the update that makes HighLevel agree', () => {
    const diffs = pageDifferences(
      { name: 'Maya  Okafor-Reid', email: 'Maya@New.example', phone: '+14155550100', company: 'BrightPath Labs', title: 'Head of Growth', linkedin: 'https://www.linkedin.com/in/maya-okafor' },
      ghl,
      { titleField: title, linkedinToWebsite: true },
    );
    expect(diffs).toEqual([
      { field: 'name', page: 'Maya Okafor-Reid', ghl: 'Maya Okafor', update: { changes: { firstName: 'Maya', lastName: 'Okafor-Reid' }, seen: { firstName: 'Maya', lastName: 'Okafor' } } },
      { field: 'email', page: 'Maya@New.example', ghl: 'maya@old.example', update: { changes: { email: 'Maya@New.example' }, seen: { email: 'maya@old.example' } } },
      { field: 'company', page: 'BrightPath Labs', ghl: 'BrightPath', readOnly: 'company' },
      { field: 'title', page: 'Head of Growth', ghl: 'Growth Lead', update: { changes: { 'customFields.cfTitle': 'Head of Growth' }, seen: { 'customFields.cfTitle': 'Growth Lead' } } },
    ]);
    expect(allUpdates(diffs)).toEqual({
      changes: { firstName: 'Maya', lastName: 'Okafor-Reid', email: 'Maya@New.example', 'customFields.cfTitle': 'Head of Growth' },
      seen: { firstName: 'Maya', lastName: 'Okafor', email: 'maya@old.example', 'customFields.cfTitle': 'Growth Lead' },
    });
  });

  it('offers what HighLevel lacks as an addition; says when the title has no field; leaves a company website alone', () => {
    const bare: ContactView = { ...ghl, email: undefined, phone: undefined, website: undefined, customFields: [] };
    const diffs = pageDifferences({ email: 'maya@new.example', phone: '+4915112345678', linkedin: 'https://www.linkedin.com/in/maya-okafor', title: 'CTO' }, bare, { linkedinToWebsite: true });
    expect(diffs.map((d) => [d.field, d.ghl, d.readOnly])).toEqual([['email', undefined, undefined], ['phone', undefined, undefined], ['title', undefined, 'noTitleField'], ['linkedin', undefined, undefined]]);
    const withSite = pageDifferences({ linkedin: 'https://www.linkedin.com/in/maya-okafor' }, { ...ghl, website: 'https://brightpath.io' }, { linkedinToWebsite: true });
    expect(withSite).toEqual([]);
    expect(pageDifferences({ name: 'maya okafor', email: 'MAYA@old.example', phone: '4155550100' }, ghl, { titleField: title, linkedinToWebsite: true })).toEqual([]);
  });

  it('finds the title field: the one chosen in the options, else one named like a title', () => {
    const fields = fieldDefinitions([
      { id: 'a', name: 'Title', dataType: 'TEXT', model: 'contact', position: 2 },
      { id: 'b', name: 'Role text', dataType: 'TEXT', model: 'contact', position: 1 },
      { id: 'c', name: 'Job title', dataType: 'LARGE_TEXT', model: 'contact', position: 0 },
    ]);
    expect(titleFieldOf(fields, 'b')?.id).toBe('b');
    expect(titleFieldOf(fields, null)?.id).toBe('a');
    expect(titleFieldOf(fields, 'gone')?.id).toBe('a');
  });
});

describe('custom field values by type', () => {
  const defs = fieldDefinitions([
    { id: 'n', name: 'Score', dataType: 'NUMERICAL', model: 'contact' },
    { id: 'm', name: 'Interests', dataType: 'MULTIPLE_OPTIONS', picklistOptions: ['SEO', 'Ads, social', 'Video'], model: 'contact' },
    { id: 'd', name: 'Renewal', dataType: 'DATE', model: 'contact' },
    { id: 'f', name: 'Contract', dataType: 'FILE_UPLOAD', model: 'contact' },
    { id: 'o', name: 'Source Campaign', dataType: 'TEXT', model: 'opportunity' },
  ]);
  const def = (id: string) => defs.find((d) => d.id === id)!;

  it('reads HighLevel’s text or typed values for their control; other models’ fields are not listed', () => {
    expect(defs.map((d) => d.kind)).toEqual(['number', 'multiple', 'date', 'unsupported']);
    expect(readCustomValue(def('n'), '57')).toBe(57);
    expect(readCustomValue(def('m'), 'Video, Ads, social')).toEqual(['Ads, social', 'Video']);
    expect(readCustomValue(def('m'), ['SEO'])).toEqual(['SEO']);
    expect(readCustomValue(def('d'), '2027-03-01T00:00:00.000Z')).toBe('2027-03-01');
    expect(readCustomValue(def('f'), { f1: { url: 'x' } })).toBe('{"f1":{"url":"x"}}');
  });

  it('checks a value for its type and gives the write format; an empty value clears', () => {
    expect(checkCustomValue(def('n'), '12.5')).toEqual({ ok: true, value: 12.5 });
    expect(checkCustomValue(def('n'), 'twelve')).toMatchObject({ ok: false, message: 'Score must be a number.' });
    expect(checkCustomValue(def('m'), ['SEO', 'Video'])).toEqual({ ok: true, value: ['SEO', 'Video'] });
    expect(checkCustomValue(def('m'), [])).toEqual({ ok: true, value: [] });
    expect(checkCustomValue(def('d'), '2027-02-28')).toEqual({ ok: true, value: '2027-02-28' });
    expect(checkCustomValue(def('d'), '2027-02-30')).toMatchObject({ ok: false, message: 'Renewal must be a date.' });
    expect(checkCustomValue(def('d'), 'tomorrow')).toMatchObject({ ok: false });
    expect(checkCustomValue(def('f'), 'x')).toMatchObject({ ok: false, message: 'Contract cannot be changed from the sidebar.' });
  });

  it('takes an email or phone in a custom field as a contact’s own email or phone is taken (one check for both)', () => {
    const phone = { id: 'p', name: 'Billing phone', kind: 'phone', dataType: 'PHONE' } as const;
    const email = { id: 'e', name: 'Billing email', kind: 'email', dataType: 'EMAIL' } as const;
    expect(checkCustomValue(phone, ' +44 20 7946 0123 ')).toEqual({ ok: true, value: '+44 20 7946 0123' });
    // 16 digits, and 6: no phone HighLevel keeps
    expect(checkCustomValue(phone, '1234 5678 9012 3456')).toMatchObject({ ok: false, message: 'Billing phone must be a phone number.' });
    expect(checkCustomValue(phone, '555-01')).toMatchObject({ ok: false });
    expect(checkCustomValue(email, 'ana@silva.example.org')).toEqual({ ok: true, value: 'ana@silva.example.org' });
    expect(checkCustomValue(email, 'ana@silva.c')).toMatchObject({ ok: false, message: 'Billing email must be an email address.' });
  });
});
