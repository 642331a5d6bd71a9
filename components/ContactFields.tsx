// Editing the contact's name, email, phone and website in place on the card. Only the changed fields are
// sent, with the version the user edited: a change made meanwhile in HighLevel becomes a conflict
// the user settles in the activity log.
import { useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { ContactEditInput, ContactView } from '@/lib/protocol';
import { FormButtons, LabelledInput, useCheckedValues, useEscapeCancels, type ValueProblems } from './FormParts';
import { useContact } from './state/contact';

const FIELDS: [keyof ContactEditInput, () => string, string][] = [
  ['firstName', () => i18n.t('fields.firstName'), 'text'],
  ['lastName', () => i18n.t('fields.lastName'), 'text'],
  ['email', () => i18n.t('fields.email'), 'email'],
  ['phone', () => i18n.t('fields.phone'), 'tel'],
  // as HighLevel keeps it: any text ("parklabs.io" too, which a url field would refuse)
  ['website', () => i18n.t('fields.website'), 'text'],
];

export const editableValues = (c: ContactView): Required<ContactEditInput> => ({
  firstName: c.firstName ?? '',
  lastName: c.lastName ?? '',
  email: c.email ?? '',
  phone: c.phone ?? '',
  website: c.website ?? '',
});

export function ContactFields({ contact, onDone }: { contact: ContactView; onDone: () => void }) {
  const updateContact = useContact((s) => s.updateContact);
  const [seen] = useState(() => ({ dateUpdated: contact.dateUpdated ?? null, values: editableValues(contact) }));
  const { values, problems, change, check } = useCheckedValues(seen.values);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const escape = useEscapeCancels(onDone);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // only what changed is checked (and sent): a stored value HighLevel took stays as it is
    const changed = (field: 'email' | 'phone') => (values[field] !== seen.values[field] ? values[field] : '');
    if (!check(e.currentTarget, { email: changed('email'), phone: changed('phone') })) return;
    setSaving(true);
    const saved = await updateContact(values, seen);
    setSaving(false);
    if (saved) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} {...escape.form} aria-label={i18n.t('contact.editForm')} className="contact-fields">
      {FIELDS.map(([field, label, type], i) => (
        <LabelledInput
          key={field}
          id={`${id}-${field}`}
          label={label()}
          name={field}
          type={type}
          autoFocus={i === 0}
          value={values[field]}
          problem={problems[field as keyof ValueProblems]}
          onChange={(e) => change(field, e.target.value)}
        />
      ))}
      {escape.notice}
      <FormButtons saving={saving} label={i18n.t('contact.save')} onCancel={onDone} />
    </form>
  );
}
