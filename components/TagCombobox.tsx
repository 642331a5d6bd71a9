// A tag box with type-ahead over the location's tags (used by a person's tags and by bulk changes).
// As you type, the first suggestion is highlighted and Enter takes it; a tag one typo away is
// offered as "Did you mean ‘webinar’?"; a tag that does not exist yet is created only on purpose,
// with Shift+Enter or its "Create tag …" row (Enter alone then says so instead of creating it).
// ↑/↓ move through the offers, Escape closes them. Page and CRM text is rendered as text.
import { useState, type KeyboardEvent, type Ref } from 'react';
import { i18n } from '#i18n';
import { offerTags } from './tag-suggestions';

interface Option {
  tag: string;
  label: string;
  create: boolean;
}

export interface TagComboboxProps {
  id: string;
  label: string;
  value: string;
  onValue(text: string): void;
  /** the location's tags, used lately first */
  catalogue: string[];
  /** tags not to offer (the contact has them) */
  present: string[];
  /** a tag was taken (an existing one) or is to be created (`create`) */
  onTag(tag: string, create: boolean): void;
  /** Backspace in the empty box, on a fresh press (never a held key's repeats) */
  onEmptyBackspace?: () => void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  /** the box keeps its focus and text, but takes no tag (no contact to tag) */
  readOnly?: boolean;
  /** extra keys the box lets the page handle (e.g. Alt+↓) */
  passKey?: (e: KeyboardEvent<HTMLInputElement>) => boolean;
  labelHidden?: boolean;
}

export function TagCombobox({ inputRef, ...props }: TagComboboxProps) {
  const { id, value, catalogue, present } = props;
  const [open, setOpen] = useState(false);
  /** the text at which Escape closed the offers (they open again as soon as the text changes) */
  const [closedAt, setClosedAt] = useState<string>();
  /** the offers show only while the box has the focus */
  const [inBox, setInBox] = useState(false);
  /** the highlighted offer when the user moved it (for the text it was moved at); else the first suggestion */
  const [movedAt, setMovedAt] = useState<{ value: string; index: number }>();
  /** what Enter said about the text it was pressed at */
  const [hintAt, setHintAt] = useState<{ value: string; text: string }>();
  const moved = movedAt?.value === value ? movedAt.index : undefined;
  const hint = hintAt?.value === value ? hintAt.text : '';
  const setMoved = (index: number | undefined) => setMovedAt(index === undefined ? undefined : { value, index });
  const setHint = (text: string) => setHintAt({ value, text });

  const typed = value.trim();
  const offer = offerTags(catalogue, value, present);
  const options: Option[] = [
    ...offer.suggestions.map((tag) => ({ tag, label: offer.nearMiss ? i18n.t('tags.didYouMean', [tag]) : tag, create: false })),
    ...(offer.creatable ? [{ tag: offer.creatable, label: i18n.t('tags.create', [offer.creatable]), create: true }] : []),
  ];
  const active = moved ?? (typed && offer.suggestions.length ? 0 : -1);
  // the list opens on typing or ↓, not on focus: it would cover the record below
  const expanded = inBox && (open || typed !== '') && closedAt !== value && options.length > 0 && !props.readOnly;

  const take = (option: Option) => {
    setOpen(false);
    setMoved(undefined);
    props.onTag(option.tag, option.create);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (props.passKey?.(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (e.altKey) return;
      e.preventDefault();
      setOpen(true);
      setClosedAt(undefined);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setMoved(Math.max(-1, Math.min(options.length - 1, active + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (props.readOnly) return;
      if (!typed) return setHint(i18n.t('errors.tagNameFirst')); // nothing to take: said, not silent
      if (e.shiftKey) {
        // Shift+Enter: exactly what was typed, created if it does not exist (an existing tag is simply taken)
        const existing = catalogue.find((t) => t.toLowerCase() === typed.toLowerCase());
        take({ tag: existing ?? typed, label: typed, create: !existing });
      } else if (expanded && active >= 0 && options[active]) take(options[active]!);
      else setHint(offer.exact ? '' : i18n.t('tags.noSuchTag', [typed]));
    } else if (e.key === 'Escape') {
      // the first Escape closes the offers, a second one empties the box
      if (expanded) {
        e.stopPropagation();
        setClosedAt(value);
      } else if (value !== '') {
        e.preventDefault(); // used: a form around the box stays open
        props.onValue('');
      }
      setOpen(false);
      setMoved(-1);
    } else if (e.key === 'Backspace' && value === '' && !e.repeat) {
      props.onEmptyBackspace?.();
    }
  };

  return (
    <div className="tag-box">
      <label htmlFor={id} className={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        ref={inputRef}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-offers`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-offer-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        aria-readonly={props.readOnly || undefined}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => {
          props.onValue(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setInBox(true)}
        onBlur={() => {
          setInBox(false);
          setOpen(false);
        }}
        onKeyDown={onKey}
      />
      {/* the hint before the offers: they open under it (theme.css: .suggestions), never over it */}
      <p id={`${id}-hint`} className="hint muted small" aria-live="polite">
        {hint}
      </p>
      <ul id={`${id}-offers`} role="listbox" aria-label={i18n.t('tags.suggestions')} className="suggestions" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={`${o.create ? '+' : ''}${o.tag}`}
            id={`${id}-offer-${i}`}
            role="option"
            aria-selected={i === active}
            className={o.create ? 'create' : undefined}
            onMouseDown={(e) => {
              e.preventDefault(); // keep the focus in the box
              take(o);
            }}
          >
            <bdi>{o.label}</bdi>
            {o.create ? <span className="muted small"> {i18n.t('tags.createKey')}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
