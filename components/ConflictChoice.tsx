// A contact edit that met a change made meanwhile in HighLevel: both values of each field side by
// side, and the user's choice — keep mine, keep theirs, or field by field.
import { useState } from 'react';
import { leaving } from './activity-focus';
import { i18n } from '#i18n';
import type { ActivityEntry, LocationLists } from '@/lib/protocol';
import { valueOf } from './state/ask';
import { useContact } from './state/contact';
import { useOutbox } from './state/outbox';

type Conflict = NonNullable<ActivityEntry['conflict']>;

/** A value as the user knows it: an owner and a stage by name (the write holds their ids). */
function shown(field: string, value: string, lists: LocationLists | undefined): string {
  if (field === 'assignedTo') return value ? (lists?.users.find((u) => u.id === value)?.name ?? value) : i18n.t('common.nobody');
  if (field === 'pipelineStageId') return lists?.pipelines.flatMap((p) => p.stages).find((s) => s.id === value)?.name ?? value;
  return value;
}

export function ConflictChoice({ id, conflict }: { id: string; conflict: Conflict }) {
  const resolve = useOutbox((s) => s.resolve);
  const lists = useContact((s) => valueOf(s.lists));
  const [picks, setPicks] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, conflict.latest])),
  );
  return (
    <div className="conflict" data-testid="conflict">
      <p className="small">{i18n.t('conflict.explain')}</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t('conflict.field')}</th>
            <th scope="col">{i18n.t('conflict.theirs')}</th>
            <th scope="col">{i18n.t('conflict.mine')}</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.label}</th>
              {(['theirs', 'mine'] as const).map((side) => (
                <td key={side}>
                  <label className="check">
                    <input
                      type="radio"
                      name={`${id}:${f.field}`}
                      checked={picks[f.field] === side}
                      onChange={() => setPicks({ ...picks, [f.field]: side })}
                    />{' '}
                    <span data-side={side}>{shown(f.field, side === 'theirs' ? f.theirs : f.ours, lists)}</span>
                  </label>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="row">
        <button onClick={leaving(() => resolve(id, 'mine'))}>{i18n.t('conflict.keepMine')}</button>
        <button onClick={leaving(() => resolve(id, 'theirs'))}>{i18n.t('conflict.keepTheirs')}</button>
        {conflict.fields.length > 1 ? (
          <button className="primary" onClick={leaving(() => resolve(id, picks))}>
            {i18n.t('conflict.apply')}
          </button>
        ) : null}
      </p>
    </div>
  );
}
