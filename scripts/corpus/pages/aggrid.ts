// Tuning half: pages drawn with AG Grid Community (a grid of divs with ARIA roles, virtualised).
import { COUNTRY_NAMES, DIAL, people, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

export const aggridPages: CorpusPage[] = [
  {
    name: 'aggrid-contacts',
    half: 'tuning',
    library: 'AG Grid Community',
    layout: 'ARIA treegrid of divs, virtualised rows, first/last name columns, national phones resolved by a Country column, amounts and ids',
    url: 'https://app.ledgerline.io/crm/contacts',
    lang: 'en',
    title: 'Contacts | Ledgerline',
    client: 'aggrid.ts',
    build(rng) {
      const me = user(rng, 'ledgerline.io');
      const list = people(rng, 60, ['GB', 'US', 'AU', 'DE', 'FR']);
      return {
        props: {
          kind: 'contacts',
          me: { name: me.name, email: me.email },
          columns: [['firstName', 'First name'], ['lastName', 'Last name'], ['email', 'Email'], ['phone', 'Phone'], ['country', 'Country'], ['company', 'Company'], ['title', 'Job title'], ['value', 'Deal value'], ['id', 'ID']],
          rows: list.map((p) => ({ firstName: p.first, lastName: p.last, email: p.email, phone: p.phone.national, country: COUNTRY_NAMES[p.country], company: p.company, title: p.title, value: `€${p.amount.toLocaleString('en-GB')}.00`, id: p.id })),
          mailboxes: mailboxes('ledgerline.io', ['support']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'support@ledgerline.io'] },
        rows: list.map((_, i) => i),
      };
    },
  },
  {
    name: 'aggrid-leads-split-phone',
    half: 'tuning',
    library: 'AG Grid Community',
    layout: 'ARIA grid of divs; a country-code column beside the national number; names linked to LinkedIn',
    url: 'https://outreach.sendloop.io/campaigns/77/leads',
    lang: 'en',
    title: 'Campaign leads — Sendloop',
    client: 'aggrid.ts',
    build(rng) {
      const me = user(rng, 'sendloop.io');
      const list = people(rng, 16, ['GB', 'AU', 'DE', 'FR']);
      return {
        props: {
          kind: 'leads',
          me: { name: me.name, email: me.email },
          columns: [['name', 'Lead'], ['code', 'Code'], ['phone', 'Phone number'], ['company', 'Company'], ['title', 'Title'], ['status', 'Status']],
          rows: list.map((p) => ({ name: p.name, slug: p.slug, code: DIAL[p.country], phone: p.phone.subscriber, company: p.company, title: p.title, status: rng.pick(['Contacted', 'Replied', 'Bounced', 'Queued']) })),
          mailboxes: mailboxes('sendloop.io', ['hello']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'phone', 'linkedin', 'company', 'title'])), excluded: [...never(me), 'hello@sendloop.io'] },
        rows: list.map((_, i) => i),
      };
    },
  },
  {
    name: 'aggrid-deals',
    half: 'tuning',
    library: 'AG Grid Community',
    layout: 'ARIA grid of divs; deals with a contact, an amount, a stage and the signed-in user as owner',
    url: 'https://app.ledgerline.io/crm/deals?view=all',
    lang: 'en-US',
    title: 'Deals | Ledgerline',
    client: 'aggrid.ts',
    build(rng) {
      const me = user(rng, 'ledgerline.io');
      const list = people(rng, 14, ['US']);
      return {
        props: {
          kind: 'deals',
          me: { name: me.name, email: me.email },
          columns: [['deal', 'Deal'], ['contact', 'Contact'], ['email', 'Contact email'], ['company', 'Company'], ['amount', 'Amount'], ['stage', 'Stage'], ['owner', 'Owner'], ['close', 'Close date']],
          rows: list.map((p) => ({ deal: `${p.company} — ${rng.pick(['Platform', 'Seats', 'Services'])}`, contact: p.name, email: p.email, company: p.company, amount: `$${p.amount.toLocaleString('en-US')}`, stage: rng.pick(['Discovery', 'Proposal', 'Closed won']), owner: me.name, close: p.date })),
          mailboxes: mailboxes('ledgerline.io', ['billing']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'company'])), excluded: [...never(me), 'billing@ledgerline.io'] },
        rows: list.map((_, i) => i),
      };
    },
  },
];
