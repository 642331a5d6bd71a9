// "Enable on this site" for a web site that is not a partner app: asks the browser for access to
// that origin from the click itself (a user gesture, as permissions.request requires), then lets
// the background register the content script there. "Disable" undoes both.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { TabSite } from '@/lib/protocol';
import { patternOf } from '@/lib/sites';
import { useSidebar } from './state/sidebar';

const hostOf = (origin: string) => new URL(origin).host;

export function SiteAccess({ site }: { site: TabSite | undefined }) {
  const { setSiteEnabled, busy } = useSidebar();
  if (!site || site.status === 'unsupported' || site.status === 'partner') return null;
  if (site.status === 'unknown') {
    return <p className="muted small">{i18n.t('sidebar.site.unknown')}</p>;
  }
  const origin = site.origin!;
  if (site.status === 'partner-off') {
    return <p className="muted small">{i18n.t('sidebar.site.partnerOff', [hostOf(origin)])}</p>;
  }
  if (site.status === 'enabled') {
    return (
      <p className="row small">
        <span className="muted">{i18n.t('sidebar.site.enabled', [hostOf(origin)])}</span>
        <button disabled={busy} onClick={() => void setSiteEnabled(origin, false)}>
          {i18n.t('sidebar.site.disable')}
        </button>
      </p>
    );
  }
  return (
    <p className="row small">
      <span className="muted">{i18n.t('sidebar.site.notPartner', [hostOf(origin)])}</span>
      <button disabled={busy} onClick={() => void grantSiteAccess(origin)}>
        {i18n.t('sidebar.site.enable')}
      </button>
    </p>
  );
}

/** Asks for access to `origin` (call it first thing in a click), then enables the site. */
export async function grantSiteAccess(origin: string) {
  const granted = await browser.permissions.request({ origins: [patternOf(origin)] }).catch(() => false);
  if (granted) await useSidebar.getState().setSiteEnabled(origin, true);
  else {
    const message = i18n.t('sidebar.site.notGranted', [hostOf(origin)]);
    useSidebar.setState({ actionError: { kind: 'no-site-access', message, action: 'grant-access' } });
  }
}
