// One custom field's control, by its type: text, large text, number, money, date, one option
// (a select), several options (checkboxes), phone, email, web address. Values are the user's text
// until saved; lib/record checks them by type (the same check the background makes).
import { i18n } from '#i18n';
import type { CustomFieldDefinition, CustomValue } from '@/lib/protocol';

export type Draft = string | string[];

/** The control's value for a field's value as HighLevel read it. */
export const draftOf = (def: CustomFieldDefinition, value: CustomValue | undefined): Draft =>
  def.kind === 'multiple' ? (Array.isArray(value) ? value : []) : value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

const INPUT_TYPES: Partial<Record<CustomFieldDefinition['kind'], string>> = {
  number: 'number',
  money: 'number',
  date: 'date',
  phone: 'tel',
  email: 'email',
  url: 'url',
};

export function CustomFieldInput(props: { id: string; def: CustomFieldDefinition; value: Draft; error?: string; onChange: (value: Draft) => void }) {
  const { id, def, value, error } = props;
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
  const message = error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
  if (def.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset data-field={def.id}>
        <legend>{def.name}</legend>
        {(def.options ?? []).map((option, i) => (
          <label key={option} className="check" htmlFor={`${id}-${i}`}>
            <input
              id={`${id}-${i}`}
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) => props.onChange(e.target.checked ? [...chosen, option] : chosen.filter((x) => x !== option))}
              {...invalid}
            />{' '}
            {option}{' '}
          </label>
        ))}
        {message}
      </fieldset>
    );
  }
  const label = <label htmlFor={id}>{def.name}</label>;
  const text = typeof value === 'string' ? value : value.join(', ');
  if (def.kind === 'single') {
    return (
      <div data-field={def.id}>
        {label}
        <select id={id} value={text} onChange={(e) => props.onChange(e.target.value)} {...invalid}>
          <option value="">{i18n.t('customFields.noChoice')}</option>
          {(def.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {message}
      </div>
    );
  }
  if (def.kind === 'largeText') {
    return (
      <div data-field={def.id}>
        {label}
        <textarea id={id} rows={3} value={text} onChange={(e) => props.onChange(e.target.value)} {...invalid} />
        {message}
      </div>
    );
  }
  return (
    <div data-field={def.id}>
      {label}
      <input
        id={id}
        type={INPUT_TYPES[def.kind] ?? 'text'}
        step={def.kind === 'money' ? '0.01' : def.kind === 'number' ? 'any' : undefined}
        value={text}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalid}
      />
      {message}
    </div>
  );
}
