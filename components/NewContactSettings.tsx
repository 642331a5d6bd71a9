// Options: what the sidebar puts in a contact it creates — default tags, and where the detected
// title, LinkedIn URL and company go (name, email and phone always go to their own fields).
import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import type { CreateMapping, Settings } from '@/lib/storage';
import { useOptions } from './state/options';

export function NewContactSettings({ settings }: { settings: Settings }) {
  const { saveSettings, lists } = useOptions();
  const [tags, setTags] = useState(settings.defaultTagsForNewContacts.join(', '));
  const [mapping, setMapping] = useState<CreateMapping>(settings.createMapping);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const defaultTagsForNewContacts = tags.split(',').map((t) => t.trim()).filter(Boolean);
    void saveSettings({ defaultTagsForNewContacts, createMapping: mapping }, i18n.t('newContacts.saved'));
  };
  const fields = lists?.customFields ?? [];
  return (
    <form className="card" aria-labelledby="new-contacts-title" onSubmit={submit}>
      <h2 id="new-contacts-title">{i18n.t('newContacts.title')}</h2>
      <label htmlFor="defaultTags">{i18n.t('newContacts.defaultTags')}</label>
      <input id="defaultTags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder={i18n.t('newContacts.tagsPlaceholder')} />
      <label htmlFor="titleField">{i18n.t('newContacts.titleTo')}</label>
      <select
        id="titleField"
        value={mapping.titleField ?? ''}
        onChange={(e) => setMapping({ ...mapping, titleField: e.target.value || null })}
      >
        <option value="">{i18n.t('common.nowhere')}</option>
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            {i18n.t('newContacts.customField', [f.name])}
          </option>
        ))}
      </select>
      {!lists ? <p className="muted small">{i18n.t('newContacts.connectFirst')}</p> : null}
      <label htmlFor="linkedinTo">{i18n.t('newContacts.linkedinTo')}</label>
      <select
        id="linkedinTo"
        value={mapping.linkedinTo}
        onChange={(e) => setMapping({ ...mapping, linkedinTo: e.target.value as CreateMapping['linkedinTo'] })}
      >
        <option value="website">{i18n.t('fields.website')}</option>
        <option value="none">{i18n.t('common.nowhere')}</option>
      </select>
      <label htmlFor="companyTo">{i18n.t('newContacts.companyTo')}</label>
      <select
        id="companyTo"
        value={mapping.companyTo}
        onChange={(e) => setMapping({ ...mapping, companyTo: e.target.value as CreateMapping['companyTo'] })}
      >
        <option value="companyName">{i18n.t('newContacts.companyName')}</option>
        <option value="none">{i18n.t('common.nowhere')}</option>
      </select>
      <p>
        <button type="submit" className="primary">
          {i18n.t('common.save')}
        </button>
      </p>
    </form>
  );
}
