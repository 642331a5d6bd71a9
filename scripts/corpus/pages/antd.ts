// Check half: pages drawn with Ant Design (Table, virtual Table, Descriptions, List, Card, Tag, Modal).
import { DIAL, HEADLINES, SWITCHBOARD, linkedinOf, people, phoneForms, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

export const antdPages: CorpusPage[] = [
  {
    name: 'antd-table-contacts',
    half: 'check',
    library: 'Ant Design Table',
    layout: 'table; first and last name columns; a country-code column beside the national number; layout header with the user; footer mailboxes and switchboard',
    url: 'https://app.northgate-sales.io/customers/contacts',
    lang: 'en',
    title: 'Contacts - Northgate Sales',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'northgate-sales.io');
      const list = people(rng, 10, ['DE', 'FR', 'GB', 'AU']);
      const boxes = mailboxes('northgate-sales.io', ['help', 'info']);
      return {
        props: {
          kind: 'table', me: { name: me.name, email: me.email },
          rows: list.map((p, i) => ({ key: String(i), first: p.first, last: p.last, email: p.email, code: DIAL[p.country], phone: p.phone.subscriber, company: p.company, title: p.title, updated: p.date })),
          mailboxes: boxes, switchboard: SWITCHBOARD.DE.international,
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), ...boxes, ...phoneForms(SWITCHBOARD.DE)] },
      };
    },
  },
  {
    name: 'antd-table-virtual',
    half: 'check',
    library: 'Ant Design Table (virtual)',
    layout: 'virtual table (rows drawn as divs in a virtual list); names linked to LinkedIn; international phones',
    url: 'https://prospects.tallyho.io/lists/2291',
    lang: 'en',
    title: 'Prospect list · Tallyho',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'tallyho.io');
      const list = people(rng, 50, ['US', 'GB', 'AU', 'DE']);
      return {
        props: {
          kind: 'virtual', me: { name: me.name, email: me.email },
          rows: list.map((p, i) => ({ key: String(i), name: p.name, slug: p.slug, email: p.email, phone: p.phone.international, company: p.company, title: p.title, city: p.city })),
          mailboxes: mailboxes('tallyho.io', ['support']),
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'linkedin', 'company', 'title'])), excluded: [...never(me), 'support@tallyho.io'] },
        rows: list.map((_, i) => i),
      };
    },
  },
  {
    name: 'antd-descriptions-detail',
    half: 'check',
    library: 'Ant Design Descriptions, List',
    layout: 'label/value detail page (bordered Descriptions) of one contact, the owner is the user, colleagues of the contact in a List',
    url: 'https://crm.brackenhill.io/contacts/8812',
    lang: 'en-GB',
    title: 'Contact details — Brackenhill',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'brackenhill.io');
      const [subject, ...related] = people(rng, 4, ['GB']);
      return {
        props: {
          kind: 'detail', me: { name: me.name, email: me.email },
          subject: { name: subject!.name, email: subject!.email, phone: subject!.phone.national, company: subject!.company, title: subject!.title, slug: subject!.slug, created: subject!.date, id: subject!.id },
          related: related.map((p) => ({ name: p.name, email: p.email, title: p.title })),
        },
        truth: {
          view: 'detail', focused: subject!.email,
          people: [shown(subject!, ['name', 'email', 'phone', 'linkedin', 'company', 'title']), ...related.map((p) => shown(p, ['name', 'email']))],
          excluded: never(me),
        },
      };
    },
  },
  {
    name: 'antd-list-directory-de',
    half: 'check',
    library: 'Ant Design List, Avatar',
    layout: 'list with avatars; name in two spans; "title · company" description; national phones resolved by <html lang="de-DE">',
    url: 'https://intranet.falkenried.io/ansprechpartner',
    lang: 'de-DE',
    title: 'Ansprechpartner – Falkenried',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'falkenried.io');
      const list = people(rng, 8, ['DE']);
      return {
        props: {
          kind: 'list', me: { name: me.name, email: me.email },
          items: list.map((p) => ({ first: p.first, last: p.last, title: p.title, company: p.company, email: p.email, phone: p.phone.national })),
          mailboxes: mailboxes('falkenried.io', ['info']), switchboard: SWITCHBOARD.DE.national,
        },
        truth: { view: 'list', people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])), excluded: [...never(me), 'info@falkenried.io', ...phoneForms(SWITCHBOARD.DE)] },
      };
    },
  },
  {
    name: 'antd-mail-thread',
    half: 'check',
    library: 'Ant Design (Tag, Card, Avatar, Typography)',
    layout: 'mail thread: participants as tags with email=/name= attributes, signature blocks, a quoted reply, the signed-in user in the header',
    url: 'https://webmail.quillpost.io/mail/inbox/7731',
    lang: 'en-US',
    title: 'Quarterly review – Quillpost',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'quillpost.io');
      const [a, b] = people(rng, 2, ['US']);
      return {
        props: {
          kind: 'mail', me: { name: me.name, email: me.email },
          from: { name: a!.name, email: a!.email, title: a!.title, company: a!.company, phone: a!.phone.national },
          quoted: { name: b!.name, email: b!.email, title: b!.title, company: b!.company, phone: b!.phone.national, date: 'Mon, Mar 2, 2026 at 4:45 PM' },
          noreply: 'no-reply@quillpost.io',
        },
        truth: {
          view: 'detail',
          people: [shown(a!, ['name', 'email', 'phone', 'company', 'title']), shown(b!, ['name', 'email', 'phone', 'company', 'title'])],
          excluded: [...never(me), 'no-reply@quillpost.io'],
        },
      };
    },
  },
  {
    name: 'antd-profile',
    half: 'check',
    library: 'Ant Design (Typography, Card, List, Modal)',
    layout: 'profile page: h1 name, headline, experience list, an open contact-info modal, relative /in/ links, people also viewed',
    url: 'https://www.linkedin.com/in/placeholder/',
    lang: 'en',
    title: 'Profile',
    client: 'antd.tsx',
    build(rng) {
      const [subject, past, ...others] = people(rng, 7, ['AU', 'US']);
      const me = user(rng, 'mail.io');
      this.url = `https://www.linkedin.com/in/${subject!.slug}/`;
      this.title = `${subject!.name} | LinkedIn`;
      return {
        props: {
          kind: 'profile', me: { name: me.name },
          subject: { name: subject!.name, slug: subject!.slug, headline: rng.pick(HEADLINES), title: subject!.title, company: subject!.company, past: { title: past!.title, company: past!.company }, email: subject!.email, phone: subject!.phone.international, city: subject!.city },
          others: others.map((p) => ({ name: p.name, slug: p.slug, headline: `${p.title} @ ${p.company}` })),
        },
        truth: {
          view: 'detail', focused: linkedinOf(subject!),
          people: [shown(subject!, ['name', 'email', 'phone', 'linkedin', 'company', 'title']), ...others.map((p) => shown(p, ['name', 'linkedin']))],
          excluded: [me.name, past!.company],
        },
      };
    },
  },
  {
    name: 'antd-kanban-deals',
    half: 'check',
    library: 'Ant Design (Card, Flex, Avatar, Tooltip)',
    layout: 'kanban board of deal cards: deal name, amount, contact name and company, owner avatar, close date',
    url: 'https://sales.hopscotch.io/deals/board',
    lang: 'en-GB',
    title: 'Deals board · Hopscotch',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'hopscotch.io');
      const list = people(rng, 9, ['GB']);
      const stages = ['New', 'Demo booked', 'Proposal sent'];
      return {
        props: {
          kind: 'kanban', me: { name: me.name, email: me.email },
          stages: stages.map((s, i) => ({ name: s, deals: list.filter((_, k) => k % 3 === i).map((p) => ({ deal: `${p.company} – ${rng.pick(['Starter plan', 'Team plan', 'Onboarding'])}`, amount: `£${p.amount.toLocaleString('en-GB')}`, contact: p.name, company: p.company, close: p.date })) })),
        },
        truth: { view: 'list', people: stages.flatMap((_, i) => list.filter((__, j) => j % 3 === i)).map((p) => shown(p, ['name', 'company'])), excluded: never(me) },
      };
    },
  },
  {
    name: 'heygen-members',
    half: 'check',
    library: 'Ant Design Table, Tabs, Tag',
    layout: 'partner page (HeyGen settings?nav=members): workspace members and pending invites with email, name, role, status; the "(You)" row is the user',
    url: 'https://app.heygen.com/settings?nav=members',
    lang: 'en',
    title: 'Settings | HeyGen',
    client: 'antd.tsx',
    build(rng) {
      const me = user(rng, 'brightreel-agency.io');
      const list = people(rng, 6, ['US', 'GB']);
      const invites = people(rng, 2, ['AU']);
      return {
        props: {
          kind: 'members', me: { name: me.name, email: me.email },
          members: list.map((p) => ({ name: p.name, email: p.email, role: rng.pick(['Admin', 'Member']), joined: p.date })),
          invites: invites.map((p) => ({ email: p.email, role: 'Member', sent: p.date })),
        },
        truth: { view: 'list', people: [...list.map((p) => shown(p, ['name', 'email'])), ...invites.map((p) => shown(p, ['email']))], excluded: never(me) },
      };
    },
  },
];
