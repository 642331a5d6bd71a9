// The people found on the current page, focused one first, each with its match state.
// Arrow keys move between people (one tab stop for the whole list).
import type { KeyboardEvent } from 'react';
import { i18n } from '#i18n';
import type { PersonMatch } from '@/lib/protocol';

const stateLabel: Record<PersonMatch['state'], () => string> = {
  matched: () => i18n.t('sidebar.people.inGhl'),
  missing: () => i18n.t('sidebar.people.notInGhl'),
  ambiguous: () => i18n.t('sidebar.people.severalInGhl'),
  pending: () => i18n.t('sidebar.people.lookingUp'),
};

export const personLabel = (m: PersonMatch) =>
  m.person.name ?? m.person.email ?? m.person.phone ?? m.person.linkedin ?? i18n.t('sidebar.people.unknown');

/** The focused person first, then the others in page order (indexes stay those of `matches`). */
export function displayOrder(count: number, focused: number | undefined): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  return focused != null && focused < count ? [focused, ...all.filter((i) => i !== focused)] : all;
}

export function PeopleList(props: { matches: PersonMatch[]; focused?: number; selected?: number; onSelect: (i: number) => void }) {
  const order = displayOrder(props.matches.length, props.focused);
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    e.preventDefault();
  };
  return (
    <ul className="plain people" aria-label={i18n.t('sidebar.people.label')} onKeyDown={onKey}>
      {order.map((i) => {
        const m = props.matches[i]!;
        return (
          <li key={`${i}:${m.key}`}>
            <button aria-current={props.selected === i ? 'true' : undefined} onClick={() => props.onSelect(i)}>
              {personLabel(m)}{' '}
              <span className={`badge ${m.state}`} data-state={m.state}>
                {stateLabel[m.state]()}
              </span>
              {m.person.company ? <span className="muted"> · {m.person.company}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
