// The sidebar header's location switcher: the connected locations; choosing one makes it active
// and matches the page again against that location.
import { i18n } from '#i18n';
import type { ConnectionView } from '@/lib/protocol';
import { useSidebar } from './state/sidebar';

export function LocationSwitcher({ connections }: { connections: ConnectionView[] }) {
  const { switchLocation, busy } = useSidebar();
  const locations = connections.filter((c) => c.locationId);
  const active = locations.find((c) => c.active);
  if (locations.length < 2) {
    return (
      <span className="muted" data-testid="location" title={active?.locationName}>
        {active?.locationName ?? ''}
      </span>
    );
  }
  return (
    <span className="switcher">
      <label htmlFor="location-switcher" className="visually-hidden">
        {i18n.t('sidebar.location')}
      </label>
      <select
        id="location-switcher"
        data-testid="location"
        value={active?.id ?? ''}
        disabled={busy}
        onChange={(e) => void switchLocation(e.target.value)}
      >
        {locations.map((c) => (
          <option key={c.id} value={c.id}>
            {c.locationName}
          </option>
        ))}
      </select>
    </span>
  );
}
