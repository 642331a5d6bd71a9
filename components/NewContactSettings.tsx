// Options: what the sidebar puts in a contact it creates — default tags, and where the detected
// title, LinkedIn URL and company go (name, email and phone always go to their own fields).
import { useState, type FormEvent } from 'react';
import type { CreateMapping, Settings } from '@/lib/storage';
import { useOptions } from './state/options';

export function NewContactSettings({ settings }: { settings: Settings }) {
  const { saveSettings, lists } = useOptions();
  const [tags, setTags] = useState(settings.defaultTagsForNewContacts.join(', '));
  const [mapping, setMapping] = useState<CreateMapping>(settings.createMapping);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const defaultTagsForNewContacts = tags.split(',').map((t) => t.trim()).filter(Boolean);
    void saveSettings({ defaultTagsForNewContacts, createMapping: mapping }, 'Saved the settings for new contacts.');
  };
  const fields = lists?.customFields ?? [];
  return (
    <form className="card" aria-labelledby="new-contacts-title" onSubmit={submit}>
      <h2 id="new-contacts-title">New contacts</h2>
      <label htmlFor="defaultTags">Tags added to every contact created from the sidebar</label>
      <input id="defaultTags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="e.g. from-sidebar, lead" />
      <label htmlFor="titleField">Detected job title goes to</label>
      <select
        id="titleField"
        value={mapping.titleField ?? ''}
        onChange={(e) => setMapping({ ...mapping, titleField: e.target.value || null })}
      >
        <option value="">Nowhere (not kept)</option>
        {fields.map((f) => (
          <option key={f.id} value={f.id}>
            Custom field: {f.name}
          </option>
        ))}
      </select>
      {!lists ? <p className="muted small">Connect a location to choose one of its custom fields.</p> : null}
      <label htmlFor="linkedinTo">LinkedIn profile URL goes to</label>
      <select
        id="linkedinTo"
        value={mapping.linkedinTo}
        onChange={(e) => setMapping({ ...mapping, linkedinTo: e.target.value as CreateMapping['linkedinTo'] })}
      >
        <option value="website">Website</option>
        <option value="none">Nowhere (not kept)</option>
      </select>
      <label htmlFor="companyTo">Detected company goes to</label>
      <select
        id="companyTo"
        value={mapping.companyTo}
        onChange={(e) => setMapping({ ...mapping, companyTo: e.target.value as CreateMapping['companyTo'] })}
      >
        <option value="companyName">Company name</option>
        <option value="none">Nowhere (not kept)</option>
      </select>
      <p>
        <button type="submit" className="primary">
          Save
        </button>
      </p>
    </form>
  );
}
