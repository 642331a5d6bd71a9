// The contact's opportunities: each with its pipeline, stage, value, status and owner; moved to
// another stage with a select; marked won, lost (with a lost reason where the location has them)
// or abandoned, or opened again; and a new one for the contact (name from the contact, the
// pipeline and stage chosen last, value optional). Every change goes through the outbox with the
// opportunity's own update time as its version; a change HighLevel has not answered shows pending.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { ContactView, LocationLists, OpportunityStatusView, OpportunityView } from '@/lib/protocol';
import { useChoice } from './choice';
import { escapeCancels, FormButtons, useEditInPlace, useEscapeCancels } from './FormParts';
import { MissingScope } from './MissingScope';
import { recordActions } from './state/record';
import './record.css';

const STATUS_WORDS: Record<OpportunityStatusView, () => string> = {
  open: () => i18n.t('opportunities.status.open'),
  won: () => i18n.t('opportunities.status.won'),
  lost: () => i18n.t('opportunities.status.lost'),
  abandoned: () => i18n.t('opportunities.status.abandoned'),
};

const money = (value: number | undefined) => (value === undefined ? '' : value.toLocaleString(undefined, { maximumFractionDigits: 2 }));

type Lists = Pick<LocationLists, 'pipelines' | 'lostReasons'>;

