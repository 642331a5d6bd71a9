// Partner adapters: which adapter serves a URL, and what each route means.
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/detect';
import { routeOf } from '../../lib/detect/sites/types';
import { PARTNER_MATCHES } from '../../lib/hosts';
import { partnerSites } from '../../sandbox/partners/sites';

const view = (url: string) => {
  const a = adapterFor(url);
  return a ? routeOf(a, url)?.view ?? 'default' : 'generic';
};

describe('partner adapters', () => {
  it('picks the adapter by host, and none for other sites', () => {
    expect(adapterFor('https://app.heyreach.io/app/inbox')?.id).toBe('heyreach');
    expect(adapterFor('https://app.helloleads.io/index.php/app/account/layout#/leads')?.id).toBe('helloleads');
    expect(adapterFor('https://sproutvideo.com/logins')?.id).toBe('sproutvideo');
    expect(adapterFor('https://app.heygen.com/personalized-video/x/recipients')?.id).toBe('heygen');
    expect(adapterFor('https://heyreach.io.evil.com/app/inbox')).toBeUndefined();
    expect(adapterFor('not a url')).toBeUndefined();
  });
  it('serves exactly the hosts the manifest lists, no subdomain (the player iframe, www.) and no other', () => {
    expect(PARTNER_MATCHES).toEqual(['https://app.heyreach.io/*', 'https://app.helloleads.io/*', 'https://sproutvideo.com/*', 'https://app.heygen.com/*']);
    expect(adapterFor('https://www.sproutvideo.com/logins')).toBeUndefined();
    expect(adapterFor('https://videos.sproutvideo.com/embed/d39bd9b31c1de2c85a/4f1e')).toBeUndefined();
    expect(adapterFor('https://SPROUTVIDEO.com/logins')?.id).toBe('sproutvideo');
  });
  it('each demo partner site of the sandbox is served on a host of its adapter', () => {
    for (const [site, info] of Object.entries(partnerSites)) expect(adapterFor(`https://${info.host}/`)?.id, site).toBe(site);
  });
  it('knows list, detail and ignored routes', () => {
    expect(view('https://app.heyreach.io/app/campaigns/4821')).toBe('list');
    expect(view('https://app.heyreach.io/app/inbox?searchTerm=maya')).toBe('detail');
    expect(view('https://app.heyreach.io/account/login')).toBe('ignore');
    expect(view('https://app.heyreach.io/app/integrations/public-api/api')).toBe('ignore');
    expect(view('https://app.helloleads.io/index.php/app/account/layout#/leads')).toBe('list');
    expect(view('https://app.helloleads.io/index.php/app/account/layout#/leaddetails/1042')).toBe('detail');
    expect(view('https://app.helloleads.io/index.php/app/account/layout#/apisettings')).toBe('ignore');
    expect(view('https://app.helloleads.io/index.php/app/account/eventForm/8f3c2a9d')).toBe('ignore');
    expect(view('https://sproutvideo.com/logins')).toBe('list');
    expect(view('https://sproutvideo.com/logins/558203/edit')).toBe('detail');
    expect(view('https://sproutvideo.com/videos/d39bd9b31c1de2c85a/analytics')).toBe('list');
    expect(view('https://sproutvideo.com/login')).toBe('ignore');
    expect(view('https://app.heygen.com/personalized-video/7f3e/recipients')).toBe('list');
    expect(view('https://app.heygen.com/personalized-video/7f3e/recipients/aud_3')).toBe('detail');
    expect(view('https://app.heygen.com/settings/members')).toBe('list');
    expect(view('https://app.heygen.com/settings?nav=members')).toBe('list');
    expect(view('https://app.heygen.com/settings?tab=workspace&nav=members')).toBe('list');
    expect(view('https://app.heygen.com/settings?nav=API')).toBe('ignore');
    expect(view('https://app.heygen.com/settings?nav=billing')).toBe('ignore');
    expect(view('https://app.heygen.com/login')).toBe('ignore');
  });
});
