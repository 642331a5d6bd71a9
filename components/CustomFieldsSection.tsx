// The contact's custom fields: the location's fields with a value, by name; Edit opens every field
// the sidebar can change, each with the control of its type. Save checks each value by its type
// and sends only the fields that changed, with the values and the version seen when editing began:
// a record pushed while editing never changes what is being typed, and a field changed meanwhile
// in HighLevel becomes a conflict the user settles in the activity log. Fields of types the
// sidebar cannot edit show read-only; fields the location does not list are never shown.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { ContactView, CustomFieldDefinition, FieldChanges } from '@/lib/protocol';
import { checkCustomValue } from '@/lib/record';
import { CustomFieldInput, draftOf, type Draft } from './CustomFieldInput';
import { FormButtons, useEditInPlace, useEscapeCancels } from './FormParts';
import { MissingScope } from './MissingScope';
import { recordActions } from './state/record';
import './record.css';

function CustomFieldsForm({ contact, fields, onDone }: { contact: ContactView; fields: CustomFieldDefinition[]; onDone: () => void }) {
  const id = useId();
  const editable = fields.filter((f) => f.kind !== 'unsupported');
  const valueOf = (def: CustomFieldDefinition) => contact.customFields.find((f) => f.id === def.id)?.raw;
  // what the user saw when the edit began: kept while they type, whatever the background pushes
  const [seen] = useState(() => ({
    dateUpdated: contact.dateUpdated ?? null,
    drafts: Object.fromEntries(editable.map((d) => [d.id, draftOf(d, valueOf(d))])) as Record<string, Draft>,
    values: Object.fromEntries(editable.map((d) => [`customFields.${d.id}`, valueOf(d) ?? null])) as FieldChanges,
  }));
  const [drafts, setDrafts] = useState(seen.drafts);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const escape = useEscapeCancels(onDone);
  const changedMeanwhile = (contact.dateUpdated ?? null) !== seen.dateUpdated;
  // opened, the focus goes to its first field
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changes: FieldChanges = {};
    const problems: Record<string, string> = {};
    for (const def of editable) {
      const draft = drafts[def.id]!;
      if (JSON.stringify(draft) === JSON.stringify(seen.drafts[def.id])) continue;
      const checked = checkCustomValue(def, draft);
      if (checked.ok) changes[`customFields.${def.id}`] = checked.value;
      else problems[def.id] = checked.message;
    }
    setErrors(problems);
    if (Object.keys(problems).length) return;
    if (Object.keys(changes).length === 0) return onDone();
    setSaving(true);
    const saved = await recordActions.editFields(changes, seen.values, seen.dateUpdated);
    setSaving(false);
    if (saved) onDone();
  };

  return (
    <form ref={form} className="custom-form" onSubmit={(e) => void submit(e)} {...escape.form} aria-label={i18n.t('customFields.editForm')} noValidate>
      {changedMeanwhile ? <p className="muted small" role="status">{i18n.t('customFields.changedMeanwhile')}</p> : null}
      {editable.map((def) => (
        <CustomFieldInput key={def.id} id={`${id}-${def.id}`} def={def} value={drafts[def.id]!} error={errors[def.id]} onChange={(v) => setDrafts({ ...drafts, [def.id]: v })} />
      ))}
      {escape.notice}
      <FormButtons saving={saving} label={i18n.t('customFields.save')} onCancel={onDone} />
    </form>
  );
}

export function CustomFieldsSection(props: { contact: ContactView; fields: CustomFieldDefinition[]; missing: string[] }) {
  const { contact, fields, missing } = props;
  const { editing, opener, start, cancel } = useEditInPlace();
  const lacksDefinitions = missing.includes('locations/customFields.readonly');
  const canWrite = !missing.includes('contacts.write');
  const readOnly = new Set(fields.filter((f) => f.kind === 'unsupported').map((f) => f.id));
  return (
    <section aria-labelledby="custom-fields-title" data-testid="custom-fields">
      <div className="section-head">
        <h3 id="custom-fields-title">{i18n.t('customFields.title')}</h3>
        {!lacksDefinitions && canWrite && !editing && fields.length > 0 ? (
          <button ref={opener} className="quiet" onClick={start} aria-label={i18n.t('customFields.editLabel', [contact.name])}>
            {i18n.t('common.edit')}
          </button>
        ) : null}
      </div>
      {lacksDefinitions ? <MissingScope scope="locations/customFields.readonly" /> : null}
      {editing ? <CustomFieldsForm key={contact.id} contact={contact} fields={fields} onDone={cancel} /> : null}
      {!editing && !lacksDefinitions ? (
        <dl className="facts" data-testid="custom-field-values">
          {contact.customFields.map((f) => (
            <div key={f.id}>
              <dt>{f.name}</dt>
              <dd>
                {f.value}
                {readOnly.has(f.id) ? <span className="muted small"> {i18n.t('customFields.readOnly')}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {!editing && !lacksDefinitions && contact.customFields.length === 0 ? <p className="muted small">{i18n.t('customFields.empty')}</p> : null}
    </section>
  );
}
