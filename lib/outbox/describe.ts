// A write in the user's words, as the activity log shows it: “Add tag “vip””, “Create task “Call back””.
import { i18n } from '#i18n';
import type { Write } from './types';
import { flatEdit } from './conflicts';

/** A value in a sentence, quoted and isolated (FSI … PDI): its right-to-left text cannot reorder the sentence. */
export const quoted = (s: string) => `“\u2068${s}\u2069”`;
export const list = (tags: string[]) => tags.map(quoted).join(', ');

/** A contact field's label, and the same word inside a sentence ("Change first name, email"). */
const FIELD_WORDS: Record<string, { label: () => string; inSentence: () => string }> = {
  firstName: { label: () => i18n.t('fields.firstName'), inSentence: () => i18n.t('fields.inSentence.firstName') },
  lastName: { label: () => i18n.t('fields.lastName'), inSentence: () => i18n.t('fields.inSentence.lastName') },
  email: { label: () => i18n.t('fields.email'), inSentence: () => i18n.t('fields.inSentence.email') },
  phone: { label: () => i18n.t('fields.phone'), inSentence: () => i18n.t('fields.inSentence.phone') },
  companyName: { label: () => i18n.t('fields.company'), inSentence: () => i18n.t('fields.inSentence.company') },
  website: { label: () => i18n.t('fields.website'), inSentence: () => i18n.t('fields.inSentence.website') },
  assignedTo: { label: () => i18n.t('fields.owner'), inSentence: () => i18n.t('fields.inSentence.owner') },
  dnd: { label: () => i18n.t('fields.dndAll'), inSentence: () => i18n.t('fields.inSentence.dndAll') },
  // opportunity changes
  pipelineStageId: { label: () => i18n.t('opportunities.stage'), inSentence: () => i18n.t('opportunities.stage') },
  pipelineId: { label: () => i18n.t('opportunities.pipeline'), inSentence: () => i18n.t('opportunities.pipeline') },
  status: { label: () => i18n.t('opportunities.statusLabel'), inSentence: () => i18n.t('opportunities.statusLabel') },
  monetaryValue: { label: () => i18n.t('opportunities.value'), inSentence: () => i18n.t('opportunities.value') },
  name: { label: () => i18n.t('opportunities.name'), inSentence: () => i18n.t('opportunities.name') },
};

const STATUS_CHANGE: Record<'open' | 'won' | 'lost' | 'abandoned', () => string> = {
  open: () => i18n.t('activity.reopenOpportunity'),
  won: () => i18n.t('activity.markWon'),
  lost: () => i18n.t('activity.markLost'),
  abandoned: () => i18n.t('activity.markAbandoned'),
};

const DND_FIELD = /^dndSettings\.(.+)$/;
const CUSTOM_FIELD = /^customFields\.(.+)$/;

/** A field of a contact edit as a label, and inside a sentence; `labels` names custom fields. */
export function fieldWords(field: string, labels: Record<string, string> = {}): { label: string; inSentence: string } {
  const known = FIELD_WORDS[field];
  if (known) return { label: known.label(), inSentence: known.inSentence() };
  const channel = DND_FIELD.exec(field)?.[1];
  if (channel) return { label: i18n.t('fields.dndChannel', [channel]), inSentence: i18n.t('fields.inSentence.dndChannel', [channel]) };
  if (CUSTOM_FIELD.test(field)) {
    const name = labels[field] ?? i18n.t('fields.customField');
    return { label: name, inSentence: name };
  }
  return { label: field, inSentence: field };
}

/** A write in plain words: “Add tag “vip””. */
export function describeWrite(w: Write): string {
  switch (w.kind) {
    case 'tag.add':
      return i18n.t('activity.addTag', [list(w.tags)]);
    case 'tag.remove':
      return i18n.t('activity.removeTag', [list(w.tags)]);
    case 'task.create':
      return i18n.t('activity.createTask', [quoted(w.fields.title)]);
    case 'task.update':
      return w.fields.title ? i18n.t('activity.editTask', [quoted(w.fields.title)]) : i18n.t('activity.editATask');
    case 'task.complete':
      return w.completed ? i18n.t('activity.completeTask') : i18n.t('activity.reopenTask');
    case 'task.delete':
      return i18n.t('activity.deleteTask');
    case 'note.create':
      return i18n.t('activity.addNote', [quoted(w.fields.body.slice(0, 40))]);
    case 'note.update':
      return i18n.t('activity.editNote');
    case 'note.delete':
      return i18n.t('activity.deleteNote');
    case 'contact.create': {
      const name = [w.fields.firstName, w.fields.lastName].filter(Boolean).join(' ') || w.fields.email || w.fields.phone;
      return i18n.t('activity.createContact', [name ? quoted(name) : i18n.t('activity.withoutName')]);
    }
    case 'contact.update':
      return i18n.t('activity.changeFields', [Object.keys(flatEdit(w.fields)).map((f) => fieldWords(f, w.labels).inSentence).join(', ')]);
    case 'contact.delete':
      return i18n.t('activity.deleteContact');
    case 'contact.followers':
      return w.add.length && !w.remove.length
        ? i18n.t('activity.addFollowers', w.add.length, [w.add.length])
        : w.remove.length && !w.add.length
          ? i18n.t('activity.removeFollowers', w.remove.length, [w.remove.length])
          : i18n.t('activity.changeFollowers');
    case 'opportunity.create':
      return i18n.t('activity.createOpportunity', [quoted(w.fields.name)]);
    case 'opportunity.update':
      return w.fields.pipelineStageId ? i18n.t('activity.moveOpportunity') : i18n.t('activity.editOpportunity');
    case 'opportunity.status':
      return STATUS_CHANGE[w.status]();
    case 'workflow.add':
      return i18n.t('activity.addToWorkflow', [quoted(w.name ?? w.workflowId)]);
    case 'workflow.remove':
      return i18n.t('activity.removeFromWorkflow', [quoted(w.name ?? w.workflowId)]);
  }
}
