// Who owns the contact (assignedTo) and who follows it, chosen from the location's users. The owner
// is a contact edit (PUT /contacts/:id, conflict-checked); followers are added and removed as a
// set (POST / DELETE /contacts/:id/followers), at most ten.
import { useId } from 'react';
import { i18n } from '#i18n';
import type { ContactView, UserOption } from '@/lib/protocol';
import { MAX_FOLLOWERS } from '@/lib/record';
import { useChoice } from './choice';
import { MissingScope } from './MissingScope';
import { recordActions } from './state/record';
import './record.css';

export function OwnerSection(props: { contact: ContactView; users: UserOption[]; missing: string[] }) {
  const { contact, users, missing } = props;
  const id = useId();
  const canWrite = !missing.includes('contacts.write');
  const lacksUsers = missing.includes('users.readonly');
  const followers = contact.followers ?? [];
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? i18n.t('contact.unknownUser');
  const others = users.filter((u) => !followers.includes(u.id));
  const full = followers.length >= MAX_FOLLOWERS;
  const owner = useChoice(contact.assignedTo ?? '', (userId) =>
    void recordActions.editFields({ assignedTo: userId || null }, { assignedTo: contact.assignedTo ?? null }));
  const follow = useChoice('', (userId) => userId && void recordActions.setFollowers([userId], []));
  return (
    <section aria-labelledby={`${id}-title`} data-testid="owner">
      <h3 id={`${id}-title`}>{i18n.t('owner.title')}</h3>
      {lacksUsers ? <MissingScope scope="users.readonly" /> : null}
      <div className="inline-field">
        <label htmlFor={`${id}-owner`}>{i18n.t('fields.owner')}</label>
        <select
          id={`${id}-owner`}
          {...owner}
          disabled={!canWrite || lacksUsers}
        >
          <option value="">{i18n.t('common.nobody')}</option>
          {contact.assignedTo && !users.some((u) => u.id === contact.assignedTo) ? (
            <option value={contact.assignedTo}>{contact.ownerName ?? i18n.t('contact.unknownUser')}</option>
          ) : null}
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <p className="small muted" id={`${id}-count`}>
        {i18n.t('owner.followersCount', followers.length, [followers.length, MAX_FOLLOWERS])}
      </p>
      <ul className="followers" aria-label={i18n.t('owner.followers')} data-testid="followers">
        {followers.map((userId) => (
          <li key={userId} className="chip-item">
            <span className="chip">{nameOf(userId)}</span>
            {canWrite ? (
              <button className="chip-x" aria-label={i18n.t('owner.unfollow', [nameOf(userId)])} onClick={() => void recordActions.setFollowers([], [userId])}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite && !lacksUsers ? (
        <div className="inline-field">
          <label htmlFor={`${id}-follow`}>{i18n.t('owner.addFollower')}</label>
          <select
            id={`${id}-follow`}
            {...follow}
            disabled={full || others.length === 0}
            aria-describedby={`${id}-count`}
          >
            <option value="">{full ? i18n.t('owner.full', [MAX_FOLLOWERS]) : i18n.t('owner.choose')}</option>
            {others.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!canWrite ? <MissingScope scope="contacts.write" /> : null}
    </section>
  );
}
