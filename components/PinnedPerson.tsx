// The shown person, pinned at the top of the sidebar: "‹ 3 of 200 ›" to move between the page's
// people (Alt+↑/↓, or J/K when no field has the focus) with the list of them one click away (it
// opens over the record, never pushing it down), then the person's name, company and match, their
// tags and the tag box. The focus stays in the tag box while moving from person to person.
// The page keeps its height as scroll padding (--pinned-height: kept-height.ts, theme.css), so a control reached
// with Tab is scrolled into view below the header, never under it.
import { useRef, useState } from 'react';
import { i18n } from '#i18n';
import { describeMatch } from '@/lib/match';
import { useContact } from './state/contact';
import { peopleOf, useSidebar, type PersonEntry } from './state/sidebar';
import { valueOf } from './state/ask';
import { PeopleList, personLabel, stateOf, stateText } from './PeopleList';
import { TagEditor } from './TagEditor';
import { useKeptHeight } from './kept-height';
import { PEOPLE_TOGGLE_ID } from './keys';

/** Why the shown person cannot be tagged yet, in words (undefined: they can). */
function blockedWhy(entry: PersonEntry): string | undefined {
  switch (stateOf(entry)) {
    case 'pending':
      return i18n.t('tags.blockedLookingUp');
    case 'creating':
      return i18n.t('tags.blockedCreating');
    case 'missing':
      return i18n.t('tags.blockedMissing');
    case 'ambiguous':
      return i18n.t('tags.blockedAmbiguous');
    default:
      return undefined;
  }
}

/** A contact opened from the search box (no person of the page): its name and tags, pinned the same way. */
function OpenedByHand() {
  const openedByHand = useSidebar((s) => s.openedByHand);
  const record = valueOf(useContact((s) => s.details));
  const header = useKeptHeight('--pinned-height');
  if (!openedByHand || record?.contact.id !== openedByHand) return null;
  return (
    <section ref={header} className="pinned" aria-label={i18n.t('sidebar.shownPerson')} data-testid="pinned">
      <div className="person-head">
        <h2 id="person-name" tabIndex={-1} data-testid="person-name">
          <bdi>{record.contact.name}</bdi>
        </h2>
        {record.contact.companyName ? (
          <p className="muted small person-line">
            <bdi>{record.contact.companyName}</bdi>
          </p>
        ) : null}
      </div>
      <TagEditor tags={record.contact.tags} held={record.heldTags} />
    </section>
  );
}

export function PinnedPerson() {
  const sidebar = useSidebar();
  const { details, focusTags } = useContact();
  const [listOpen, setListOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const header = useKeptHeight('--pinned-height');
  const entries = peopleOf(sidebar);
  const entry = sidebar.selected != null ? entries[sidebar.selected] : undefined;
  const record = valueOf(details);
  if (!entry) return <OpenedByHand />;

  const contact = entry.match?.state === 'matched' && record && record.contact.id === entry.match.contact?.id ? record.contact : undefined;
  const company = contact?.companyName ?? entry.person.company;
  const match = entry.match;
  const more = valueOf(sidebar.page)?.more;
  const at = entry.index;
  const total = entries.length;
  const closeList = (focusToggle: boolean) => {
    setListOpen(false);
    if (focusToggle) toggle.current?.focus();
  };
  const blocked = blockedWhy(entry);

  return (
    <section ref={header} className="pinned" aria-label={i18n.t('sidebar.shownPerson')} data-testid="pinned">
      <nav className="switcher" aria-label={i18n.t('sidebar.people.switcher')}>
        <button
          className="step"
          aria-label={i18n.t('sidebar.people.previous')}
          title={i18n.t('sidebar.people.previousKeys')}
          aria-keyshortcuts="Alt+ArrowUp K"
          aria-disabled={at === 0}
          onClick={() => void sidebar.step(-1)}
        >
          ‹
        </button>
        <button
          ref={toggle}
          id={PEOPLE_TOGGLE_ID}
          className="who-toggle"
          aria-expanded={listOpen}
          aria-controls="people-panel"
          data-testid="people-toggle"
          onClick={() => setListOpen(!listOpen)}
        >
          {i18n.t('sidebar.people.position', [at + 1, total])}
          {more ? ` ${i18n.t('sidebar.people.plusMore', more, [more])}` : ''} <span aria-hidden="true">▾</span>
        </button>
        {listOpen ? (
          <div
            id="people-panel"
            className="people-panel"
            // the focus leaving for another part of the panel (Tab past the list) closes it: it would stay over the record
            onBlur={(e) => {
              const to = e.relatedTarget as Node | null;
              if (to && !e.currentTarget.contains(to) && to !== toggle.current) closeList(false);
            }}
          >
            <PeopleList
              entries={entries}
              selected={sidebar.selected}
              checked={sidebar.checked}
              more={more}
              onToggle={sidebar.toggleChecked}
              onClose={() => closeList(true)}
              onShow={(i) => {
                closeList(false);
                focusTags();
                void sidebar.select(i);
              }}
            />
          </div>
        ) : null}
        <button
          className="step"
          aria-label={i18n.t('sidebar.people.next')}
          title={i18n.t('sidebar.people.nextKeys')}
          aria-keyshortcuts="Alt+ArrowDown J"
          aria-disabled={at === total - 1}
          onClick={() => void sidebar.step(1)}
        >
          ›
        </button>
      </nav>
      <div className="person-head">
        <h2 id="person-name" tabIndex={-1} data-testid="person-name">
          <bdi>{contact?.name ?? personLabel(entry)}</bdi>
        </h2>{' '}
        <span className={`badge ${stateOf(entry)}`} data-testid="person-state">
          {stateText(entry)}
        </span>
        <p className="muted small person-line">
          {company ? (
            <>
              <bdi>{company}</bdi>
              {match && match.state !== 'missing' ? ' · ' : ''}
            </>
          ) : null}
          {match && match.state !== 'missing' ? <span data-testid="match-reason">{describeMatch(match)}</span> : null}
        </p>
      </div>
      <TagEditor tags={contact?.tags} held={contact ? record?.heldTags : undefined} blocked={blocked} />
    </section>
  );
}
