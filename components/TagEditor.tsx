// Quick tagging: the shown contact's tags as chips, the tag box (./TagCombobox.tsx: Enter takes the
// highlighted suggestion, Shift+Enter creates a new tag) and the last three tags used as one-click
// chips (Alt+R adds the last one again); their row stays, as tall, when the person has them all.
// Backspace in the empty box removes the last chip, but only on a fresh press: a held Backspace
// that emptied the box never goes on into the chips. Delete or Backspace on a focused chip removes
// it. Every change shows at once; Ctrl/Cmd+Z undoes them one after the other. The box stays in
// place (and keeps its text) while the next person loads.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import { earlyTagsOf, useContact } from './state/contact';
import { valueOf } from './state/ask';
import { isolate } from './bidi';
import { TagCombobox } from './TagCombobox';

export const TAG_BOX_ID = 'tag-input';

/** The last request for the tag box's focus it answered: a box drawn again (the activity log closed) leaves the focus where it is. */
let answered = 0;

/**
 * `tags`: the contact's tags (undefined while its record loads: then the tags changed meanwhile show
 * as chips); `held`: those of them not saved yet (they wait behind a change that needs the user);
 * `blocked`: why nothing can be tagged now.
 */
export function TagEditor({ tags: recorded, held = [], blocked }: { tags: string[] | undefined; held?: string[]; blocked?: string }) {
  const { lists, draft, setDraft, addTag, removeTag, focusTagsAt, recentTags, repeatLastTag, refusedTag } = useContact();
  // the repeat key adds the first chip, unless the last tag added was refused (it then adds nothing)
  const repeats = (t: string, i: number) => i === 0 && t === recentTags[0] && !refusedTag;
  const early = useContact(earlyTagsOf);
  const tags = recorded ?? early;
  const input = useRef<HTMLInputElement>(null);
  const chips = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!focusTagsAt || focusTagsAt === answered) return;
    answered = focusTagsAt;
    input.current?.focus();
  }, [focusTagsAt]);

  const present = tags ?? [];
  const catalogue = valueOf(lists)?.tags ?? [];
  const recent = recentTags.filter((t) => !present.some((p) => p.toLowerCase() === t.toLowerCase()));

  /** a chip of a held change: shown, not saved yet */
  const waits = (t: string) => held.some((h) => h.toLowerCase() === t.toLowerCase());

  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, tag: string, i: number) => {
    if (e.key !== 'Delete' && e.key !== 'Backspace') return;
    e.preventDefault();
    if (e.repeat) return;
    const next = chips.current?.querySelectorAll<HTMLButtonElement>('button.chip')[i + 1];
    (next ?? input.current)?.focus();
    void removeTag(tag);
  };

  return (
    <div className="tag-editor">
      <ul className="chips" aria-label={i18n.t('contact.tags')} data-testid="tags" ref={chips}>
        {present.map((t, i) => (
          <li key={t} className={waits(t) ? 'chip-item held' : 'chip-item'}>
            <button className="chip" aria-keyshortcuts="Delete" title={waits(t) ? i18n.t('tags.heldHint') : i18n.t('tags.deleteHint')} onKeyDown={(e) => onChipKey(e, t, i)}>
              <bdi>{t}</bdi>
              {waits(t) ? <span className="visually-hidden">{i18n.t('tags.heldMark')}</span> : null}
            </button>
            <button className="chip-x" tabIndex={-1} aria-label={i18n.t('tags.remove', [isolate(t)])} onClick={() => void removeTag(t)}>
              ×
            </button>
          </li>
        ))}
        {recorded && recorded.length === 0 && !blocked ? <li className="muted small">{i18n.t('tags.none')}</li> : null}
        {blocked ? <li className="muted small">{blocked}</li> : null}
      </ul>
      <TagCombobox
        id={TAG_BOX_ID}
        label={i18n.t('tags.add')}
        labelHidden
        inputRef={input}
        value={draft}
        onValue={setDraft}
        catalogue={catalogue}
        present={present}
        readOnly={!!blocked}
        placeholder={blocked ? i18n.t('tags.placeholderBlocked') : i18n.t('tags.placeholder')}
        onTag={(tag) => {
          setDraft('');
          void addTag(tag);
        }}
        onEmptyBackspace={() => {
          const last = present.at(-1);
          if (last) void removeTag(last);
        }}
      />
      {recentTags.length && !blocked ? (
        <p className="recent row small" data-testid="recent-tags">
          <span className="muted">{i18n.t('tags.recent')}</span>
          {recent.length ? null : <span className="muted">{i18n.t('tags.recentAllPresent')}</span>}
          {recent.map((t, i) => (
            <button
              key={t}
              className="chip recent-chip"
              aria-label={i18n.t('tags.addRecent', [isolate(t)])}
              aria-keyshortcuts={repeats(t, i) ? 'Alt+R' : undefined}
              onClick={() => (repeats(t, i) ? void repeatLastTag() : void addTag(t))}
            >
              + <bdi>{t}</bdi>
            </button>
          ))}
          {recent[0] !== undefined && repeats(recent[0], 0) ? <span className="muted">{i18n.t('tags.repeatKey')}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
