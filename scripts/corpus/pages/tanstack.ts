// Check half: pages drawn with TanStack Table (headless; rendered with React as its examples do).
import { COUNTRY_NAMES, DIAL, people, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

export const tanstackPages: CorpusPage[] = [
  {
    name: 'tanstack-aria-grid',
    half: 'check',
    library: 'TanStack Table (ARIA grid of divs)',
    layout: 'CSS-grid divs with role=grid/row/columnheader/gridcell and aria-colindex; international phones; the user in the header',
    url: 'https://console.brightforge.io/audience/people',
    lang: 'en',
    title: 'Audience · Brightforge',
    client: 'tanstack.tsx',
    build(rng) {
      const me = user(rng, 'brightforge.io');
      const list = people(rng, 15, ['US', 'GB', 'FR', 'AU']);
      return {
        props: {
          kind: 'aria', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ name: p.name, email: p.email, phone: p.phone.international, company: p.company, title: p.title, joined: p.date })),
          mailboxes: mailboxes('brightforge.io', ['support', 'noreply']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'support@brightforge.io', 'noreply@brightforge.io'] },
      };
    },
  },
  {
    name: 'tanstack-display-contents',
    half: 'check',
    library: 'TanStack Table (CSS grid, display: contents rows)',
    layout: 'CSS grid with header cells as sibling divs and rows as display:contents divs (no ARIA); first/last name columns; national phones resolved by a Country column',
    url: 'https://app.gatherly.io/events/311/registrations',
    lang: 'en',
    title: 'Registrations — Gatherly',
    client: 'tanstack.tsx',
    build(rng) {
      const me = user(rng, 'gatherly.io');
      const list = people(rng, 14, ['GB', 'US', 'DE', 'AU', 'FR']);
      return {
        props: {
          kind: 'contents', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, email: p.email, phone: p.phone.national, country: COUNTRY_NAMES[p.country], company: p.company, title: p.title, ticket: `T-${p.id.slice(2)}` })),
          mailboxes: mailboxes('gatherly.io', ['hello']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'hello@gatherly.io'] },
      };
    },
  },
  {
    name: 'tanstack-grouped-table',
    half: 'check',
    library: 'TanStack Table (table with header groups)',
    layout: '<table> with two header rows (column groups), first/last name columns, a code column beside the number, LinkedIn links',
    url: 'https://recruit.pinewood-talent.io/pipeline/candidates',
    lang: 'en',
    title: 'Candidates · Pinewood Talent',
    client: 'tanstack.tsx',
    build(rng) {
      const me = user(rng, 'pinewood-talent.io');
      const list = people(rng, 12, ['GB', 'DE', 'FR', 'AU']);
      return {
        props: {
          kind: 'grouped', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, slug: p.slug, email: p.email, code: DIAL[p.country], phone: p.phone.subscriber, company: p.company, title: p.title, stage: 'Screening' })),
          mailboxes: mailboxes('pinewood-talent.io', ['careers']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'linkedin', 'company', 'title'])), excluded: [...never(me), 'careers@pinewood-talent.io'] },
      };
    },
  },
];
