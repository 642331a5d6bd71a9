// The people found on the page, in page order, each with its match state ("looking up…" until its
// match is known), filterable by name, email or company. One tab stop: ↑/↓, Home/End and
// PageUp/PageDown move through it, Enter shows the person, Space checks them for a bulk change.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { PersonMatch } from '@/lib/protocol';
import type { PersonEntry } from './state/sidebar';

const PAGE_STEP = 10;

type State = PersonMatch['state'] | 'pending' | 'creating';

const stateLabel: Record<State, () => string> = {
  matched: () => i18n.t('sidebar.people.inGhl'),
  missing: () => i18n.t('sidebar.people.notInGhl'),
  ambiguous: () => i18n.t('sidebar.people.severalInGhl'),
  pending: () => i18n.t('sidebar.people.lookingUp'),
  creating: () => i18n.t('sidebar.people.creating'),
};

export const stateOf = (e: Pick<PersonEntry, 'match'>): State => (e.match?.creating ? 'creating' : (e.match?.state ?? 'pending'));
export const stateText = (e: Pick<PersonEntry, 'match'>) => stateLabel[stateOf(e)]();

/** How a person is named: by the contact's name once matched to a named contact, else by what the page shows. */
export const personLabel = (e: Pick<PersonEntry, 'person' | 'match'>) =>
  (e.match?.state === 'matched' ? e.match.contact?.name : undefined) ??
  e.person.name ??
  e.person.email ??
  e.person.phone ??
  e.person.linkedin ??
  i18n.t('sidebar.people.unknown');

const matchesFilter = (e: PersonEntry, q: string) =>
  !q || [personLabel(e), e.person.name, e.person.email, e.person.company].some((v) => v?.toLowerCase().includes(q));

export function PeopleList(props: {
  entries: PersonEntry[];
  selected?: number;
  checked: string[];
  onShow: (index: number) => void;
  onToggle: (key: string) => void;
  onClose?: () => void;
  /** people the page has beyond those listed */
  more?: number;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const shown = props.entries.filter((e) => matchesFilter(e, q));
  const [active, setActive] = useState(() => Math.max(0, shown.findIndex((e) => e.index === props.selected)));
  const at = Math.min(active, shown.length - 1);
  const list = useRef<HTMLUListElement>(null);
  const filterBox = useRef<HTMLInputElement>(null);
  // opened (from its button or a click): the focus goes to the filter, so typing a name finds them
  useEffect(() => filterBox.current?.focus(), []);

  useEffect(() => {
    list.current?.querySelector(`[data-pos="${at}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [at]);

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const last = shown.length - 1;
    const to = (n: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, n)));
    };
    if (e.key === 'ArrowDown') to(at + 1);
    else if (e.key === 'ArrowUp') to(at - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(last);
    else if (e.key === 'PageDown') to(at + PAGE_STEP);
    else if (e.key === 'PageUp') to(at - PAGE_STEP);
    else if (e.key === 'Enter' && shown[at]) {
      e.preventDefault();
      props.onShow(shown[at]!.index);
    } else if (e.key === ' ' && shown[at]) {
      e.preventDefault();
      if (shown[at]!.match?.state === 'matched') props.onToggle(shown[at]!.key);
    } else if (e.key === 'Escape' && props.onClose) {
      e.preventDefault();
      props.onClose();
    }
  };

  return (
    <div className="people-list">
      <label htmlFor={`${id}-filter`} className="visually-hidden">
        {i18n.t('sidebar.people.filter')}
      </label>
      <input
        ref={filterBox}
        id={`${id}-filter`}
        type="search"
        className="people-filter"
        placeholder={i18n.t('sidebar.people.filter')}
        autoComplete="off"
        value={filter}
        onChange={(e) => {
          setFilter(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            list.current?.focus();
          } else if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            props.onShow(shown[0].index);
          } else if (e.key === 'Escape' && props.onClose) props.onClose();
        }}
      />
      <ul
        ref={list}
        role="listbox"
        tabIndex={0}
        className="people"
        aria-label={i18n.t('sidebar.people.label')}
        aria-activedescendant={shown[at] ? `${id}-p${shown[at]!.index}` : undefined}
        onKeyDown={onKey}
        data-testid="people"
      >
        {shown.map((e, pos) => {
          const state = stateOf(e);
          const checkable = e.match?.state === 'matched';
          const checked = checkable && props.checked.includes(e.key);
          return (
            <li
              key={`${e.index}:${e.key}`}
              id={`${id}-p${e.index}`}
              role="option"
              data-pos={pos}
              aria-selected={props.selected === e.index}
              aria-checked={checkable ? checked : undefined}
              className={pos === at ? 'active' : undefined}
              onClick={() => props.onShow(e.index)}
            >
              <span
                className={checkable ? (checked ? 'check-mark on' : 'check-mark') : 'check-mark none'}
                aria-hidden="true"
                onClick={(ev) => {
                  if (!checkable) return;
                  ev.stopPropagation();
                  props.onToggle(e.key);
                }}
              />
              <bdi className="person-name">{personLabel(e)}</bdi>{' '}
              <span className={`badge ${state}`} data-state={state}>
                {stateLabel[state]()}
              </span>
              {e.person.company ? (
                <span className="muted small">
                  {' · '}
                  <bdi>{e.person.company}</bdi>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 ? <p className="muted small">{i18n.t('sidebar.people.noneFound')}</p> : null}
      <p className="muted small">{i18n.t('sidebar.people.keys')}</p>
    </div>
  );
}
