// @vitest-environment happy-dom
// An email or phone the user types is checked before anything is sent: in "Edit contact" and in
// "Edit before creating", a value HighLevel would refuse or store mangled ("call me maybe" becomes
// "+") says what is wrong under its field, which takes the focus and keeps what was typed; the
// background refuses the same values whatever sends them.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContactDetails } from '@/lib/protocol';
import { ContactCard } from '@/components/ContactCard';
import { MatchPanel } from '@/components/MatchPanel';
import { useContact } from '@/components/state/contact';
import { writes, type WriteServices } from '@/lib/outbox';
import { checkEdit } from '@/lib/record';
import { mountEach } from './mount';

const send = vi.hoisted(() => vi.fn());
vi.mock('@/lib/protocol', async (original) => ({ ...(await original<object>()), sendMessage: send }));

const record: ContactDetails = {
  contact: { id: 'c1', name: 'Ana Silva', firstName: 'Ana', lastName: 'Silva', email: 'ana@silva.example.org', phone: '+14155550134', locationId: 'L1', tags: [], dnd: false, appUrl: 'https://app.gohighlevel.com/', dateUpdated: '2026-01-01T00:00:00.000Z', customFields: [] },
  tasks: [], notes: [], appointments: [], colleagues: [], fetchedAt: 0, opportunities: [], workflowsAdded: [],
};

const view = mountEach();
beforeEach(() => {
  send.mockReset();
  send.mockResolvedValue({ ok: true, value: record });
  useContact.setState({ contactId: 'c1', details: { status: 'ready', value: record }, writeError: undefined });
});

function type(input: HTMLInputElement, value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const submit = (form: Element) => act(async () => (form as HTMLFormElement).requestSubmit());
const errorOf = (input: HTMLInputElement) => (input.getAttribute('aria-invalid') === 'true' ? document.getElementById(input.getAttribute('aria-describedby')!)?.textContent : undefined);

describe('Edit contact', () => {
  it('says what is wrong with a typed phone or email under its field, focuses it, keeps the text and sends nothing', async () => {
    act(() => view.root.render(<ContactCard details={record} users={[]} revalidating={false} />));
    act(() => view.host.querySelector<HTMLButtonElement>('[aria-label="Edit ⁨Ana Silva⁩"]')!.click());
    const form = view.host.querySelector('form[aria-label="Edit contact"]')!;
    const email = form.querySelector<HTMLInputElement>('input[name=email]')!;
    const phone = form.querySelector<HTMLInputElement>('input[name=phone]')!;
    type(phone, 'call me maybe');
    type(email, 'ana@silva');
    await submit(form);
    expect(send).not.toHaveBeenCalled();
    expect(errorOf(email)).toBe('That email address is not complete: write it as name@company.com.');
    expect(errorOf(phone)).toBe('A phone number has 7 to 15 digits, like +1 415 555 0134.');
    expect(document.activeElement).toBe(email);
    expect([email.value, phone.value]).toEqual(['ana@silva', 'call me maybe']);

    // mended, the message goes with the typing, and the change is sent
    type(email, 'ana@silva.example.org');
    expect(errorOf(email)).toBeUndefined();
    type(phone, '+1 (415) 555-0199');
    await submit(form);
    expect(send).toHaveBeenCalledWith('updateContact', expect.objectContaining({ fields: expect.objectContaining({ phone: '+1 (415) 555-0199' }) }));
  });
});

describe('Edit contact: the website', () => {
  it('is edited beside the name, email and phone, as typed (no scheme needed), and sent', async () => {
    act(() => view.root.render(<ContactCard details={{ ...record, contact: { ...record.contact, website: 'https://silva.example.org' } }} users={[]} revalidating={false} />));
    act(() => view.host.querySelector<HTMLButtonElement>('[aria-label="Edit ⁨Ana Silva⁩"]')!.click());
    const form = view.host.querySelector('form[aria-label="Edit contact"]')!;
    const website = form.querySelector<HTMLInputElement>('input[name=website]')!;
    expect(form.querySelector(`label[for="${website.id}"]`)?.textContent).toBe('Website');
    expect(website.value).toBe('https://silva.example.org');
    type(website, 'silva.example.org');
    await submit(form);
    expect(send).toHaveBeenCalledWith('updateContact', expect.objectContaining({ fields: expect.objectContaining({ website: 'silva.example.org' }) }));
  });
});

describe('Edit before creating', () => {
  it('refuses a phone with no digits and an email without its domain’s ending, under the fields, before any search or create', async () => {
    const person = { name: 'Hannah Whitfield', title: 'Operations Director' };
    act(() => view.root.render(<MatchPanel match={{ person, key: 'name:hannah whitfield', state: 'missing', confidence: 0 }} index={0} />));
    act(() => [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Edit before creating')!.click());
    const form = view.host.querySelector('[data-testid=person-form]')!;
    const email = form.querySelector<HTMLInputElement>('input[name=email]')!;
    const phone = form.querySelector<HTMLInputElement>('input[name=phone]')!;
    type(email, 'hannah@orbital');
    type(phone, 'phone?');
    await submit(form);
    expect(send).not.toHaveBeenCalled();
    expect(errorOf(email)).toMatch(/name@company\.com/);
    expect(errorOf(phone)).toMatch(/7 to 15 digits/);
    expect(document.activeElement).toBe(email);
  });
});

describe('the background', () => {
  it('refuses a changed phone or email HighLevel would mangle, whatever sends it', async () => {
    const base = { dateUpdated: null, values: { phone: '+14155550134', email: '' } };
    const services = {} as WriteServices; // nothing is reached: the values are refused first
    await expect(writes.editContact(services, 'c1', { phone: 'call me maybe' }, base)).rejects.toThrow('A phone number has 7 to 15 digits');
    await expect(writes.editContact(services, 'c1', { email: 'ana@silva' }, base)).rejects.toThrow('name@company.com');
    const ctx = { fields: [], users: [] };
    expect(() => checkEdit({ phone: '12' }, { phone: '+14155550134' }, ctx)).toThrow('A phone number has 7 to 15 digits');
    expect(() => checkEdit({ email: 'ana@silva' }, { email: '' }, ctx)).toThrow('name@company.com');
    // an extension has no place in the phone: said as such, not as a count of digits
    expect(() => checkEdit({ phone: '+1 415 555 0134 ext. 12' }, { phone: '' }, ctx)).toThrow('HighLevel keeps a phone without its extension: take out “ext. 12”');
    expect(() => checkEdit({ phone: '(415) 555-0134 x12' }, { phone: '' }, ctx)).toThrow('take out “x12”');
    expect(() => checkEdit({ phone: '+1 415 555 0134, ext 12' }, { phone: '' }, ctx)).toThrow('take out “ext 12”');
    expect(checkEdit({ phone: '+44 20 7946 0123', email: '' }, { phone: '', email: 'ana@silva.example.org' }, ctx).fields).toEqual({ phone: '+44 20 7946 0123', email: '' });
  });
});
