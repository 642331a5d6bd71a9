// Check half: pages drawn with Angular Material and the Angular CDK (compiled in the page, JIT).
import { DIAL, people, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

const css = ['@angular/material/prebuilt-themes/azure-blue.css'];

export const angularPages: CorpusPage[] = [
  {
    name: 'angular-mat-table-flex',
    half: 'check',
    library: 'Angular Material mat-table (element rows)',
    layout: 'flex table of custom elements (mat-table/mat-row/mat-cell with ARIA roles), first/last name columns, national phones resolved by <html lang="en-AU">, paginator',
    url: 'https://app.coralbay-crm.io/leads',
    lang: 'en-AU',
    title: 'Leads — Coral Bay CRM',
    client: 'angular.ts',
    css,
    build(rng) {
      const me = user(rng, 'coralbay-crm.io');
      const list = people(rng, 12, ['AU']);
      return {
        props: {
          kind: 'flex', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, email: p.email, phone: p.phone.national, company: p.company, title: p.title, id: p.id })),
          mailboxes: mailboxes('coralbay-crm.io', ['support']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'support@coralbay-crm.io'] },
      };
    },
  },
  {
    name: 'angular-cdk-table-code',
    half: 'check',
    library: 'Angular CDK table (native table)',
    layout: 'CDK table on <table>; a dial-code cell beside the national number; amounts; the page gives no country',
    url: 'https://ops.marrowline.io/suppliers/contacts',
    lang: 'en',
    title: 'Supplier contacts · Marrowline',
    client: 'angular.ts',
    css,
    build(rng) {
      const me = user(rng, 'marrowline.io');
      const list = people(rng, 10, ['FR', 'DE', 'GB']);
      const local = people(rng, 3, ['US']);
      return {
        props: {
          kind: 'cdk', me: { name: me.name, email: me.email },
          rows: [
            ...list.map((p) => ({ name: p.name, email: p.email, code: DIAL[p.country], phone: p.phone.subscriber, company: p.company, spend: `€${p.amount.toLocaleString('en-GB')}` })),
            ...local.map((p) => ({ name: p.name, email: p.email, code: '', phone: p.phone.national, company: p.company, spend: `€${p.amount.toLocaleString('en-GB')}` })),
          ],
          mailboxes: mailboxes('marrowline.io', ['accounts']),
        },
        truth: {
          view: 'list',
          people: [...list.map((p) => shown(p, ['name', 'email', 'phone', 'company'])), ...local.map((p) => shown(p, ['name', 'email', 'phone', 'company'], 'national'))],
          excluded: [...never(me), 'accounts@marrowline.io'],
        },
      };
    },
  },
  {
    name: 'heyreach-campaign',
    half: 'check',
    library: 'Angular Material mat-table, toolbar',
    layout: 'partner page (HeyReach campaign leads): Name linked to LinkedIn, Headline (never a title), Email (often missing), Job title, Company, Location',
    url: 'https://app.heyreach.io/app/campaigns/48213',
    lang: 'en',
    title: 'Campaign | HeyReach',
    client: 'angular.ts',
    css,
    build(rng) {
      const me = user(rng, 'outboundly-agency.io');
      const list = people(rng, 12, ['US', 'GB', 'DE']);
      const withEmail = (i: number) => i % 3 !== 1;
      return {
        props: {
          kind: 'heyreach', me: { name: me.name, email: me.email },
          rows: list.map((p, i) => ({ name: p.name, slug: p.slug, headline: `${p.title} | helping teams at ${p.company} grow`, email: withEmail(i) ? p.email : '', title: p.title, company: p.company, location: p.city })),
        },
        truth: { view: 'list', people: list.map((p, i) => shown(p, withEmail(i) ? ['name', 'email', 'linkedin', 'company', 'title'] : ['name', 'linkedin', 'company', 'title'])), excluded: never(me) },
      };
    },
  },
  {
    name: 'angular-conversations',
    half: 'check',
    library: 'Angular Material (nav list, card, list)',
    layout: 'conversation list of names only with an open lead panel that repeats the open entry',
    url: 'https://app.replyhub.io/inbox/c/9917',
    lang: 'en-GB',
    title: 'Inbox — Replyhub',
    client: 'angular.ts',
    css,
    build(rng) {
      const me = user(rng, 'replyhub.io');
      const list = people(rng, 8, ['GB']);
      const open = 3;
      const p = list[open]!;
      return {
        props: {
          kind: 'inbox', me: { name: me.name, email: me.email },
          entries: list.map((q, i) => ({ name: q.name, snippet: rng.pick(['Thanks for the intro!', 'Let me check with the team.', 'Could we move the call to 11:30?', 'Not interested right now.', 'Here is the signed copy.']), time: `${1 + rng.int(27)} Feb`, open: i === open })),
          lead: { name: p.name, email: p.email, phone: p.phone.national, company: p.company, title: p.title, slug: p.slug },
        },
        truth: {
          view: 'detail', focused: p.email,
          people: list.map((q, i) => (i === open ? shown(q, ['name', 'email', 'phone', 'linkedin', 'company', 'title']) : shown(q, ['name']))),
          excluded: never(me),
        },
      };
    },
  },
];
