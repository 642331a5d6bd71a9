// A contact's record as the background gives it to the sidebar, for component tests: a contact
// with its id and tags (named "Contact <id>" unless `contact` says otherwise), nothing else filled in.
import type { ContactDetails } from '@/lib/protocol';

export const recordOf = (id: string, tags: string[], contact: Partial<ContactDetails['contact']> = {}): ContactDetails => ({
  contact: { id, name: `Contact ${id}`, locationId: 'L1', tags, dnd: false, customFields: [], appUrl: 'https://app.gohighlevel.com/', ...contact },
  tasks: [],
  notes: [],
  appointments: [],
  colleagues: [],
  fetchedAt: 0,
});
