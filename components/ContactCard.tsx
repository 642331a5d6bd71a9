// The GHL record of one person: identity, what the page knows better, opportunities, tasks, notes,
// appointments, workflows, do-not-disturb, custom fields, owner and followers, other contacts of
// the same business, a link into HighLevel's web app, editing the contact and deleting it (after a
// question that names it). The tags are pinned above (./PinnedPerson.tsx). Each section that needs
// a scope the connection lacks says so. Every value is page or CRM text: rendered as text, never as
// HTML, and isolated (<bdi>) so right-to-left text or a stray override in it cannot reorder the
// sidebar's own words.
import { i18n } from '#i18n';
import type { ContactDetails, UserOption } from '@/lib/protocol';
import { isolate } from './bidi';
import { ConfirmDelete } from './ConfirmDelete';
import { ContactFields } from './ContactFields';
import { CustomFieldsSection } from './CustomFieldsSection';
import { DndSection } from './DndSection';
import { useEditInPlace } from './FormParts';
import { Freshness } from './Freshness';
import { AccessNotice } from './MissingScope';
import { NoteList } from './NoteList';
import { OpportunitiesSection } from './OpportunitiesSection';
import { OwnerSection } from './OwnerSection';
import { PageDifferences } from './PageDifferences';
import { SameBusiness } from './SameBusiness';
import { valueOf } from './state/ask';
import { useContact } from './state/contact';
import { useOutbox } from './state/outbox';
import { useMissingScopes } from './state/record';
import { useSidebar } from './state/sidebar';
import { TaskList } from './TaskList';
import { WorkflowsSection } from './WorkflowsSection';
import { when } from './when';

function Facts({ details }: { details: ContactDetails }) {
  const { contact } = details;
  const rows: [string, string | undefined][] = [
    [i18n.t('fields.email'), contact.email],
    [i18n.t('fields.phone'), contact.phone],
    [i18n.t('fields.company'), contact.companyName],
    [i18n.t('fields.website'), contact.website],
  ];
  return (
    <dl className="facts" data-testid="facts">
      {rows
        .filter(([, v]) => v)
        .map(([k, v], i) => (
          <div key={`${k}:${i}`}>
            <dt>
              <bdi>{k}</bdi>
            </dt>
            <dd>
              <bdi>{v}</bdi>
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** Changes shown on the card that wait behind one HighLevel did not take: said, with the way to the activity log. */
function HeldChanges({ count }: { count: number }) {
  const toggleActivity = useOutbox((s) => s.toggleActivity);
  return (
    <div className="notice tone-waiting" role="status" data-testid="held-changes">
      <p>
        {i18n.t('contact.held', count, [count])}{' '}
        <button className="quiet" onClick={() => toggleActivity(true)}>
          {i18n.t('activity.open')}
        </button>
      </p>
    </div>
  );
}

/** Deletes the contact after a question that names it; the person then shows as not in GHL. */
function DeleteContact({ name }: { name: string }) {
  const deleteContact = useContact((s) => s.deleteContact);
  const onConfirm = async () => {
    const index = useSidebar.getState().selected;
    const deleted = await deleteContact();
    if (deleted && index != null) useSidebar.getState().contactDeleted(index);
    return deleted;
  };
  return (
    <ConfirmDelete
      className="quiet danger-text"
      text={i18n.t('contact.delete')}
      label={i18n.t('contact.deleteLabel', [isolate(name)])}
      question={i18n.t('contact.deleteQuestion', [isolate(name)])}
      ask={i18n.t('contact.deleteQuestion', [isolate(name)])}
      onConfirm={onConfirm}
      fallback={() => document.getElementById('person-name')}
      keepFirst
    />
  );
}

export function ContactCard(props: { details: ContactDetails; users: UserOption[]; revalidating: boolean }) {
  const { details, users } = props;
  const { contact, appointments } = details;
  const { editing, opener, start, cancel } = useEditInPlace();
  const lists = useContact((s) => valueOf(s.lists));
  const missing = useMissingScopes();
  return (
    <article className="card" aria-label={i18n.t('contact.recordOf', [isolate(contact.name)])} data-testid="contact-card" aria-busy={props.revalidating}>
      <header className="card-head">
        <h2 id="contact-name" className="visually-hidden">
          <bdi>{contact.name}</bdi>
        </h2>
        <span className="row">
          <button ref={opener} className="quiet" onClick={start} hidden={editing} aria-label={i18n.t('contact.edit', [isolate(contact.name)])}>
            {i18n.t('common.edit')}
          </button>
          <a href={contact.appUrl} target="_blank" rel="noreferrer">
            {i18n.t('contact.openInHighLevel')}
            <span className="visually-hidden"> {i18n.t('common.newTab')}</span>
          </a>
          <DeleteContact name={contact.name} />
        </span>
      </header>
      {editing ? <ContactFields key={contact.id} contact={contact} onDone={cancel} /> : null}
      <AccessNotice missing={missing} />
      {details.held ? <HeldChanges count={details.held} /> : null}
      <PageDifferences contact={contact} canWrite={!missing.includes('contacts.write')} />
      <Facts details={details} />
      <Freshness contactId={contact.id} fetchedAt={details.fetchedAt} revalidating={props.revalidating} />
      <OpportunitiesSection contact={contact} opportunities={details.opportunities} lists={lists} missing={missing} />
      <h3>{i18n.t('contact.tasks')}</h3>
      <TaskList tasks={details.tasks} users={users} now={details.fetchedAt} owner={contact.assignedTo} />
      <h3>{i18n.t('contact.notes')}</h3>
      <NoteList notes={details.notes} />
      <h3>{i18n.t('contact.appointments')}</h3>
      <ul className="plain" data-testid="appointments" aria-label={i18n.t('contact.appointments')}>
        {appointments.map((a) => (
          <li key={a.id}>
            <bdi>{a.title}</bdi> <span className="muted small">{when(a.startTime)}</span>
            {a.status ? (
              <span className="badge">
                <bdi>{a.status}</bdi>
              </span>
            ) : null}
          </li>
        ))}
        {appointments.length === 0 ? <li className="muted">{i18n.t('contact.noAppointments')}</li> : null}
      </ul>
      <WorkflowsSection contact={contact} added={details.workflowsAdded ?? []} workflows={lists?.workflows ?? []} missing={missing} />
      <DndSection contact={contact} canWrite={!missing.includes('contacts.write')} />
      <CustomFieldsSection contact={contact} fields={lists?.customFields ?? []} missing={missing} />
      <OwnerSection contact={contact} users={users} missing={missing} />
      <SameBusiness details={details} />
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
