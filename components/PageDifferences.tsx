// What the page shows that HighLevel does not have (yet): for the selected person, each field the
// page shows with another value than the contact in HighLevel ("Page: x · GHL: y — Update GHL"),
// or that HighLevel lacks ("Add to GHL"), and "Update all". Each update is a conflict-checked
// contact edit through the outbox. What the partner app shows beyond the contact fields (a lead's
// status, the video watched: page text, shown as text) is offered as a note in one click. The company is shown but cannot be updated (HighLevel's
// contact update refuses it); the title needs a custom field that holds it (the options' mapping,
// or a field named "Job title").
import { useState } from 'react';
import { i18n } from '#i18n';
import type { DetailKind } from '@/lib/detect';
import type { ContactView } from '@/lib/protocol';
import { allUpdates, pageDifferences, titleFieldOf, type PageDifference, type PageField } from '@/lib/record';
import { partnerName } from './partners';
import { valueOf } from './state/ask';
import { useContact } from './state/contact';
import { recordActions } from './state/record';
import { useSidebar } from './state/sidebar';
import './record.css';

const LABELS: Record<PageField, () => string> = {
  name: () => i18n.t('pageDiff.name'),
  email: () => i18n.t('fields.email'),
  phone: () => i18n.t('fields.phone'),
  company: () => i18n.t('fields.company'),
  title: () => i18n.t('pageDiff.title'),
  linkedin: () => i18n.t('pageDiff.linkedin'),
};

const DETAILS: Record<DetailKind, () => string> = {
  status: () => i18n.t('pageDiff.detail.status'),
  stage: () => i18n.t('pageDiff.detail.stage'),
  potential: () => i18n.t('pageDiff.detail.potential'),
  video: () => i18n.t('pageDiff.detail.video'),
};

/** One detail of the partner page, added to the contact as a note in one click (through the outbox, as any note). */
function PartnerDetail({ kind, value, site, canWrite }: { kind: DetailKind; value: string; site: string; canWrite: boolean }) {
  const createNote = useContact((s) => s.createNote);
  const [state, setState] = useState<'idle' | 'adding' | 'added'>('idle');
  const label = DETAILS[kind]();
  const add = async () => {
    setState('adding');
    setState((await createNote(i18n.t('pageDiff.detailNote', [partnerName(site), label, value]))) ? 'added' : 'idle');
  };
  return (
    <li data-detail={kind}>
      <span className="small muted">{label}</span>
      <bdi className="values">{value}</bdi>
      {canWrite ? (
        <span>
          <button onClick={() => void add()} disabled={state !== 'idle'} aria-label={i18n.t('pageDiff.addNoteLabel', [label])}>
            {state === 'added' ? i18n.t('pageDiff.noteAdded') : i18n.t('pageDiff.addNote')}
          </button>
        </span>
      ) : null}
    </li>
  );
}

const update = (d: PageDifference[]) => {
  const { changes, seen } = allUpdates(d);
  return recordActions.editFields(changes, seen);
};

export function PageDifferences({ contact, canWrite }: { contact: ContactView; canWrite: boolean }) {
  const person = useSidebar((s) => (s.selected != null ? valueOf(s.matches)?.[s.selected]?.person : undefined));
  const settings = useSidebar((s) => valueOf(s.app)?.settings);
  const fields = useContact((s) => valueOf(s.lists)?.customFields) ?? [];
  const site = useSidebar((s) => valueOf(s.page)?.site) ?? '';
  if (!person) return null;
  const differences = pageDifferences(person, contact, {
    titleField: titleFieldOf(fields, settings?.createMapping.titleField),
    linkedinToWebsite: (settings?.createMapping.linkedinTo ?? 'website') === 'website',
  });
  const details = Object.entries(person.details ?? {}).filter(([kind]) => kind in DETAILS) as [DetailKind, string][];
  if (differences.length === 0 && details.length === 0) return null;
  const updatable = differences.filter((d) => d.update);
  return (
    <section aria-labelledby="page-diff-title" data-testid="page-differences" className="page-diff">
      <div className="section-head">
        <h3 id="page-diff-title">{i18n.t('pageDiff.heading')}</h3>
        {canWrite && updatable.length > 1 ? <button onClick={() => void update(updatable)}>{i18n.t('pageDiff.updateAll')}</button> : null}
      </div>
      <ul className="plain">
        {differences.map((d) => (
          <li key={d.field} data-field={d.field}>
            <span className="small muted">{LABELS[d.field]()}</span>
            <span className="values">
              {d.ghl === undefined ? i18n.t('pageDiff.onlyPage', [d.page]) : i18n.t('pageDiff.both', [d.page, d.ghl])}
            </span>
            {d.update && canWrite ? (
              <span>
                <button onClick={() => void update([d])} aria-label={d.ghl === undefined ? i18n.t('pageDiff.addLabel', [LABELS[d.field]()]) : i18n.t('pageDiff.updateLabel', [LABELS[d.field]()])}>
                  {d.ghl === undefined ? i18n.t('pageDiff.add') : i18n.t('pageDiff.update')}
                </button>
              </span>
            ) : null}
            {d.readOnly ? <span className="muted small">{d.readOnly === 'company' ? i18n.t('pageDiff.companyReadOnly') : i18n.t('pageDiff.noTitleField')}</span> : null}
          </li>
        ))}
        {details.map(([kind, value]) => <PartnerDetail key={`${person.partnerId ?? ''}:${kind}:${value}`} kind={kind} value={value} site={site} canWrite={canWrite} />)}
      </ul>
    </section>
  );
}
