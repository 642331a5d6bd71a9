// "Edit before creating" on a detected person not in GHL: the same form as a new contact's,
// pre-filled with what the page showed; the corrected values are matched first, and the person is
// linked to the contact found or created.
import { i18n } from '#i18n';
import type { PersonMatch } from '@/lib/protocol';
import { useFind } from './state/find';
import { PersonForm } from './PersonForm';

export function EditBeforeCreate({ match, site }: { match: PersonMatch; site: string }) {
  const draft = useFind((s) => s.draft);
  const startDraft = useFind((s) => s.startDraft);
  if (draft?.correcting?.key === match.key) return <PersonForm draft={draft} />;
  return <button onClick={() => startDraft(match.person, site, match)}>{i18n.t('find.edit')}</button>;
}
