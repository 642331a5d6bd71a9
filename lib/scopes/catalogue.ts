// The scopes the extension uses, each with what it gives the user. The OAuth request asks for
// exactly these (lib/auth's OAUTH_SCOPES), and the README lists them.
export const SCOPES = {
  contactsRead: 'contacts.readonly',
  contactsWrite: 'contacts.write',
  location: 'locations.readonly',
  tags: 'locations/tags.readonly',
  customFields: 'locations/customFields.readonly',
  users: 'users.readonly',
  opportunitiesRead: 'opportunities.readonly',
  opportunitiesWrite: 'opportunities.write',
  workflows: 'workflows.readonly',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** Every scope the extension uses, in the order the README and the consent page show them. */
export const USED_SCOPES: readonly Scope[] = Object.values(SCOPES);

/** Scopes only a write can show (HighLevel has no read that needs them). */
export const WRITE_SCOPES: readonly Scope[] = [SCOPES.contactsWrite, SCOPES.opportunitiesWrite];

/** The scope a queued write needs: an opportunity change opportunities.write, every other write contacts.write. */
export const scopeOfWrite = (kind: string): Scope => (kind.startsWith('opportunity.') ? SCOPES.opportunitiesWrite : SCOPES.contactsWrite);
