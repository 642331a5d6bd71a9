// Options: the sites the user taught from a pick ("Find people like this on this site"), each with
// how many rules it has and how many people they found on the last page of it since the browser
// started; "Forget" drops its rules (its pages use the usual detection from their next load).
// Loaded with the options' state (state/options.ts); the notice and errors are the options' own.
import { i18n } from '#i18n';
import { useOptions } from './state/options';

export function TaughtSites() {
  const { taught: sites, forgetTaught } = useOptions();
  return (
    <>
      <h3 id="taught-title">{i18n.t('sites.taught')}</h3>
      <ul className="plain" aria-labelledby="taught-title" data-testid="taught-sites">
        {sites?.map((site) => (
          <li key={site.origin} className="row">
            <bdi>{site.origin}</bdi>
            <span className="muted small">
              {i18n.t('sites.taughtRules', site.rules)} ·{' '}
              {site.found === undefined ? i18n.t('sites.taughtUnused') : i18n.t('sites.taughtFound', site.found)}
            </span>
            <button onClick={() => void forgetTaught(site.origin)} aria-label={i18n.t('sites.forgetLabel', [site.origin])}>
              {i18n.t('sites.forget')}
            </button>
          </li>
        ))}
        {sites?.length === 0 ? <li className="muted">{i18n.t('sites.taughtNone')}</li> : null}
      </ul>
    </>
  );
}
