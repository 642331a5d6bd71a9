// Tuning half: pages drawn with MUI (@mui/material, @mui/x-data-grid).
import { COUNTRY_NAMES, HEADLINES, SWITCHBOARD, linkedinOf, people, phoneForms, user } from '../people';
import { mailboxes, never, shown } from '../truth';
import type { CorpusPage } from '../types';

const STATUS = ['Active', 'Lead', 'Customer', 'Churned', 'Trial'];

export const muiPages: CorpusPage[] = [
  {
    name: 'mui-table-contacts',
    half: 'tuning',
    library: 'MUI Table',
    layout: 'table; avatar, name and email stacked in one cell; status chips; account menu; footer mailboxes and switchboard',
    url: 'https://app.brightledger.io/contacts?page=1',
    lang: 'en-GB',
    title: 'Contacts · Brightledger',
    client: 'mui-table.tsx',
    build(rng) {
      const me = user(rng, 'brightledger.io');
      const list = people(rng, 14, ['GB', 'US', 'DE', 'AU']);
      const boxes = mailboxes('brightledger.io', ['support', 'sales']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone.international, company: p.company, title: p.title, status: rng.pick(STATUS), added: p.date })),
          mailboxes: boxes,
          switchboard: SWITCHBOARD.GB.international,
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), ...boxes, ...phoneForms(SWITCHBOARD.GB)],
        },
      };
    },
  },
  {
    name: 'mui-datagrid-people',
    half: 'tuning',
    library: 'MUI X DataGrid',
    layout: 'ARIA grid of divs (role=grid/row/gridcell, aria-colindex), virtualised rows, first and last name in separate columns, national phones resolved by <html lang>',
    url: 'https://crm.fernhollow.io/people',
    lang: 'en-GB',
    title: 'People — Fernhollow CRM',
    client: 'mui-datagrid.tsx',
    build(rng) {
      const me = user(rng, 'fernhollow.io');
      const list = people(rng, 45, ['GB']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          rows: list.map((p, i) => ({ id: i, firstName: p.first, lastName: p.last, email: p.email, phone: p.phone.national, company: p.company, jobTitle: p.title, owner: me.name, created: p.date })),
          mailboxes: mailboxes('fernhollow.io', ['help']),
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), 'help@fernhollow.io'],
        },
        rows: list.map((_, i) => i),
      };
    },
  },
  {
    name: 'mui-cards-directory',
    half: 'tuning',
    library: 'MUI Card',
    layout: 'card grid: CardHeader with avatar, name and title; company; email and phone as links; header switchboard',
    url: 'https://partners.quaymark.io/directory',
    lang: 'en',
    title: 'Partner directory · Quaymark',
    client: 'mui-cards.tsx',
    build(rng) {
      const me = user(rng, 'quaymark.io');
      const list = people(rng, 12, ['US', 'AU', 'GB']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          cards: list.map((p) => ({ name: p.name, title: p.title, company: p.company, email: p.email, phone: p.phone.international, city: p.city })),
          switchboard: SWITCHBOARD.US.international,
          mailboxes: mailboxes('quaymark.io', ['partners', 'hello']),
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), 'partners@quaymark.io', 'hello@quaymark.io', ...phoneForms(SWITCHBOARD.US)],
        },
      };
    },
  },
  {
    name: 'mui-mail-thread',
    half: 'tuning',
    library: 'MUI (Chip, Card, Menu)',
    layout: 'mail thread: participants as chips with email=/name= attributes, signature blocks, a quoted reply, the signed-in user in an account menu',
    url: 'https://mail.orbitpost.io/#inbox/thread/18c2f0a9',
    lang: 'en-GB',
    title: 'Re: Renewal terms — Orbitpost Mail',
    client: 'mui-mail.tsx',
    build(rng) {
      const me = user(rng, 'orbitpost.io');
      const [a, b] = people(rng, 2, ['GB']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          from: { name: a!.name, email: a!.email, title: a!.title, company: a!.company, phone: a!.phone.international },
          quoted: { name: b!.name, email: b!.email, title: b!.title, company: b!.company, date: 'Tue, 3 Mar 2026 at 09:14' },
          noreply: 'noreply@orbitpost.io',
        },
        truth: {
          view: 'detail',
          people: [shown(a!, ['name', 'email', 'phone', 'company', 'title']), shown(b!, ['name', 'email', 'company', 'title'])],
          excluded: [...never(me), 'noreply@orbitpost.io'],
        },
      };
    },
  },
  {
    name: 'mui-profile',
    half: 'tuning',
    library: 'MUI (Typography, List, Dialog)',
    layout: 'profile page: h1 name, headline, current position, an open contact-info dialog, relative /in/ links, people also viewed',
    url: 'https://www.linkedin.com/in/placeholder/',
    lang: 'en',
    title: 'Profile',
    client: 'mui-profile.tsx',
    build(rng) {
      const [subject, past, ...others] = people(rng, 6, ['GB', 'US']);
      const me = user(rng, 'mail.io');
      this.url = `https://www.linkedin.com/in/${subject!.slug}/`;
      this.title = `${subject!.name} | LinkedIn`;
      return {
        props: {
          me: { name: me.name },
          subject: { name: subject!.name, slug: subject!.slug, headline: rng.pick(HEADLINES), title: subject!.title, company: subject!.company, past: { title: past!.title, company: past!.company }, email: subject!.email, phone: subject!.phone.international, city: subject!.city },
          others: others.map((p) => ({ name: p.name, slug: p.slug, headline: `${p.title} at ${p.company}` })),
        },
        truth: {
          view: 'detail',
          focused: linkedinOf(subject!),
          people: [shown(subject!, ['name', 'email', 'phone', 'linkedin', 'company', 'title']), ...others.map((p) => shown(p, ['name', 'linkedin']))],
          excluded: [me.name, past!.company],
        },
      };
    },
  },
  {
    name: 'mui-kanban-deals',
    half: 'tuning',
    library: 'MUI (Card, Stack, Avatar)',
    layout: 'kanban board of deal cards: deal name, amount, contact name and company, owner avatar, close date',
    url: 'https://app.dealflow.io/pipeline/board',
    lang: 'en-US',
    title: 'Pipeline · Dealflow',
    client: 'mui-kanban.tsx',
    build(rng) {
      const me = user(rng, 'dealflow.io');
      const list = people(rng, 10, ['US']);
      const stages = ['Qualified', 'Proposal', 'Negotiation', 'Won'];
      return {
        props: {
          me: { name: me.name, email: me.email },
          stages: stages.map((s, i) => ({ name: s, deals: list.filter((_, k) => k % 4 === i).map((p) => ({ deal: `${rng.pick(['Annual licence', 'Pilot', 'Expansion', 'Renewal'])} — ${p.company}`, amount: `$${p.amount.toLocaleString('en-US')}`, contact: p.name, email: k(p) ? p.email : undefined, company: p.company, close: p.date })) })),
        },
        truth: {
          view: 'list',
          people: stages.flatMap((_, i) => list.filter((__, j) => j % 4 === i)).map((p) => shown(p, k(p) ? ['name', 'email', 'company'] : ['name', 'company'])),
          excluded: never(me),
        },
      };
      function k(p: { email: string }) {
        return p.email.length % 2 === 0;
      }
    },
  },
  {
    name: 'mui-conversations',
    half: 'tuning',
    library: 'MUI (List, ListItemButton, Paper)',
    layout: 'conversation list of names only with an open lead panel that repeats the open entry',
    url: 'https://inbox.chattermill.io/conversations/4821',
    lang: 'en-US',
    title: 'Inbox · Chattermill',
    client: 'mui-conversations.tsx',
    build(rng) {
      const me = user(rng, 'chattermill.io');
      const list = people(rng, 9, ['US', 'GB']);
      const open = 2;
      return {
        props: {
          me: { name: me.name, email: me.email },
          entries: list.map((p, i) => ({ name: p.name, snippet: i === 4 ? 'Thanks! I also wrote to support@chattermill.io about the invoice.' : rng.pick(['Sounds good, talk Thursday.', 'Can you send the deck again?', 'We are reviewing it internally.', 'Great call today!', 'Is the pilot still on for May?']), time: `${1 + rng.int(11)}:${String(rng.int(60)).padStart(2, '0')} PM`, unread: rng.chance(0.3) })),
          open,
          lead: { name: list[open]!.name, email: list[open]!.email, phone: list[open]!.phone.international, company: list[open]!.company, title: list[open]!.title, slug: list[open]!.slug },
        },
        truth: {
          view: 'detail',
          focused: list[open]!.email,
          people: list.map((p, i) => (i === open ? shown(p, ['name', 'email', 'phone', 'linkedin', 'company', 'title']) : shown(p, ['name']))),
          excluded: [...never(me), 'support@chattermill.io'],
        },
      };
    },
  },
  {
    name: 'mui-members',
    half: 'tuning',
    library: 'MUI Table',
    layout: 'team members page (settings?nav=members): members and pending invites with email, name, role, status; the "(You)" row is the user',
    url: 'https://studio.framewise.io/settings?nav=members',
    lang: 'en',
    title: 'Members · Framewise',
    client: 'mui-members.tsx',
    build(rng) {
      const me = user(rng, 'framewise.io');
      const list = people(rng, 7, ['GB', 'US']);
      const invites = people(rng, 3, ['US']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          members: list.map((p) => ({ name: p.name, email: p.email, role: rng.pick(['Admin', 'Member', 'Viewer']), lastActive: p.date })),
          invites: invites.map((p) => ({ email: p.email, role: rng.pick(['Member', 'Viewer']), sent: p.date })),
        },
        truth: {
          view: 'list',
          people: [...list.map((p) => shown(p, ['name', 'email'])), ...invites.map((p) => shown(p, ['email']))],
          excluded: never(me),
        },
      };
    },
  },
  {
    name: 'mui-grid-contents',
    half: 'tuning',
    library: 'MUI Box (CSS grid)',
    layout: 'CSS grid of plain boxes, no ARIA: header cells as sibling divs, rows as display: contents boxes; first and last name apart; national mobiles read with a Country column (<html lang> names no region)',
    url: 'https://app.quillstone.io/prospects',
    lang: 'en',
    title: 'Prospects · Quillstone',
    client: 'mui-grid-contents.tsx',
    build(rng) {
      const me = user(rng, 'quillstone.io');
      const list = people(rng, 12, ['GB', 'US', 'AU', 'DE', 'FR']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ first: p.first, last: p.last, email: p.email, country: COUNTRY_NAMES[p.country], phone: p.phone.national, company: p.company, role: p.title, owner: me.name, updated: p.date })),
          mailboxes: mailboxes('quillstone.io', ['hello']),
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), 'hello@quillstone.io'],
        },
      };
    },
  },
  {
    name: 'mui-chat',
    half: 'tuning',
    library: 'MUI (List, ListItem, ListItemText, Chip)',
    layout: 'chat list of names only (time and unread count on the name line, last message under it) and the open chat headed by its name; no details panel',
    url: 'https://web.parleymint.io/chats/77',
    lang: 'en-GB',
    title: 'Chats · Parleymint',
    client: 'mui-chat.tsx',
    build(rng) {
      const me = user(rng, 'parleymint.io');
      const list = people(rng, 8, ['GB', 'US']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          chats: list.map((p) => ({ name: p.name, preview: rng.pick(['See you at the demo!', 'Could you resend the quote?', 'Thanks, that helps a lot.', 'Let us catch up next week.', 'Perfect, booked.']), time: rng.pick(['09:14', '11:02', 'Yesterday', 'Mon', '3 Mar']), unread: rng.chance(0.4) ? 1 + rng.int(5) : 0 })),
          open: 1,
        },
        truth: {
          people: list.map((p) => shown(p, ['name'])),
          excluded: never(me),
        },
      };
    },
  },
  ...[false, true].map((links): CorpusPage => ({
    name: links ? 'mui-inbox-links' : 'mui-inbox-nav',
    half: 'tuning',
    library: 'MUI (List component=nav, ListItemButton, Drawer, Badge)',
    layout: links
      ? 'conversation list in a role=navigation container, a listbox whose entries are links (/conversations/<id>, role=option): avatar, name, last message, time, unread count; unlabelled app and account navs in a drawer; the open lead’s details beside'
      : 'conversation list in an unlabelled <nav> (ListItemButton entries: avatar, name, last message, time, unread count); the app’s labelled navigation and the user’s account entry in a drawer; the open lead’s details beside',
    url: links ? 'https://app.relaydesk.io/conversations/c-5821' : 'https://app.relaydesk.io/inbox/open',
    lang: links ? 'en-US' : 'en-GB',
    title: 'Inbox · Relaydesk',
    client: 'mui-inbox-nav.tsx',
    build(rng) {
      const me = user(rng, 'relaydesk.io');
      const list = people(rng, 10, links ? ['US'] : ['GB']);
      const open = links ? 0 : 3;
      const lead = list[open]!;
      return {
        props: {
          me: { name: me.name, email: me.email },
          links,
          menu: links ? ['Inbox', 'Contacts', 'Help Center', 'Reports', 'Settings'] : ['Inbox', 'Contacts', 'Reports', 'Settings'],
          entries: list.map((p, i) => ({ id: `c-${5821 + i * 7}`, name: p.name, preview: rng.pick(['Can we move the call to Friday?', 'Got it, thanks!', 'What does the Pro plan include?', 'The invoice is attached.', 'Is there a discount for annual billing?']), time: rng.pick(['10:42', '09:05', 'Yesterday', 'Mon', '3 Mar']), unread: rng.chance(0.4) ? 1 + rng.int(4) : 0 })),
          open,
          lead: { name: lead.name, email: lead.email, phone: lead.phone.international, company: lead.company },
        },
        truth: {
          view: 'detail',
          focused: lead.email,
          people: list.map((p, i) => (i === open ? shown(p, ['name', 'email', 'phone', 'company']) : shown(p, ['name']))),
          excluded: never(me),
        },
      };
    },
  })),
  {
    name: 'mui-mail-me',
    half: 'tuning',
    library: 'MUI (Drawer, Card, Tooltip, Chip)',
    layout: 'mail thread: the user’s own message sent as "me <address>" with their signature, others addressed "to me"; the account block (avatar, name, email) at the foot of the folders drawer in an <aside>; the header’s account button named by a tooltip; participants as chips, sender lines and signatures',
    url: 'https://larkmail.io/mail/inbox/t/9f31c2',
    lang: 'en-GB',
    title: 'Q3 rollout plan — Larkmail',
    client: 'mui-mail-me.tsx',
    build(rng) {
      const me = user(rng, 'larkmail.io');
      const [a, b] = people(rng, 2, ['GB']);
      const sender = (p: typeof a) => ({ name: p!.name, email: p!.email, title: p!.title, company: p!.company, phone: p!.phone.international });
      return {
        props: { me: { name: me.name, email: me.email, title: me.title }, a: sender(a), b: sender(b), folders: ['Inbox', 'Starred', 'Sent', 'Drafts', 'Archive'] },
        truth: {
          view: 'list',
          people: [shown(a!, ['name', 'email', 'phone', 'company', 'title']), shown(b!, ['name', 'email', 'company', 'title'])],
          excluded: never(me),
        },
      };
    },
  },
  ...[false, true].map((divs): CorpusPage => ({
    name: divs ? 'mui-virtual-divs' : 'mui-virtual-table',
    half: 'tuning',
    library: divs ? 'MUI Box (virtualised div rows)' : 'MUI Table (head) + virtualised div rows',
    layout: (divs ? 'virtualised grid of divs: the header a row of divs' : 'virtualised table: the header a <table><thead>') + ' in a container of its own, the body absolutely placed div rows of fixed-width flex cells in a scrolling container (only the rows in view rendered); Name, Email, Country, national Phone, Company, Job title',
    url: divs ? 'https://app.tallyroute.com/accounts/people' : 'https://app.tallyroute.com/contacts',
    lang: 'en',
    title: 'Contacts · Tallyroute',
    client: 'mui-virtual-table.tsx',
    build(rng) {
      const me = user(rng, 'tallyroute.com');
      const list = people(rng, 60, ['GB', 'US', 'AU', 'DE', 'FR']);
      return {
        props: {
          me: { name: me.name, email: me.email },
          rows: list.map((p) => ({ name: p.name, email: p.email, country: COUNTRY_NAMES[p.country], phone: p.phone.national, company: p.company, title: p.title, updated: p.date })),
          mailboxes: mailboxes('tallyroute.com', ['support']),
          divs,
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company', 'title'])),
          excluded: [...never(me), 'support@tallyroute.com'],
        },
        rows: list.map((_, i) => i),
      };
    },
  })),

  ...(['buttons', 'select', 'tabs', 'aside'] as const).map((build): CorpusPage => ({
    name: `mui-inbox-${build}`,
    half: 'tuning',
    library: { buttons: 'MUI (ListItemButton component=button, Badge)', select: 'MUI (List role=listbox, ListItem role=option, Checkbox)', tabs: 'MUI (Tabs orientation=vertical, Tab)', aside: 'MUI (Box as <aside><ul><li>, Typography)' }[build],
    layout: {
      buttons: 'conversation list of <button> entries (avatar, name, last message, time, unread count) in a plain Paper, no landmark; the open lead’s details beside',
      select: 'multi-select role=listbox of role=option entries, a checkbox each (avatar, name, "Title · Company", time, unread count); the open lead’s details beside',
      tabs: 'conversations as a vertical role=tablist of role=tab buttons (avatar, name, last message, time, unread count), the open one’s role=tabpanel and the lead’s details beside',
      aside: 'conversation list as a plain <ul> in an <aside>, each entry one line "Name · last message" (name and preview in one parent), time, unread count; the open lead’s details beside',
    }[build],
    url: `https://app.threadline.io/inbox/${build === 'select' ? 'leads' : 'all'}`,
    lang: build === 'tabs' ? 'en-US' : 'en-GB',
    title: 'Inbox · Threadline',
    client: 'mui-inbox-lists.tsx',
    build(rng) {
      const me = user(rng, 'threadline.io');
      const list = people(rng, 9, build === 'tabs' ? ['US'] : ['GB']).filter((p) => p.name !== me.name).slice(0, 8); // never the user's namesake
      const open = build === 'buttons' ? 0 : build === 'select' ? 2 : build === 'tabs' ? 5 : 3;
      const lead = list[open]!;
      const position = build === 'select';
      return {
        props: {
          me: { name: me.name, email: me.email },
          build,
          entries: list.map((p, i) => ({ id: `t-${4410 + i * 3}`, name: p.name, second: position ? `${p.title} · ${p.company}` : rng.pick(['Can we move the call to Friday?', 'Got it, thanks!', 'What does the Pro plan include?', 'The invoice is attached.', 'Sounds good, talk soon.']), time: rng.pick(['10:42', '09:05', 'Yesterday', 'Mon', '3 Mar']), unread: rng.chance(0.4) ? 1 + rng.int(4) : 0 })),
          open,
          lead: { name: lead.name, email: lead.email, phone: lead.phone.international, company: lead.company, title: lead.title },
        },
        truth: {
          view: 'detail',
          focused: lead.email,
          people: list.map((p, i) => (i === open ? shown(p, ['name', 'email', 'phone', 'company', 'title']) : shown(p, position ? ['name', 'title', 'company'] : ['name']))),
          excluded: never(me),
        },
      };
    },
  })),
  ...(['picture', 'icon'] as const).map((face): CorpusPage => ({
    name: `mui-inbox-${face === 'picture' ? 'photos' : 'icons'}`,
    half: 'tuning',
    library: 'MUI (List, ListItemButton, Avatar)',
    layout: `conversation list whose avatars say nothing of the name (${face === 'picture' ? 'a photo with an empty alt text' : 'MUI’s default person icon'}): each entry the name with the time at the end of its line, the last message under it; the open lead’s details beside, in a section labelled Contact`,
    url: `https://app.parleyo.com/inbox/${face === 'picture' ? 'mine' : 'unassigned'}/c-2290`,
    lang: 'en-US',
    title: 'Inbox · Parleyo',
    client: 'mui-inbox-faces.tsx',
    build(rng) {
      const me = user(rng, 'parleyo.com');
      const list = people(rng, 10, ['US']).filter((p) => p.name !== me.name).slice(0, 9); // never the user's namesake
      const open = face === 'picture' ? 1 : 4;
      const lead = list[open]!;
      const picture = (i: number) => `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="hsl(${(i * 47) % 360} 45% 60%)"/></svg>`)}`;
      return {
        props: {
          me: { name: me.name, email: me.email },
          face,
          entries: list.map((p, i) => ({ id: `c-${2290 + i * 7}`, name: p.name, picture: picture(i), unread: rng.chance(0.3),
            preview: rng.pick(['Thanks, that works for me.', 'Can you resend the invoice?', 'Are you free on Thursday?', 'Loved the demo yesterday!', 'Quick question about seats']),
            time: rng.pick(['9:41 AM', '11:02 AM', 'Yesterday', 'Tue', 'Mar 3']) })),
          open,
          lead: { name: lead.name, email: lead.email, phone: lead.phone.international, company: lead.company, title: lead.title, picture: picture(open) },
        },
        truth: {
          view: 'detail',
          focused: lead.email,
          people: list.map((p, i) => (i === open ? shown(p, ['name', 'email', 'phone', 'company', 'title']) : shown(p, ['name']))),
          excluded: never(me),
        },
      };
    },
  })),
  ...[false, true].map((popover): CorpusPage => ({
    name: popover ? 'mui-crm-popover' : 'mui-crm-owner',
    half: 'tuning',
    library: popover ? 'MUI (Popper, Tooltip, Card, Drawer)' : 'MUI (Drawer, Tooltip, Card)',
    layout: (popover
      ? 'the user’s account block (avatar, name, email, phone, "My profile", "Sign out") in the account popover shown open (a non-modal role=dialog)'
      : 'the user’s account block (avatar, name, email, "My profile", "Sign out") at the foot of the side drawer, outside any landmark') +
      '; the header’s account button (aria-label and tooltip "Account settings for <user>", aria-haspopup=menu); lead cards (name heading, company, email, phone) with "Owner: <user>"/"Assigned to <user>" lines; an activity feed naming the user; no "me" line',
    url: popover ? 'https://app.pipewell.io/leads?owner=me' : 'https://app.pipewell.io/leads',
    lang: 'en-GB',
    title: 'My leads · Pipewell',
    client: 'mui-crm-owner.tsx',
    build(rng) {
      const me = user(rng, 'pipewell.io');
      const list = people(rng, 6, ['GB']);
      return {
        props: {
          me: { name: me.name, email: me.email, phone: me.phone.international },
          popover,
          menu: ['Dashboard', 'Leads', 'Deals', 'Tasks', 'Reports'],
          leads: list.map((p) => ({ name: p.name, email: p.email, phone: p.phone.international, company: p.company, stage: rng.pick(['New', 'Qualified', 'Proposal', 'Negotiation']) })),
        },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'email', 'phone', 'company'])),
          excluded: [...never(me), ...(popover ? phoneForms(me.phone) : [])],
        },
      };
    },
  })),
  {
    name: 'mui-prospects',
    half: 'tuning',
    library: 'MUI (Card, List, Typography as h3, <strong>)',
    layout: 'prospects without contact details: cards whose name is an <h3>, and a list whose name is a <strong>, each followed by a role line "Title at Company" and a city',
    url: 'https://app.scoutline.io/prospects/suggested',
    lang: 'en-US',
    title: 'Suggested prospects · Scoutline',
    client: 'mui-prospects.tsx',
    build(rng) {
      const me = user(rng, 'scoutline.io');
      const list = people(rng, 10, ['US', 'GB']);
      const row = (p: (typeof list)[number]) => ({ name: p.name, role: `${p.title} at ${p.company}`, city: p.city });
      return {
        props: { me: { name: me.name, email: me.email }, cards: list.slice(0, 6).map(row), list: list.slice(6).map(row) },
        truth: {
          view: 'list',
          people: list.map((p) => shown(p, ['name', 'title', 'company'])),
          excluded: never(me),
        },
      };
    },
  },
];
