// Search box for linking a person to another GHL contact: type a name, email, phone or company,
// pick one of the results (buttons, reachable with Tab or the arrow keys).
import { useEffect, useId, useState } from 'react';
import { i18n } from '#i18n';
import { sendMessage, type ContactSummary, type UserError } from '@/lib/protocol';
import { ask } from './state/ask';
import { ErrorNotice } from './ErrorNotice';

const WAIT_MS = 250;

export const contactLine = (c: ContactSummary) => [c.email, c.phone, c.companyName].filter(Boolean).join(' · ');

/** A contact to choose: its name, then its email, phone and company, each isolated from the sidebar's words. */
export function ContactChoice(props: { contact: ContactSummary; onChoose: () => void; disabled?: boolean }) {
  const c = props.contact;
  return (
    <button type="button" className="link-row" disabled={props.disabled} onClick={props.onChoose}>
      <strong>
        <bdi>{c.name}</bdi>
      </strong>{' '}
      <span className="muted">
        <bdi>{contactLine(c)}</bdi>
      </span>
    </button>
  );
}

export function ContactSearch(props: { onPick: (c: ContactSummary) => void; label?: string; autoFocus?: boolean }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ContactSummary[]>([]);
  const [error, setError] = useState<UserError>();
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    let stale = false;
    const timer = setTimeout(() => {
      setSearching(true);
      void ask(() => sendMessage('searchContacts', q)).then((res) => {
        if (stale) return;
        setSearching(false);
        setError(res.ok ? undefined : res.error);
        setResults(res.ok ? res.value : []);
      });
    }, WAIT_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  const shown = query.trim().length < 2 ? [] : results;
  return (
    <div className="search">
      <label htmlFor={id}>{props.label ?? i18n.t('search.label')}</label>
      <input
        id={id}
        type="search"
        autoFocus={props.autoFocus}
        value={query}
        placeholder={i18n.t('search.placeholder')}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="muted" aria-live="polite">
        {searching ? i18n.t('search.searching') : query.trim().length >= 2 ? i18n.t('search.found', shown.length) : ''}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <ul className="plain" aria-label={i18n.t('search.results')}>
        {shown.map((c) => (
          <li key={c.id}>
            <ContactChoice contact={c} onChoose={() => props.onPick(c)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
