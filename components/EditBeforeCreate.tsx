// "Edit before creating" on a detected person not in GHL: the same form as a new contact's,
// pre-filled with what the page showed; the corrected values are matched first, and the person is
// linked to the contact found or created.
// The button stays while the form is open (expanded; pressed again, it closes the form), so Cancel
// and Escape give it the focus back.
import { useRef } from 'react';
import { i18n } from '#i18n';
import type { PersonMatch } from '@/lib/protocol';
import { useFind } from './state/find';
import { PersonForm } from './PersonForm';

export function EditBeforeCreate({ match, site }: { match: PersonMatch; site: string }) {
  const draft = useFind((s) => s.draft);
  const startDraft = useFind((s) => s.startDraft);
  const cancelDraft = useFind((s) => s.cancelDraft);
  const button = useRef<HTMLButtonElement>(null);
  const open = draft?.correcting?.key === match.key;
  return (
    <>
      <button ref={button} aria-expanded={open} onClick={() => (open ? cancelDraft() : startDraft(match.person, site, match))}>
        {i18n.t('find.edit')}
      </button>
      {open ? <PersonForm draft={draft} onClosed={() => button.current?.focus()} /> : null}
    </>
  );
}
