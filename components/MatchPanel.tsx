// The shown person's match beyond the pinned header: the candidates of an ambiguous match, creating
// the contact of a person not in GHL (and "being created" while HighLevel has not answered),
// and linking the person to another contact by hand (the search box gets the focus; Escape closes
// it and gives the focus back to the button) or unlinking.
import { i18n } from '#i18n';
import { describeSkipped } from '@/lib/match';
import type { PersonMatch } from '@/lib/protocol';
import { useSidebar } from './state/sidebar';
import { isolate } from './bidi';
import { ContactChoice, ContactSearch } from './ContactSearch';
import { EditBeforeCreate } from './EditBeforeCreate';
import { BusyButton } from './BusyButton';
import { escapeCancels, useEditInPlace } from './FormParts';

export function MatchPanel({ match, index }: { match: PersonMatch; index: number }) {
  const { relink, createContact, busy, page } = useSidebar();
  // searching: the link search, open at first for an ambiguous match
  const { editing: searching, opener, start, cancel } = useEditInPlace(match.state === 'ambiguous');
  const { person } = match;
  return (
    <section className={match.state === 'matched' ? 'match' : 'card match'} aria-label={i18n.t('match.label')} data-testid="match">
      {match.state === 'pending' && match.error ? <p role="status">{match.error.message}</p> : null}
      {person.skipped?.length ? (
        <ul className="plain muted" data-testid="skipped-values">
          {person.skipped.map((s) => (
            <li key={`${s.field}:${s.why}`}>{describeSkipped(s)}</li>
          ))}
        </ul>
      ) : null}
      {match.state === 'ambiguous' ? (
        <>
          <h3 id="candidates-title">{i18n.t('match.whichOne')}</h3>
          <ul className="plain" aria-labelledby="candidates-title" data-testid="candidates">
            {match.candidates?.map((c) => (
              <li key={c.id}>
                <ContactChoice contact={c} disabled={busy} onChoose={() => void relink(match, c.id)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {match.state === 'missing' && match.creating ? <p data-testid="creating">{i18n.t('match.creatingQueued')}</p> : null}
      {match.state === 'missing' && !match.creating ? (
        <>
          <p>{i18n.t('match.notInGhl', [isolate(person.name ?? person.email ?? i18n.t('match.thisPerson'))])}</p>
          <p className="muted wrap">
            <bdi>{[person.email, person.phone, person.company, person.title].filter(Boolean).join(' · ')}</bdi>
          </p>
          <BusyButton className="primary" busy={busy} onClick={() => void createContact(index)}>
            {busy ? i18n.t('match.creating') : i18n.t('match.create')}
          </BusyButton>
          <EditBeforeCreate match={match} site={page.status === 'ready' ? (page.value?.site ?? '') : ''} />
        </>
      ) : null}
      <p className="row small">
        {match.reason === 'linked-by-you' ? (
          <button disabled={busy} onClick={() => void relink(match, null)}>
            {i18n.t('match.unlink')}
          </button>
        ) : null}
        <button ref={opener} className="quiet" aria-expanded={searching} onClick={searching ? cancel : start}>
          {i18n.t('match.linkOther')}
        </button>
      </p>
      {searching ? (
        <div onKeyDown={escapeCancels(cancel)}>
          <ContactSearch autoFocus={match.state !== 'ambiguous'} onPick={(c) => void relink(match, c.id)} />
        </div>
      ) : null}
    </section>
  );
}
