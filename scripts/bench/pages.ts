// Partner-like pages generated for the bench, served under a partner app's real host (so the
// content script runs on them) by answering the tab's own request: a lead panel for one contact
// (HeyReach's Unibox, a "detail" route that focuses its lead), and a campaign list of many.
import type { Page } from 'puppeteer-core';
import type { Sandbox } from '../../sandbox/server';
import type { Contact } from '../../sandbox/types';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
export const fullName = (c: Contact) => `${c.firstName} ${c.lastName}`;

/** contacts of the first location that the matcher finds by email alone, one per address */
export function matchableContacts(sandbox: Sandbox): Contact[] {
  const all = [...sandbox.state.contacts.values()].filter((c) => c.locationId === sandbox.locationId);
  const count = new Map<string, number>();
  for (const c of all) if (c.email) count.set(c.email.toLowerCase(), (count.get(c.email.toLowerCase()) ?? 0) + 1);
  return all.filter((c) => c.email && c.firstName && c.lastName && count.get(c.email.toLowerCase()) === 1 && /^[A-Z][a-z]+$/.test(c.firstName) && /^[A-Z][a-z]+$/.test(c.lastName));
}

export function leadPanelPage(c: Contact): string {
  return `<!doctype html><html lang="en"><head><title>Unibox</title></head><body><main>
<aside data-lead-panel><h2 class="lead-name">${esc(fullName(c))}</h2><dl><dt>Email</dt><dd>${esc(c.email!)}</dd></dl></aside>
</main></body></html>`;
}

export function campaignPage(people: Contact[]): string {
  const rows = people.map((c) => `<tr><td>${esc(fullName(c))}</td><td>${esc(c.email!)}</td></tr>`).join('');
  return `<!doctype html><html lang="en"><head><title>Campaign leads</title></head><body><main>
<table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}

/** opens `url` in a new tab, answering its request with `html` */
export async function openGeneratedPage(newPage: () => Promise<Page>, url: string, html: string): Promise<Page> {
  const page = await newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (req.url() === url) void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    else void req.continue();
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
