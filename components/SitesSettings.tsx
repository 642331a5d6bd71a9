// Options: where the extension looks for people — each partner app on or off, and the sites the
// user enabled from the sidebar (removing one drops its access too).
import { siteAdapters } from '@/lib/detect/sites';
import type { Settings } from '@/lib/storage';
import { useOptions } from './state/options';

export function SitesSettings({ settings }: { settings: Settings }) {
  const { saveSettings, disableSite } = useOptions();
  const toggle = (id: string, on: boolean) => {
    const disabledPartners = on ? settings.disabledPartners.filter((p) => p !== id) : [...settings.disabledPartners, id];
    void saveSettings({ disabledPartners }, `${id} ${on ? 'on' : 'off'}.`);
  };
  return (
    <section className="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <fieldset className="plain">
        <legend>Partner apps (people are looked for on these)</legend>
        {siteAdapters.map((a) => (
          <div key={a.id}>
            <input
              type="checkbox"
              id={`partner-${a.id}`}
              checked={!settings.disabledPartners.includes(a.id)}
              onChange={(e) => toggle(a.id, e.target.checked)}
            />
            <label htmlFor={`partner-${a.id}`} className="inline-label">
              {a.id} <span className="muted">({a.hosts.join(', ')})</span>
            </label>
          </div>
        ))}
      </fieldset>
      <h3 id="generic-title">Other sites you enabled</h3>
      <ul className="plain" aria-labelledby="generic-title" data-testid="generic-sites">
        {settings.genericSites.map((origin) => (
          <li key={origin} className="row">
            <span>{origin}</span>
            <button onClick={() => void disableSite(origin)} aria-label={`Remove ${origin}`}>
              Remove
            </button>
          </li>
        ))}
        {settings.genericSites.length === 0 ? (
          <li className="muted">None yet. Use “Enable on this site” in the sidebar while on a site.</li>
        ) : null}
      </ul>
    </section>
  );
}
