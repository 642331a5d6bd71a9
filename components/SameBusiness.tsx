// Other contacts of the same business. HighLevel's business list carries no names (only an email),
// so each shows by its email until the user asks for the names: one request per colleague, read
// within the rate budget (those left unnamed can be asked for again).
import { useState } from 'react';
import { i18n } from '#i18n';
import type { ContactDetails } from '@/lib/protocol';
import { MAX_NAMED } from '@/lib/record';
import { contactLine } from './ContactSearch';
import { recordActions } from './state/record';

export function SameBusiness({ details }: { details: ContactDetails }) {
  const { colleagues } = details;
  const [reading, setReading] = useState(false);
  const [short, setShort] = useState(false);
  const unnamed = colleagues.filter((c) => c.unnamed).length;
  const readNames = async () => {
    setReading(true);
    setShort(await recordActions.colleagueNames());
    setReading(false);
  };
  return (
    <>
      <h3>{i18n.t('contact.sameBusiness')}</h3>
      <ul className="plain" data-testid="colleagues" aria-label={i18n.t('contact.sameBusinessLabel')}>
        {colleagues.map((c) => (
          <li key={c.id}>
            {c.unnamed ? (
              <>
                {c.email ? <bdi>{c.email}</bdi> : i18n.t('contact.unnamed')} <span className="muted small">{i18n.t('colleagues.noName')}</span>
              </>
            ) : (
              <>
                <bdi>{c.name}</bdi>{' '}
                <span className="muted">
                  <bdi>{contactLine(c)}</bdi>
                </span>
              </>
            )}
          </li>
        ))}
        {colleagues.length === 0 ? (
          <li className="muted">{details.colleaguesPending ? i18n.t('contact.lookingForColleagues') : i18n.t('contact.noColleagues')}</li>
        ) : null}
      </ul>
      {unnamed > 0 ? (
        <p className="row small">
          <button className="quiet" onClick={() => void readNames()} disabled={reading}>
            {i18n.t('colleagues.readNames', Math.min(unnamed, MAX_NAMED), [Math.min(unnamed, MAX_NAMED)])}
          </button>
          {short ? <span className="muted" role="status">{i18n.t('colleagues.budgetShort')}</span> : null}
        </p>
      ) : null}
    </>
  );
}