function LostReason(props: { opportunity: OpportunityView; reasons: Lists['lostReasons']; onLost: () => void; onDone: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const o = props.opportunity;
  return (
    <form
      className="row"
      onKeyDown={escapeCancels(props.onDone)}
      aria-label={i18n.t('opportunities.lostForm', [o.name])}
      onSubmit={(e) => {
        e.preventDefault();
        props.onLost();
        void recordActions.setOpportunityStatus(o.id, 'lost', { updatedAt: o.updatedAt ?? null, status: o.status }, reason || undefined).then(props.onDone);
      }}
    >
      <label htmlFor={id}>{i18n.t('opportunities.lostReason')}</label>
      <select id={id} autoFocus value={reason} onChange={(e) => setReason(e.target.value)}>
        <option value="">{i18n.t('opportunities.noReason')}</option>
        {props.reasons.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <button type="submit" className="primary">
        {i18n.t('opportunities.markLost')}
      </button>
      <button type="button" onClick={props.onDone}>
        {i18n.t('common.cancel')}
      </button>
    </form>
  );
}

function Opportunity({ o, lists, canWrite }: { o: OpportunityView; lists: Lists; canWrite: boolean }) {
  const id = useId();
  const { editing: losing, opener: lostButton, start: askReason, cancel: closeReason } = useEditInPlace();
  const pipeline = lists.pipelines.find((p) => p.id === o.pipelineId);
  const base = { updatedAt: o.updatedAt ?? null, status: o.status };
  // the status the user changed from: once the status changes, the button pressed is gone and the
  // focus goes to the one taking its place (Reopen, or Won again), never to the page
  const changedFrom = useRef<OpportunityStatusView | null>(null);
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (changedFrom.current === null || changedFrom.current === o.status || !group.current) return;
    changedFrom.current = null;
    group.current.querySelector('button')?.focus();
  }, [o.status, losing]);
  const status = (s: OpportunityStatusView) => {
    changedFrom.current = o.status;
    void recordActions.setOpportunityStatus(o.id, s, base);
  };
  const temporary = o.id.startsWith('tmp-');
  const stage = useChoice(o.stageId, (stageId) => void recordActions.moveOpportunity(o.id, o.pipelineId, stageId, { updatedAt: o.updatedAt ?? null, stageId: o.stageId }));
  return (
    <li className="opportunity" data-testid="opportunity" data-status={o.status}>
      <div className="opportunity-title">
        <strong>{o.name}</strong>
        <span>
          {o.value !== undefined ? <span className="small">{money(o.value)} </span> : null}
          <span className={`badge status-${o.status}`}>{STATUS_WORDS[o.status]()}</span>
          {o.pending ? <span className="badge pending">{i18n.t('opportunities.saving')}</span> : null}
        </span>
      </div>
      <div className="row small">
        <span className="muted">{o.pipelineName ?? i18n.t('opportunities.unknownPipeline')}</span>
        {o.ownerName ? <span className="muted">· {o.ownerName}</span> : null}
        {o.status === 'lost' && o.lostReasonName ? <span className="muted">· {o.lostReasonName}</span> : null}
      </div>
      <div className="row">
        <label htmlFor={`${id}-stage`}>{i18n.t('opportunities.stage')}</label>
        <select
          id={`${id}-stage`}
          {...stage}
          disabled={!canWrite || !pipeline}
        >
          {!pipeline?.stages.some((s) => s.id === o.stageId) ? <option value={o.stageId}>{o.stageName ?? i18n.t('opportunities.unknownStage')}</option> : null}
          {pipeline?.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {canWrite && !losing ? (
        <div ref={group} className="row" role="group" aria-label={i18n.t('opportunities.statusGroup', [o.name])}>
          {o.status === 'open' ? (
            <>
              <button onClick={() => status('won')} disabled={temporary}>{i18n.t('opportunities.markWon')}</button>
              <button ref={lostButton} onClick={() => (lists.lostReasons.length ? askReason() : status('lost'))} disabled={temporary}>
                {i18n.t('opportunities.markLost')}
              </button>
              <button onClick={() => status('abandoned')} disabled={temporary}>{i18n.t('opportunities.markAbandoned')}</button>
            </>
          ) : (
            <button onClick={() => status('open')}>{i18n.t('opportunities.reopen')}</button>
          )}
        </div>
      ) : null}
      {losing ? <LostReason opportunity={o} reasons={lists.lostReasons} onLost={() => (changedFrom.current = o.status)} onDone={closeReason} /> : null}
    </li>
  );
}

function NewOpportunity({ contact, lists, onDone }: { contact: ContactView; lists: LocationLists; onDone: () => void }) {
  const id = useId();
  const start = lists.opportunityDefaults && lists.pipelines.some((p) => p.id === lists.opportunityDefaults!.pipelineId) ? lists.opportunityDefaults : undefined;
  const [name, setName] = useState(contact.name);
  const [pipelineId, setPipelineId] = useState(start?.pipelineId ?? lists.pipelines[0]?.id ?? '');
  const pipeline = lists.pipelines.find((p) => p.id === pipelineId);
  const [stageId, setStageId] = useState(start?.stageId ?? pipeline?.stages[0]?.id ?? '');
  const [value, setValue] = useState('');
  const [saving, setSaving] = useState(false);
  const escape = useEscapeCancels(onDone);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const saved = await recordActions.createOpportunity({ pipelineId, stageId, name, ...(value.trim() ? { value: Number(value) } : {}) });
    setSaving(false);
    if (saved) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} {...escape.form} aria-label={i18n.t('opportunities.newForm')}>
      <label htmlFor={`${id}-name`}>{i18n.t('opportunities.name')}</label>
      <input id={`${id}-name`} name="name" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      <div className="row">
        <div>
          <label htmlFor={`${id}-pipeline`}>{i18n.t('opportunities.pipeline')}</label>
          <select
            id={`${id}-pipeline`}
            name="pipeline"
            value={pipelineId}
            onChange={(e) => {
              setPipelineId(e.target.value);
              setStageId(lists.pipelines.find((p) => p.id === e.target.value)?.stages[0]?.id ?? '');
            }}
          >
            {lists.pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-stage`}>{i18n.t('opportunities.stage')}</label>
          <select id={`${id}-stage`} name="stage" value={stageId} onChange={(e) => setStageId(e.target.value)}>
            {pipeline?.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label htmlFor={`${id}-value`}>{i18n.t('opportunities.valueOptional')}</label>
      <input id={`${id}-value`} name="value" type="number" min="0" step="0.01" value={value} onChange={(e) => setValue(e.target.value)} />
      {escape.notice}
      <FormButtons saving={saving} label={i18n.t('opportunities.create')} onCancel={onDone} />
    </form>
  );
}

export function OpportunitiesSection(props: { contact: ContactView; opportunities?: OpportunityView[]; lists?: LocationLists; missing: string[] }) {
  const { contact, lists, missing } = props;
  const { editing: adding, opener, start, cancel } = useEditInPlace();
  const lacksRead = missing.includes('opportunities.readonly');
  const shown = lacksRead ? undefined : props.opportunities;
  const canWrite = !missing.includes('opportunities.write');
  const pickLists: Lists = { pipelines: lists?.pipelines ?? [], lostReasons: lists?.lostReasons ?? [] };
  return (
    <section aria-labelledby="opportunities-title" data-testid="opportunities">
      <div className="section-head">
        <h3 id="opportunities-title">{i18n.t('opportunities.title')}</h3>
        {!lacksRead && canWrite && lists && lists.pipelines.length > 0 && !adding ? (
          <button ref={opener} className="quiet" onClick={start}>
            {i18n.t('opportunities.new')}
          </button>
        ) : null}
      </div>
      {lacksRead ? <MissingScope scope="opportunities.readonly" /> : null}
      {adding && lists ? <NewOpportunity contact={contact} lists={lists} onDone={cancel} /> : null}
      {shown ? (
        <ul className="plain" aria-label={i18n.t('opportunities.title')}>
          {shown.map((o) => (
            <Opportunity key={o.id} o={o} lists={pickLists} canWrite={canWrite} />
          ))}
          {shown.length === 0 ? <li className="muted">{i18n.t('opportunities.none')}</li> : null}
        </ul>
      ) : null}
      {!lacksRead && !canWrite ? <MissingScope scope="opportunities.write" /> : null}
    </section>
  );
}
