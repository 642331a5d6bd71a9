// Tuning half: pages drawn with Bootstrap 5 (its CSS and the markup its documentation gives).
import { COUNTRY_NAMES, DIAL, SWITCHBOARD, linkedinOf, people, phoneForms, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

const css = ['bootstrap/dist/css/bootstrap.min.css'];

export const bootstrapPages: CorpusPage[] = [
  {
    name: 'bootstrap-table-contacts',
    half: 'tuning',
    library: 'Bootstrap table',
    layout: 'striped table; a hidden modal with an example person; example data in <pre><code>; footer mailboxes and switchboard',
    url: 'https://accounts.pebblecrm.io/contacts',
    lang: 'en-US',
    title: 'Contacts – Pebble CRM',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'pebblecrm.io');
      const list = people(rng, 12, ['US']);
      const [hidden] = people(rng, 1, ['US']);
      const boxes = mailboxes('pebblecrm.io', ['info', 'sales']);
      return {
        props: {
          kind: 'table', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ name: p.name, email: p.email, phone: p.phone.national, company: p.company, title: p.title, id: p.id })),
          hidden: { name: hidden!.name, email: hidden!.email, phone: hidden!.phone.national },
          example: { name: 'Jane Example', email: 'jane@example.com', phone: '+1 202 555 0199' },
          mailboxes: boxes, switchboard: SWITCHBOARD.US.national,
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), hidden!.name, hidden!.email, 'Jane Example', 'jane@example.com', '+12025550199', ...boxes, ...phoneForms(SWITCHBOARD.US)],
        },
      };
    },
  },
  {
    name: 'bootstrap-cards-fr',
    half: 'tuning',
    library: 'Bootstrap card, list-group',
    layout: 'card grid in French; national phones resolved by <html lang="fr-FR">; names split in two spans',
    url: 'https://www.cabinet-ardoise.io/equipe-commerciale',
    lang: 'fr-FR',
    title: 'Nos interlocuteurs — Cabinet Ardoise',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'ardoise.io');
      const list = people(rng, 9, ['FR']);
      return {
        props: {
          kind: 'cards', me: { name: me.name, email: me.email },
          cards: list.map((p) => ({ first: p.first, last: p.last, title: p.title, company: p.company, email: p.email, phone: p.phone.national })),
          mailboxes: mailboxes('ardoise.io', ['contact']),
          switchboard: SWITCHBOARD.FR.national,
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'contact@ardoise.io', ...phoneForms(SWITCHBOARD.FR)] },
      };
    },
  },
  {
    name: 'bootstrap-detail',
    half: 'tuning',
    library: 'Bootstrap description list, list-group',
    layout: 'label/value detail page (dl.row of dt/dd) of one contact, the owner is the user, related contacts in a list group',
    url: 'https://crm.wattleworks.io/contacts/C-20417',
    lang: 'en-AU',
    title: 'Contact · Wattleworks CRM',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'wattleworks.io');
      const [subject, ...related] = people(rng, 4, ['AU']);
      return {
        props: {
          kind: 'detail', me: { name: me.name, email: me.email },
          subject: { name: subject!.name, email: subject!.email, phone: subject!.phone.national, company: subject!.company, title: subject!.title, slug: subject!.slug, id: subject!.id, created: subject!.date },
          related: related.map((p) => ({ name: p.name, email: p.email })),
          mailboxes: mailboxes('wattleworks.io', ['help']),
        },
        truth: {
          view: 'detail', focused: subject!.email,
          people: [shown(subject!, ['name', 'email', 'phone', 'linkedin', 'company', 'title']), ...related.map((p) => shown(p, ['name', 'email']))],
          excluded: [...never(me), 'help@wattleworks.io'],
        },
      };
    },
  },
  {
    name: 'bootstrap-inbox',
    half: 'tuning',
    library: 'Bootstrap list group, card',
    layout: 'helpdesk inbox as Bootstrap’s list group with custom content: each entry a link with the sender’s name in an <h6>, a <small> time, the last message under it; no avatars; the open conversation’s contact card (name, company, email, phone) beside',
    url: 'https://desk.tidewell.io/inbox/c/7731',
    lang: 'en-GB',
    title: 'Inbox – Tidewell Helpdesk',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'tidewell.io');
      const list = people(rng, 9, ['GB']).filter((p) => p.name !== me.name).slice(0, 8); // never the user's namesake
      const open = 2;
      const lead = list[open]!;
      return {
        props: {
          kind: 'inbox', me: { name: me.name, email: me.email }, open,
          entries: list.map((p, i) => ({ id: String(7727 + i * 2), name: p.name,
            preview: rng.pick(['The export has stopped working', 'Invoice for March', 'Re: onboarding call', 'Password reset not arriving', 'Thanks for the quick fix!']),
            time: rng.pick(['3 mins ago', '1 hour ago', '2 days ago', '14:05', 'Mon']) })),
          lead: { name: lead.name, email: lead.email, phone: lead.phone.national, company: lead.company },
          mailboxes: mailboxes('tidewell.io', ['support']),
        },
        truth: {
          view: 'detail', focused: lead.email,
          people: list.map((p, i) => (i === open ? shown(p, ['name', 'email', 'phone', 'company']) : shown(p, ['name']))),
          excluded: [...never(me), 'support@tidewell.io'],
        },
      };
    },
  },
  {
    name: 'helloleads-leads',
    half: 'tuning',
    library: 'Bootstrap table, navbar',
    layout: 'partner page (HelloLeads leads list): first/last name columns, Mobile, Designation, Organization; navbar with the user',
    url: 'https://app.helloleads.io/index.php/app/account/layout#/leads',
    lang: 'en',
    title: 'Leads | HelloLeads',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'helloleads-agency.io');
      const list = people(rng, 10, ['AU', 'GB', 'US']);
      return {
        props: {
          kind: 'helloleads', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, email: p.email, phone: p.phone.international, title: p.title, company: p.company, stage: 'Prospect', potential: 'Medium' })),
          mailboxes: ['support@helloleads-agency.io'],
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'support@helloleads-agency.io'] },
      };
    },
  },
  {
    name: 'bootstrap-grid-list',
    half: 'tuning',
    library: 'Bootstrap grid (.row/.col)',
    layout: 'a list built of grid rows: header cells as sibling divs above row divs; names in two spans; phones as a +code element beside the national number; country column',
    url: 'https://portal.kettlebridge.io/attendees',
    lang: 'en',
    title: 'Attendees – Kettlebridge Events',
    client: 'bootstrap.ts',
    css,
    build(rng) {
      const me = user(rng, 'kettlebridge.io');
      const list = people(rng, 12, ['GB', 'DE', 'AU', 'FR']);
      return {
        props: {
          kind: 'grid', me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, email: p.email, code: DIAL[p.country], phone: p.phone.subscriber, country: COUNTRY_NAMES[p.country], company: p.company, title: p.title, slug: p.slug })),
          mailboxes: mailboxes('kettlebridge.io', ['info', 'noreply']),
        },
        truth: {
          view: 'list',
          people: list.map((p) => ({ ...shown(p, ['name', 'email', 'phone', 'company', 'title']), linkedin: linkedinOf(p) })),
          excluded: [...never(me), 'info@kettlebridge.io', 'noreply@kettlebridge.io'],
        },
      };
    },
  },
];
