// The GHL record of one person: identity, tags, tasks, notes and appointments.
// Every value is page or CRM text and is rendered as text, never as HTML.
import type { ContactDetails } from '@/lib/messaging';

const when = (iso?: string) => (iso ? new Date(iso.replace(' ', 'T')).toLocaleString() : '');

export function ContactCard({ details }: { details: ContactDetails }) {
  const { contact, tasks, notes, appointments } = details;
  // overdue as of when the record was fetched; a refresh re-evaluates it
  const now = details.fetchedAt;
  return (
    <article className="card" aria-labelledby="contact-name" data-testid="contact-card">
      <h2 id="contact-name">{contact.name}</h2>
      <p className="muted">
        {[contact.email, contact.phone, contact.companyName].filter(Boolean).join(' · ')}
      </p>
      {contact.dnd ? <p className="error">Do not disturb</p> : null}
      {contact.ownerName ? <p className="muted">Owner: {contact.ownerName}</p> : null}
      <h3>Tags</h3>
      <ul className="chips" aria-label="Tags" data-testid="tags">
        {contact.tags.map((t) => (
          <li className="chip" key={t}>
            {t}
          </li>
        ))}
        {contact.tags.length === 0 ? <li className="muted">No tags yet</li> : null}
      </ul>
      <h3>Tasks</h3>
      <ul className="plain" data-testid="tasks">
        {tasks.map((t) => {
          const overdue = !t.completed && t.dueDate != null && Date.parse(t.dueDate) < now;
          return (
            <li key={t.id}>
              <span style={{ textDecoration: t.completed ? 'line-through' : undefined }}>{t.title}</span>{' '}
              {t.dueDate ? <span className={overdue ? 'overdue' : 'muted'}>due {when(t.dueDate)}</span> : null}
              {t.assigneeName ? <span className="muted"> · {t.assigneeName}</span> : null}
            </li>
          );
        })}
        {tasks.length === 0 ? <li className="muted">No tasks</li> : null}
      </ul>
      <h3>Notes</h3>
      <ul className="plain" data-testid="notes">
        {notes.map((n) => (
          <li key={n.id}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>{' '}
            <span className="muted">{when(n.dateAdded)}</span>
          </li>
        ))}
        {notes.length === 0 ? <li className="muted">No notes</li> : null}
      </ul>
      <h3>Appointments</h3>
      <ul className="plain" data-testid="appointments">
        {appointments.map((a) => (
          <li key={a.id}>
            {a.title} <span className="muted">{when(a.startTime)}</span>
          </li>
        ))}
        {appointments.length === 0 ? <li className="muted">No appointments</li> : null}
      </ul>
      <p>
        <a href={contact.appUrl} target="_blank" rel="noreferrer">
          Open in HighLevel
        </a>
      </p>
    </article>
  );
}
