// What a scope the connection lacks costs, in words: one line where a section would be, and the
// list of them all (AccessNotice). Scope names stay as HighLevel writes them, so the user finds
// them in HighLevel's settings.
import { i18n } from '#i18n';
import './record.css';

const WORDS: Record<string, () => string> = {
  'contacts.readonly': () => i18n.t('scopes.lacks.contactsRead'),
  'contacts.write': () => i18n.t('scopes.lacks.contactsWrite'),
  'locations.readonly': () => i18n.t('scopes.lacks.location'),
  'locations/tags.readonly': () => i18n.t('scopes.lacks.tags'),
  'locations/customFields.readonly': () => i18n.t('scopes.lacks.customFields'),
  'users.readonly': () => i18n.t('scopes.lacks.users'),
  'opportunities.readonly': () => i18n.t('scopes.lacks.opportunitiesRead'),
  'opportunities.write': () => i18n.t('scopes.lacks.opportunitiesWrite'),
  'workflows.readonly': () => i18n.t('scopes.lacks.workflows'),
};

export const scopeWords = (scope: string) => WORDS[scope]?.() ?? i18n.t('scopes.lacks.other', [scope]);

export function MissingScope({ scope }: { scope: string }) {
  return (
    <p className="muted small" data-testid="missing-scope" data-scope={scope}>
      {scopeWords(scope)}
    </p>
  );
}

/** Every scope the connection lacks, each with what it costs, and how to give it. */
export function AccessNotice({ missing }: { missing: string[] }) {
  if (missing.length === 0) return null;
  return (
    <details className="card access" data-testid="access">
      <summary>{i18n.t('scopes.summary', missing.length, [missing.length])}</summary>
      <ul>
        {missing.map((s) => (
          <li key={s}>{scopeWords(s)}</li>
        ))}
      </ul>
      <p className="muted small">{i18n.t('scopes.howToFix')}</p>
    </details>
  );
}
