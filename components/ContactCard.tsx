// The GHL record of one person: identity, owner, DND, tags, custom fields, tasks, notes,
// appointments, other contacts of the same business, and a link into HighLevel's web app.
// Every value is page or CRM text and is rendered as text, never as HTML.
import { i18n } from '#i18n';
import type { ContactDetails, UserOption } from '@/lib/protocol';
import { ContactFields } from './ContactFields';
import { contactLine } from './ContactSearch';
import { useEditInPlace } from './FormParts';
import { NoteList } from './NoteList';
import { TagEditor } from './TagEditor';
import { TaskList } from './TaskList';
import { when } from './when';

function Facts({ details }: { details: ContactDetails }) {
  const { contact } = details;
  const rows: [string, string | undefined][] = [
    [i18n.t('fields.email'), contact.email],
    [i18n.t('fields.phone'), contact.phone],
    [i18n.t('fields.company'), contact.companyName],
    [i18n.t('fields.website'), contact.website],
    [i18n.t('fields.owner'), contact.ownerName ?? (contact.assignedTo ? i18n.t('contact.unknownUser') : i18n.t('common.nobody'))],
    ...contact.customFields.map((f): [string, string] => [f.name, f.value]),
  ];
  return (
    <dl className="facts" data-testid="facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v], i) => (
          <div key={`${k}:${i}`}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ContactCard(props: { details: ContactDetails; users: UserOption[]; revalidating: boolean }) {
  const { details, users } = props;
  const { contact, appointments, colleagues } = details;
  const edit = useEditInPlace();
  return (
    <article className="card" aria-labelledby="contact-name" data-testid="contact-card" aria-busy={props.revalidating}>
      <header className="card-head">
        <h2 id="contact-name">{contact.name}</h2>
        <span className="row">
          <button className="quiet" onClick={edit.start} hidden={edit.editing} aria-label={i18n.t('contact.edit', [contact.name])}>
            {i18n.t('common.edit')}
          </button>
          <a href={contact.appUrl} target="_blank" rel="noreferrer">
            {i18n.t('contact.openInHighLevel')}
            <span className="visually-hidden"> {i18n.t('common.newTab')}</span>
          </a>
        </span>
      </header>
      {edit.editing ? <ContactFields key={contact.id} contact={contact} onDone={edit.cancel} /> : null}
      <p className={contact.dnd ? 'dnd on' : 'dnd'} data-testid="dnd">
        {contact.dnd ? i18n.t('contact.dndOn') : i18n.t('contact.dndOff')}
      </p>
      <Facts details={details} />
      <p className="muted small" aria-live="polite">
        {props.revalidating ? i18n.t('contact.refreshing') : i18n.t('contact.updated', [when(new Date(details.fetchedAt).toISOString())])}
      </p>
      <h3>{i18n.t('contact.tags')}</h3>
      <TagEditor tags={contact.tags} />
      <h3>{i18n.t('contact.tasks')}</h3>
      <TaskList tasks={details.tasks} users={users} now={details.fetchedAt} />
      <h3>{i18n.t('contact.notes')}</h3>
      <NoteList notes={details.notes} />
      <h3>{i18n.t('contact.appointments')}</h3>
      <ul className="plain" data-testid="appointments" aria-label={i18n.t('contact.appointments')}>
        {appointments.map((a) => (
          <li key={a.id}>
            {a.title} <span className="muted">{when(a.startTime)}</span>
            {a.status ? <span className="badge">{a.status}</span> : null}
          </li>
        ))}
        {appointments.length === 0 ? <li className="muted">{i18n.t('contact.noAppointments')}</li> : null}
      </ul>
      <h3>{i18n.t('contact.sameBusiness')}</h3>
      <ul className="plain" data-testid="colleagues" aria-label={i18n.t('contact.sameBusinessLabel')}>
        {colleagues.map((c) => (
          <li key={c.id}>
            {c.name} <span className="muted">{contactLine(c)}</span>
          </li>
        ))}
        {colleagues.length === 0 ? (
          <li className="muted">{details.colleaguesPending ? i18n.t('contact.lookingForColleagues') : i18n.t('contact.noColleagues')}</li>
        ) : null}
      </ul>
    </article>
  );
}

/** What shows while a record loads: the card's shape, without content. */
export function ContactSkeleton() {
  return (
    <div className="card" aria-busy="true" aria-label={i18n.t('contact.loading')} data-testid="contact-loading">
      <div className="skeleton wide" />
      <div className="skeleton" />
      <div className="skeleton" />
      <div className="skeleton short" />
    </div>
  );
}
