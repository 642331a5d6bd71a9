// Quick tagging: the contact's tags as chips and a tag box with type-ahead over the location's
// catalogue (tags used lately first). Enter adds (the highlighted suggestion, else what was typed —
// a new tag is created), Backspace in the empty box removes the last chip, Delete or Backspace on a
// focused chip removes it. Changes show at once; the undo bar and Ctrl/Cmd+Z take the last one back.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { useContact } from './state/contact';
import { valueOf } from './state/ask';

const MAX_SUGGESTIONS = 8;

export function suggestTags(catalogue: string[], typed: string, present: string[]): string[] {
  const q = typed.trim().toLowerCase();
  const free = catalogue.filter((t) => !present.some((p) => p.toLowerCase() === t.toLowerCase()));
  if (!q) return free.slice(0, MAX_SUGGESTIONS);
  const starts = free.filter((t) => t.toLowerCase().startsWith(q));
  const contains = free.filter((t) => !t.toLowerCase().startsWith(q) && t.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS);
}

export function TagEditor({ tags }: { tags: string[] }) {
  const { lists, addTag, removeTag, focusTagsAt } = useContact();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const chips = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (focusTagsAt) input.current?.focus();
  }, [focusTagsAt]);

  const catalogue = valueOf(lists)?.tags ?? [];
  const suggestions = suggestTags(catalogue, typed, tags);
  const exact = catalogue.some((t) => t.toLowerCase() === typed.trim().toLowerCase());
  const options = [...suggestions, ...(typed.trim() && !exact ? [i18n.t('tags.create', [typed.trim()])] : [])];
  // the list opens on typing or ArrowDown, not on focus: it would cover the card below
  const expanded = open && options.length > 0;

  const choose = (i: number) => {
    const tag = i >= 0 && i < suggestions.length ? suggestions[i]! : typed.trim();
    if (!tag) return;
    setTyped('');
    setActive(-1);
    setOpen(false);
    void addTag(tag);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(-1, Math.min(options.length - 1, a + step)));
      e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(expanded ? active : -1);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (e.key === 'Backspace' && typed === '' && tags.length) {
      void removeTag(tags[tags.length - 1]!);
    }
  };

  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, tag: string, i: number) => {
    if (e.key !== 'Delete' && e.key !== 'Backspace') return;
    e.preventDefault();
    const next = chips.current?.querySelectorAll<HTMLButtonElement>('button.chip')[i + 1];
    (next ?? input.current)?.focus();
    void removeTag(tag);
  };

  return (
    <div className="tag-editor">
      <ul className="chips" aria-label={i18n.t('contact.tags')} data-testid="tags" ref={chips}>
        {tags.map((t, i) => (
          <li key={t} className="chip-item">
            <button className="chip" aria-keyshortcuts="Delete" title={i18n.t('tags.deleteHint')} onKeyDown={(e) => onChipKey(e, t, i)}>
              {t}
            </button>
            <button className="chip-x" tabIndex={-1} aria-label={i18n.t('tags.remove', [t])} onClick={() => void removeTag(t)}>
              ×
            </button>
          </li>
        ))}
        {tags.length === 0 ? <li className="muted">{i18n.t('tags.none')}</li> : null}
      </ul>
      <label htmlFor="tag-input" className="visually-hidden">
        {i18n.t('tags.add')}
      </label>
      <input
        id="tag-input"
        ref={input}
        role="combobox"
        aria-expanded={expanded}
        aria-controls="tag-suggestions"
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `tag-option-${active}` : undefined}
        placeholder={i18n.t('tags.placeholder')}
        autoComplete="off"
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKey}
      />
      <ul id="tag-suggestions" role="listbox" aria-label={i18n.t('tags.suggestions')} className="suggestions" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o}
            id={`tag-option-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault(); // keep the focus in the box
              choose(i);
            }}
          >
            {o}
          </li>
        ))}
      </ul>
    </div>
  );
}
