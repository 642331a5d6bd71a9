// Partner demo pages: resolves a request (by site on the main server, by real host through the
// partner proxy) to a file under sandbox/partners/ and reads it fresh on every request, so pages can
// be edited while the sandbox runs. Also renders the /partners/ index and 404 pages.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PartnerSite } from './partners/people.ts';
import { partnerSites } from './partners/sites.ts';

export const partnersDir = resolve(fileURLToPath(new URL('./partners/', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.mp4': 'video/mp4', '.webm': 'video/webm',
};

export interface PartnerReply {
  status: number;
  type: string;
  body: Buffer | string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
export const partnerHosts = (): string[] => Object.values(partnerSites).map((s) => s.host);
export const siteByHost = (host: string): PartnerSite | undefined =>
  (Object.keys(partnerSites) as PartnerSite[]).find((k) => partnerSites[k].host === host.toLowerCase());

/** A file under sandbox/partners/ by relative path, or null (missing, outside, or TypeScript source). */
async function fileReply(rel: string): Promise<PartnerReply | null> {
  const abs = normalize(join(partnersDir, decodeURIComponent(rel)));
  if (abs !== partnersDir && !abs.startsWith(partnersDir + sep)) return null;
  if (/\.tsx?$/.test(abs)) return null;
  try {
    if (!(await stat(abs)).isFile()) return null;
    return { status: 200, type: TYPES[extname(abs).toLowerCase()] ?? 'application/octet-stream', body: await readFile(abs) };
  } catch {
    return null;
  }
}

function pageFor(site: PartnerSite, pathname: string) {
  const clean = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return partnerSites[site].pages.find((p) => p.path === pathname || p.path === clean);
}

function notFound(site: PartnerSite | undefined, pathname: string, linkBase: string): PartnerReply {
  const pages = site ? partnerSites[site].pages : [];
  const list = pages.map((p) => `<li><a href="${esc(linkBase + p.path)}">${esc(p.title)}</a> <code>${esc(p.path)}</code></li>`).join('');
  return {
    status: 404,
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 – page not found</h1><p><code>${esc(pathname)}</code> is not one of the demo pages${site ? ` of ${esc(partnerSites[site].host)}` : ''}.</p>${list ? `<ul>${list}</ul>` : ''}</body></html>`,
  };
}

/** Main server: /partners/<site><path> pages, else any file by its path relative to sandbox/partners/. */
export async function servePartnerPath(rest: string): Promise<PartnerReply> {
  const [first, ...tail] = rest.replace(/^\/+/, '').split('/');
  if (first && first in partnerSites) {
    const page = pageFor(first as PartnerSite, `/${tail.join('/')}`);
    if (page) return (await fileReply(page.file)) ?? notFound(first as PartnerSite, rest, `/partners/${first}`);
  }
  return (await fileReply(rest.replace(/^\/+/, ''))) ?? notFound(first && first in partnerSites ? (first as PartnerSite) : undefined, `/partners/${rest}`, `/partners/${first}`);
}

/** Partner proxy (https://<host><path>): the site's page, else /partners/<file>, else <site>/<path>, else 404. */
export async function serveHostPath(host: string, pathname: string): Promise<PartnerReply> {
  const site = siteByHost(host);
  if (!site) return { status: 404, type: 'text/plain; charset=utf-8', body: 'Unknown host' };
  const page = pageFor(site, pathname);
  if (page) return (await fileReply(page.file)) ?? notFound(site, pathname, '');
  if (pathname.startsWith('/partners/')) {
    const shared = await fileReply(pathname.slice('/partners/'.length));
    if (shared) return shared;
  }
  if (pathname !== '/') {
    const own = await fileReply(`${site}${pathname}`);
    if (own) return own;
  }
  return notFound(site, pathname, '');
}

export function partnersIndex(): PartnerReply {
  const sections = (Object.keys(partnerSites) as PartnerSite[])
    .map((site) => {
      const info = partnerSites[site];
      const items = info.pages.length
        ? info.pages.map((p) => `<li><a href="/partners/${site}${esc(p.path)}">${esc(p.title)}</a> <small>(${p.view}) https://${esc(info.host)}${esc(p.path)}</small></li>`).join('')
        : '<li><em>no pages yet</em></li>';
      return `<h2>${esc(site)} <small>${esc(info.host)}</small></h2><ul>${items}</ul>`;
    })
    .join('\n');
  return { status: 200, type: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><title>Partner demo pages</title></head><body><h1>Partner demo pages</h1>${sections}</body></html>` };
}
