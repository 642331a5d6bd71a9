// Looking for people on a web site that is not a partner app. The sidebar may read the address of
// the tab it follows only after the user clicked the extension's toolbar button (or pressed its
// shortcut) on that tab (`activeTab`; the extension holds no `tabs` permission); until then it
// says so in plain words. Once the address is known, "Allow on this site" asks the browser for
// access to that one origin from the click itself (a user gesture, as permissions.request
// requires), then the background registers the content script there. "Disable" undoes both.
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { TabSite } from '@/lib/protocol';
import { patternOf } from '@/lib/sites';
import { useSidebar } from './state/sidebar';
import { isolate } from './bidi';

const hostOf = (origin: string) => new URL(origin).host;

export function SiteAccess({ site }: { site: TabSite | undefined }) {
  const { setSiteEnabled, busy } = useSidebar();
  if (!site || site.status === 'unsupported' || site.status === 'partner') return null;
  if (site.status === 'unknown') {
    return (
      <section className="card site" aria-label={i18n.t('sidebar.site.label')} data-testid="site-access">
        <p>{i18n.t('sidebar.site.unknown')}</p>
        <p className="muted small">{i18n.t('sidebar.site.unknownWhy')}</p>
      </section>
    );
  }
  const origin = site.origin!;
  const host = isolate(hostOf(origin));
  if (site.status === 'partner-off') {
    return <p className="muted small">{i18n.t('sidebar.site.partnerOff', [host])}</p>;
  }
  if (site.status === 'enabled') {
    return (
      <p className="row small" data-testid="site-access">
        <span className="muted">{i18n.t('sidebar.site.enabled', [host])}</span>
        <button disabled={busy} onClick={() => void setSiteEnabled(origin, false)}>
          {i18n.t('sidebar.site.disable')}
        </button>
      </p>
    );
  }
  return (
    <section className="card site" aria-label={i18n.t('sidebar.site.label')} data-testid="site-access">
      <p>{i18n.t('sidebar.site.notPartner', [host])}</p>
      <p className="row">
        <button className="primary" disabled={busy} onClick={() => void grantSiteAccess(origin)}>
          {i18n.t('sidebar.site.enable')}
        </button>
      </p>
      <p className="muted small">{i18n.t('sidebar.site.enableWhat', [host])}</p>
    </section>
  );
}

/** Asks for access to `origin` (call it first thing in a click), then enables the site. */
export async function grantSiteAccess(origin: string) {
  const granted = await browser.permissions.request({ origins: [patternOf(origin)] }).catch(() => false);
  if (granted) await useSidebar.getState().setSiteEnabled(origin, true);
  else {
    const message = i18n.t('sidebar.site.notGranted', [isolate(hostOf(origin))]);
    useSidebar.setState({ actionError: { kind: 'no-site-access', message, action: 'grant-access' } });
  }
}
