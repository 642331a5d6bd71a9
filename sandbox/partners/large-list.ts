// A large HeyReach lead list (200 leads) for the bulk-tag demo and browser test: the first 200
// contacts with an email of the first location of the default seed, as a static page served under
// the partner's real host like the other demo pages (the proxy serves any file below the site's
// folder: https://app.heyreach.io/app/lists/leads-200.html). It is not one of `partnerSites`' pages,
// whose people are those of people.ts. Regenerate after changing the seed data:
//   npx tsx sandbox/partners/large-list.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedWorld } from '../seed.ts';
import type { Contact } from '../types.ts';
import { partnerPeople } from './people.ts';

export const LARGE_LIST = {
  host: 'app.heyreach.io',
  path: '/app/lists/leads-200.html',
  file: new URL('./heyreach/app/lists/leads-200.html', import.meta.url),
  size: 200,
} as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The contacts on the page: seeded with the sandbox's defaults, so their ids are the sandbox's.
 * `size`: more of them for bigger lists (the browser tests and the bench make 500- and 620-lead
 * pages with `renderLeadList`; the seed has about 950 such contacts).
 */
export function largeListContacts(seed = 42, size: number = LARGE_LIST.size): Contact[] {
  const world = seedWorld({ seed, now: Date.now() });
  const partnerEmails = new Set(partnerPeople.map((p) => p.email?.toLowerCase()).filter(Boolean));
  const names = new Set<string>(); // two leads of one name would read as one person on a page
  return world.store
    .contactsOf(world.locations[0]!.id)
    .filter((c) => c.email && c.firstName && c.lastName && !partnerEmails.has(c.email.toLowerCase()))
    .filter((c) => !names.has(`${c.firstName} ${c.lastName}`) && names.add(`${c.firstName} ${c.lastName}`))
    .slice(0, size);
}

function row(c: Contact, i: number): string {
  const name = `${c.firstName} ${c.lastName}`;
  const initials = `${c.firstName![0]}${c.lastName![0]}`;
  return `    <div class="user-row" data-lead-id="${95000 + i}"><span class="row-cells">
      <span class="lead"><span class="avatar">${esc(initials)}</span><span class="lead-name">${esc(name)}</span></span>
      <span class="headline">${esc(c.companyName ?? '')}</span>
      <span>${esc(c.email!)}</span><span>—</span><span>${esc(c.companyName ?? '—')}</span><span>${esc(c.city ?? '—')}</span></span></div>`;
}

export function renderLeadList(contacts: Contact[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>HeyReach – Lead list (${contacts.length} leads)</title>
<style>
  body { margin:0; font:14px/1.45 system-ui, sans-serif; color:#1c1f2e; background:#f6f7fb; }
  mat-toolbar { display:flex; align-items:center; height:56px; padding:0 20px; background:#fff; border-bottom:1px solid #e6e8f0; font-weight:800; color:#5b4cf5; }
  main { padding:24px 28px; }
  linkedin-reusable-user-list { display:block; background:#fff; border:1px solid #e6e8f0; border-radius:12px; }
  .head-row, .row-cells { display:grid; grid-template-columns:1.5fr 1.5fr 2fr 1fr 1.5fr 1fr; gap:12px; padding:8px 16px; }
  .head-row { color:#6b7085; font-size:12px; text-transform:uppercase; }
  .user-row { border-top:1px solid #e6e8f0; }
  .avatar { display:inline-grid; place-items:center; width:28px; height:28px; border-radius:50%; background:#5b4cf5; color:#fff; font-size:11px; margin-right:8px; }
</style>
</head>
<body>
<mat-toolbar>HeyReach</mat-toolbar>
<main>
  <h1>Lead list · ${contacts.length} leads</h1>
  <linkedin-reusable-user-list>
   <div class="user-list">
    <div class="list-head"><span class="head-row"><span>Name</span><span>Headline</span><span>Email</span><span>Job title</span><span>Company</span><span>Location</span></span></div>
${contacts.map(row).join('\n')}
   </div>
  </linkedin-reusable-user-list>
</main>
</body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(LARGE_LIST.file, renderLeadList(largeListContacts()));
  process.stdout.write(`wrote ${fileURLToPath(LARGE_LIST.file)}\n`);
}
