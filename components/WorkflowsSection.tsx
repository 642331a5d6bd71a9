// Workflows: "Add to workflow…" picks one of the location's published workflows and asks first
// (a workflow may send the contact emails or messages); the contact is added through the outbox.
// Escape or Cancel, in the picker or on its question, puts it away, the focus back on its button.
// HighLevel's API cannot list the workflows a contact is in, so the list shows the workflows
// added from here, marked as such, and says so; each can be removed again.
import { useEffect, useId, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { AddedWorkflowView, ContactView, WorkflowOption } from '@/lib/protocol';
import { leavingTo } from './ConfirmDelete';
import { escapeCancels, useEditInPlace } from './FormParts';
import { MissingScope } from './MissingScope';
import { recordActions } from './state/record';
import { when } from './when';
import './record.css';

function Picker({ contact, workflows, onDone }: { contact: ContactView; workflows: WorkflowOption[]; onDone: () => void }) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => (confirming ? confirm.current : select.current)?.focus(), [confirming]);
  const workflow = workflows.find((w) => w.id === chosen);
  return (
    <div className="picker card" data-testid="workflow-picker" onKeyDown={escapeCancels(onDone)}>
      {!confirming ? (
        <>
          <label htmlFor={id}>{i18n.t('workflows.pick')}</label>
          <select id={id} ref={select} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{i18n.t('workflows.choose')}</option>
            {workflows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
          <p className="row">
            <button className="primary" disabled={!workflow} onClick={() => setConfirming(true)}>
              {i18n.t('workflows.next')}
            </button>
            <button onClick={onDone}>{i18n.t('common.cancel')}</button>
          </p>
        </>
      ) : (
        <div role="group" aria-labelledby={`${id}-ask`}>
          <p id={`${id}-ask`}>{i18n.t('workflows.confirm', [workflow?.name ?? '', contact.name])}</p>
          <p className="row">
            <button
              ref={confirm}
              className="primary"
              onClick={() => void recordActions.addToWorkflow(chosen).then((added) => added && onDone())}
            >
              {i18n.t('workflows.add')}
            </button>
            <button onClick={onDone}>{i18n.t('common.cancel')}</button>
          </p>
        </div>
      )}
    </div>
  );
}

export function WorkflowsSection(props: { contact: ContactView; added: AddedWorkflowView[]; workflows: WorkflowOption[]; missing: string[] }) {
  const { contact, added, workflows, missing } = props;
  const { editing: picking, opener, start, cancel } = useEditInPlace();
  const canWrite = !missing.includes('contacts.write');
  const canPick = !missing.includes('workflows.readonly');
  return (
    <section aria-labelledby="workflows-title" data-testid="workflows">
      <div className="section-head">
        <h3 id="workflows-title">{i18n.t('workflows.title')}</h3>
        {canWrite && canPick && !picking ? (
          <button ref={opener} className="quiet" onClick={start}>
            {i18n.t('workflows.addTo')}
          </button>
        ) : null}
      </div>
      {picking ? <Picker contact={contact} workflows={workflows} onDone={cancel} /> : null}
      <ul className="plain" aria-label={i18n.t('workflows.addedLabel')}>
        {added.map((w) => (
          <li key={w.workflowId} data-testid="workflow">
            {w.name} <span className="badge">{i18n.t('workflows.fromHere')}</span>{' '}
            <span className="muted small">{w.pending ? i18n.t('workflows.adding') : w.addedAt ? when(new Date(w.addedAt).toISOString()) : ''}</span>{' '}
            {canWrite && !w.pending ? (
              <button
                className="quiet"
                aria-label={i18n.t('workflows.removeLabel', [w.name])}
                // the entry goes with the button: the focus to the next one's, else to "Add to workflow…"
                onClick={leavingTo((from) => from.closest('section')?.querySelector<HTMLElement>('.section-head button'), () => recordActions.removeFromWorkflow(w.workflowId))}
              >
                {i18n.t('workflows.remove')}
              </button>
            ) : null}
          </li>
        ))}
        {added.length === 0 ? <li className="muted">{i18n.t('workflows.noneFromHere')}</li> : null}
      </ul>
      <p className="muted small">{i18n.t('workflows.apiCannotList')}</p>
      {!canPick ? <MissingScope scope="workflows.readonly" /> : null}
      {!canWrite ? <MissingScope scope="contacts.write" /> : null}
    </section>
  );
}
