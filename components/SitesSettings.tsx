// Options: where the extension looks for people — each partner app on or off, and the sites the
// user enabled from the sidebar (removing one drops its access too), and the sites taught from a pick.
import { i18n } from '#i18n';
import { siteAdapters } from '@/lib/detect';
import type { Settings } from '@/lib/storage';
import { useOptions } from './state/options';
import { partnerName } from './partners';
import { TaughtSites } from './TaughtSites';

export function SitesSettings({ settings }: { settings: Settings }) {
  const { saveSettings, disableSite } = useOptions();
  const toggle = (id: string, on: boolean) => {
    const disabledPartners = on ? settings.disabledPartners.filter((p) => p !== id) : [...settings.disabledPartners, id];
    void saveSettings({ disabledPartners }, on ? i18n.t('sites.partnerOn', [partnerName(id)]) : i18n.t('sites.partnerOff', [partnerName(id)]));
  };
  return (
    <section className="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{i18n.t('sites.title')}</h2>
      <fieldset className="plain">
        <legend>{i18n.t('sites.partners')}</legend>
        {siteAdapters.map((a) => (
          <div key={a.id}>
            <input
              type="checkbox"
              id={`partner-${a.id}`}
              checked={!settings.disabledPartners.includes(a.id)}
              onChange={(e) => toggle(a.id, e.target.checked)}
            />
            <label htmlFor={`partner-${a.id}`} className="inline-label">
              {partnerName(a.id)} <span className="muted">({a.hosts.join(', ')})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <h3 id="generic-title">{i18n.t('sites.others')}</h3>
      <ul className="plain" aria-labelledby="generic-title" data-testid="generic-sites">
        {settings.genericSites.map((origin) => (
          <li key={origin} className="row">
            <bdi>{origin}</bdi>
            <button onClick={() => void disableSite(origin)} aria-label={i18n.t('sites.removeLabel', [origin])}>
              {i18n.t('sites.remove')}
            </button>
          </li>
        ))}
        {settings.genericSites.length === 0 ? (
          <li className="muted">{i18n.t('sites.none')}</li>
        ) : null}
      </ul>
      <TaughtSites />
    </section>
  );
}
