// "Enable on this site" for a web site that is not a partner app: asks the browser for access to
// that origin from the click itself (a user gesture, as permissions.request requires), then lets
// the background register the content script there. "Disable" undoes both.
import { browser } from 'wxt/browser';
import type { TabSite } from '@/lib/messaging';
import { patternOf } from '@/lib/background/sites';
import { useSidebar } from './state/sidebar';

const hostOf = (origin: string) => new URL(origin).host;

export function SiteAccess({ site }: { site: TabSite | undefined }) {
  const { setSiteEnabled, busy } = useSidebar();
  if (!site || site.status === 'unsupported' || site.status === 'partner') return null;
  if (site.status === 'unknown') {
    return <p className="muted small">To look for people on this site, open the sidebar from the toolbar button while on it.</p>;
  }
  const origin = site.origin!;
  if (site.status === 'partner-off') {
    return <p className="muted small">Looking for people on {hostOf(origin)} is switched off in the options.</p>;
  }
  if (site.status === 'enabled') {
    return (
      <p className="row small">
        <span className="muted">Looking for people on {hostOf(origin)}.</span>
        <button disabled={busy} onClick={() => void setSiteEnabled(origin, false)}>
          Disable on this site
        </button>
      </p>
    );
  }
  return (
    <p className="row small">
      <span className="muted">{hostOf(origin)} is not a partner app.</span>
      <button disabled={busy} onClick={() => void grantSiteAccess(origin)}>
        Enable on this site
      </button>
    </p>
  );
}

/** Asks for access to `origin` (call it first thing in a click), then enables the site. */
export async function grantSiteAccess(origin: string) {
  const granted = await browser.permissions.request({ origins: [patternOf(origin)] }).catch(() => false);
  if (granted) await useSidebar.getState().setSiteEnabled(origin, true);
  else {
    const message = `Access to ${hostOf(origin)} was not granted.`;
    useSidebar.setState({ actionError: { kind: 'no-site-access', message, action: 'grant-access' } });
  }
}
