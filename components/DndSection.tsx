// Do not disturb: all channels at once, and each channel (Call, Email, SMS, WhatsApp, GMB, FB)
// as a switch with its status. A switch sends only that setting (PUT /contacts/:id, conflict-
// checked in the outbox). A channel set permanently (e.g. the contact replied STOP) is shown on
// and cannot be switched from here.
import { useId } from 'react';
import { i18n } from '#i18n';
import { DND_CHANNELS, type ContactView, type DndStatus } from '@/lib/protocol';
import { MissingScope } from './MissingScope';
import { recordActions } from './state/record';
import './record.css';

const STATUS_WORDS: Record<DndStatus, () => string> = {
  active: () => i18n.t('dnd.on'),
  inactive: () => i18n.t('dnd.off'),
  permanent: () => i18n.t('dnd.permanent'),
};

function Switch(props: { label: string; status: DndStatus; disabled: boolean; onChange: (on: boolean) => void; hint?: string }) {
  const id = useId();
  const on = props.status !== 'inactive';
  return (
    <label className="switch" htmlFor={id} title={props.hint}>
      <input id={id} type="checkbox" role="switch" checked={on} disabled={props.disabled || props.status === 'permanent'} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
      <span className={on ? 'state on' : 'state'}>{STATUS_WORDS[props.status]()}</span>
    </label>
  );
}

/** A channel without a setting is not in do-not-disturb. */
const statusOf = (contact: ContactView, channel: (typeof DND_CHANNELS)[number]): DndStatus => contact.dndSettings?.[channel]?.status ?? INACTIVE;
const INACTIVE: DndStatus = 'inactive';

export function DndSection({ contact, canWrite }: { contact: ContactView; canWrite: boolean }) {
  const set = (key: string, value: string | boolean, seen: string | boolean) => void recordActions.editFields({ [key]: value }, { [key]: seen });
  return (
    <section aria-labelledby="dnd-title" data-testid="dnd">
      <h3 id="dnd-title">{i18n.t('dnd.title')}</h3>
      <fieldset className="plain">
        <legend className="visually-hidden">{i18n.t('dnd.legend', [contact.name])}</legend>
        <div className="switches">
          <Switch label={i18n.t('dnd.all')} status={contact.dnd ? 'active' : INACTIVE} disabled={!canWrite} onChange={(on) => set('dnd', on, contact.dnd)} />
          {DND_CHANNELS.map((channel) => {
            const status = statusOf(contact, channel);
            return (
              <Switch
                key={channel}
                label={channel}
                status={status}
                disabled={!canWrite}
                hint={status === 'permanent' ? i18n.t('dnd.permanentHint') : contact.dndSettings?.[channel]?.message}
                onChange={(on) => set(`dndSettings.${channel}`, on ? 'active' : INACTIVE, status)}
              />
            );
          })}
        </div>
      </fieldset>
      {!canWrite ? <MissingScope scope="contacts.write" /> : null}
    </section>
  );
}
