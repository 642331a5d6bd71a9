// The people found on the current page, focused one first, each with its match state.
import type { PersonMatch } from '@/lib/messaging';

const stateLabel = { matched: 'In GHL', missing: 'Not in GHL', ambiguous: 'Several in GHL' } as const;

export function PeopleList(props: { matches: PersonMatch[]; selected?: number; onSelect: (i: number) => void }) {
  return (
    <ul className="plain" aria-label="People on this page">
      {props.matches.map((m, i) => {
        const label = m.person.name ?? m.person.email ?? m.person.phone ?? m.person.linkedin ?? 'Unknown';
        return (
          <li key={i}>
            <button
              aria-current={props.selected === i ? 'true' : undefined}
              onClick={() => props.onSelect(i)}
              style={{ width: '100%', textAlign: 'left', fontWeight: props.selected === i ? 700 : 400 }}
            >
              {label}{' '}
              <span className={`badge ${m.state}`} data-state={m.state}>
                {stateLabel[m.state]}
              </span>
              {m.person.company ? <span className="muted"> · {m.person.company}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
