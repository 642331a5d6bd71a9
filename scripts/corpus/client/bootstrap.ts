// Bootstrap 5 pages: markup as its documentation gives it (navbar, dropdown, table, card,
// list-group, description list, modal, grid), its own CSS, its dropdown plugin for the account menu.
import { Dropdown } from 'bootstrap';
import { done, props, root } from './harness';

type Child = Node | string | null | undefined | false;
/** an element with attributes and children; text is always set as text */
function h(tag: string, attrs: Record<string, string> = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

const data = props<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
const me = data.me as { name: string; email: string };
const page = root();

function navbar(brand: string): HTMLElement {
  const toggle = h('a', { class: 'nav-link dropdown-toggle', href: '#', role: 'button', 'data-bs-toggle': 'dropdown', 'aria-expanded': 'false' }, me.name);
  const nav = h('nav', { class: 'navbar navbar-expand-lg bg-body-tertiary border-bottom' },
    h('div', { class: 'container-fluid' },
      h('a', { class: 'navbar-brand', href: '#' }, brand),
      h('ul', { class: 'navbar-nav ms-auto' },
        h('li', { class: 'nav-item dropdown' }, toggle,
          h('ul', { class: 'dropdown-menu dropdown-menu-end' },
            h('li', {}, h('span', { class: 'dropdown-item-text' }, me.email)),
            h('li', {}, h('hr', { class: 'dropdown-divider' })),
            h('li', {}, h('a', { class: 'dropdown-item', href: '#' }, 'Sign out')))))));
  queueMicrotask(() => new Dropdown(toggle));
  return nav;
}

function footer(mailboxes: string[], switchboard?: string): HTMLElement {
  return h('footer', { class: 'container border-top mt-4 py-3 text-body-secondary small' },
    'Contact us: ', ...mailboxes.flatMap((m, i) => [i ? ' · ' : '', h('a', { href: `mailto:${m}` }, m)]),
    switchboard ? [' · Switchboard ', h('a', { href: `tel:${switchboard.replace(/[^\d+]/g, '')}` }, switchboard)] : []);
}

const tel = (p: string) => `tel:${p.replace(/[^\d+]/g, '')}`;

switch (data.kind) {
  case 'table': {
    const rows = data.rows as Record<string, string>[];
    page.append(navbar('Pebble CRM'), h('main', { class: 'container mt-4' },
      h('h1', { class: 'h3' }, 'Contacts'),
      h('div', { class: 'table-responsive' }, h('table', { class: 'table table-striped table-hover align-middle' },
        h('thead', {}, h('tr', {}, ...['Name', 'Email', 'Phone', 'Company', 'Position', 'ID'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', { class: 'table-group-divider' }, rows.map((r) => h('tr', {},
          h('td', {}, r.name!), h('td', {}, h('a', { href: `mailto:${r.email}` }, r.email!)), h('td', {}, h('a', { href: tel(r.phone!) }, r.phone!)),
          h('td', {}, r.company!), h('td', {}, r.title!), h('td', { class: 'text-body-secondary' }, r.id!)))))),
      h('h2', { class: 'h5 mt-4' }, 'Import contacts through the API'),
      h('pre', { class: 'bg-body-tertiary p-3 rounded' }, h('code', {}, `curl -X POST https://api.pebblecrm.io/v1/contacts \\\n  -d '{"name": "${data.example.name}", "email": "${data.example.email}", "phone": "${data.example.phone}"}'`)),
      h('div', { class: 'modal fade', id: 'editContact', tabindex: '-1', 'aria-labelledby': 'editContactLabel', 'aria-hidden': 'true' },
        h('div', { class: 'modal-dialog' }, h('div', { class: 'modal-content' },
          h('div', { class: 'modal-header' }, h('h1', { class: 'modal-title fs-5', id: 'editContactLabel' }, 'Edit contact'), h('button', { type: 'button', class: 'btn-close', 'data-bs-dismiss': 'modal', 'aria-label': 'Close' })),
          h('div', { class: 'modal-body' },
            h('div', { class: 'mb-3' }, h('label', { class: 'form-label', for: 'ecName' }, 'Name'), h('input', { class: 'form-control', id: 'ecName', value: data.hidden.name })),
            h('div', { class: 'mb-3' }, h('label', { class: 'form-label', for: 'ecEmail' }, 'Email'), h('input', { class: 'form-control', id: 'ecEmail', type: 'email', value: data.hidden.email })),
            h('div', { class: 'mb-3' }, h('label', { class: 'form-label', for: 'ecPhone' }, 'Phone'), h('input', { class: 'form-control', id: 'ecPhone', type: 'tel', value: data.hidden.phone }))))))),
    footer(data.mailboxes, data.switchboard));
    break;
  }
  case 'cards': {
    const cards = data.cards as Record<string, string>[];
    page.append(navbar('Cabinet Ardoise'), h('main', { class: 'container mt-4' },
      h('h1', { class: 'h3 mb-3' }, 'Vos interlocuteurs'),
      h('div', { class: 'row row-cols-1 row-cols-md-3 g-4' }, cards.map((c) => h('div', { class: 'col' },
        h('div', { class: 'card h-100' },
          h('div', { class: 'card-body' },
            h('h5', { class: 'card-title' }, h('span', {}, c.first!), ' ', h('span', { class: 'text-uppercase' }, c.last!)),
            h('h6', { class: 'card-subtitle mb-2 text-body-secondary' }, c.title!),
            h('p', { class: 'card-text' }, c.company!)),
          h('ul', { class: 'list-group list-group-flush' },
            h('li', { class: 'list-group-item' }, h('a', { href: `mailto:${c.email}` }, c.email!)),
            h('li', { class: 'list-group-item' }, 'Tél. ', h('a', { href: tel(c.phone!) }, c.phone!)))))))),
    footer(data.mailboxes, data.switchboard));
    break;
  }
  case 'detail': {
    const s = data.subject as Record<string, string>;
    const row = (label: string, value: Child) => [h('dt', { class: 'col-sm-3' }, label), h('dd', { class: 'col-sm-9' }, value)];
    page.append(navbar('Wattleworks CRM'), h('main', { class: 'container mt-4' },
      h('nav', { 'aria-label': 'breadcrumb' }, h('ol', { class: 'breadcrumb' }, h('li', { class: 'breadcrumb-item' }, h('a', { href: '/contacts' }, 'Contacts')), h('li', { class: 'breadcrumb-item active', 'aria-current': 'page' }, s.name!))),
      h('div', { class: 'row' },
        h('div', { class: 'col-md-8' }, h('div', { class: 'card' }, h('div', { class: 'card-body' },
          h('h1', { class: 'h4 card-title' }, s.name!),
          h('dl', { class: 'row mb-0' },
            row('Email', h('a', { href: `mailto:${s.email}` }, s.email!)),
            row('Mobile', s.phone!),
            row('Company', s.company!),
            row('Job title', s.title!),
            row('LinkedIn', h('a', { href: `https://www.linkedin.com/in/${s.slug}` }, 'Profile')),
            row('Owner', me.name),
            row('Created', s.created!),
            row('Contact ID', s.id!))))),
        h('div', { class: 'col-md-4' }, h('div', { class: 'card' },
          h('div', { class: 'card-header' }, 'Other contacts at this company'),
          h('ul', { class: 'list-group list-group-flush' }, (data.related as Record<string, string>[]).map((r) => h('li', { class: 'list-group-item' }, h('div', { class: 'fw-semibold' }, r.name!), h('a', { href: `mailto:${r.email}`, class: 'small' }, r.email!)))))))),
    footer(data.mailboxes));
    break;
  }
  case 'helloleads': {
    const rows = data.rows as Record<string, string>[];
    page.append(navbar('HelloLeads'), h('main', { class: 'container-fluid mt-3' },
      h('div', { class: 'd-flex justify-content-between align-items-center mb-2' }, h('h1', { class: 'h4 mb-0' }, 'Leads'), h('button', { class: 'btn btn-primary btn-sm' }, '+ Add lead')),
      h('table', { class: 'table table-bordered table-sm' },
        h('thead', { class: 'table-light' }, h('tr', {}, h('th', {}, h('input', { class: 'form-check-input', type: 'checkbox', 'aria-label': 'Select all' })), ...['First Name', 'Last Name', 'Email', 'Mobile', 'Designation', 'Organization', 'Lead Stage', 'Potential'].map((t) => h('th', {}, t)))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', {}, h('input', { class: 'form-check-input', type: 'checkbox', 'aria-label': 'Select' })),
          h('td', {}, r.first!), h('td', {}, r.last!), h('td', {}, r.email!), h('td', {}, r.phone!), h('td', {}, r.title!), h('td', {}, r.company!),
          h('td', {}, h('span', { class: 'badge text-bg-info' }, r.stage!)), h('td', {}, r.potential!)))))),
    footer(data.mailboxes));
    break;
  }
  case 'inbox': {
    // Bootstrap's list group with custom content, as its documentation shows it: each entry a link
    // with a heading (the sender's name) and a <small> time on one line, the last message under it;
    // no avatars. The open conversation's contact card beside it.
    const entries = data.entries as Record<string, string>[];
    const lead = data.lead as Record<string, string>;
    page.append(navbar('Tidewell Helpdesk'), h('main', { class: 'container-fluid mt-3' }, h('div', { class: 'row' },
      h('div', { class: 'col-4' }, h('div', { class: 'list-group' }, entries.map((e, i) =>
        h('a', { href: `/inbox/c/${e.id}`, class: `list-group-item list-group-item-action${i === data.open ? ' active' : ''}`, ...(i === data.open ? { 'aria-current': 'true' } : {}) },
          h('div', { class: 'd-flex w-100 justify-content-between' }, h('h6', { class: 'mb-1' }, e.name!), h('small', {}, e.time!)),
          h('p', { class: 'mb-1 small text-truncate' }, e.preview!))))),
      h('div', { class: 'col-5' }, h('h1', { class: 'h5' }, lead.name!),
        h('div', { class: 'card card-body mb-2' }, 'Hi — the export to CSV has stopped working since Monday.'),
        h('div', { class: 'card card-body text-bg-light ms-5' }, 'Thanks for flagging it, we are on it.')),
      h('div', { class: 'col-3' }, h('div', { class: 'card' }, h('div', { class: 'card-body' },
        h('h2', { class: 'h6 card-title' }, lead.name!),
        h('p', { class: 'card-subtitle mb-2 text-body-secondary small' }, lead.company!),
        h('ul', { class: 'list-unstyled small mb-0' },
          h('li', {}, h('a', { href: `mailto:${lead.email}` }, lead.email!)),
          h('li', {}, h('a', { href: tel(lead.phone!) }, lead.phone!)))))))),
    footer([data.mailboxes[0]]));
    break;
  }
  case 'grid': {
    const rows = data.rows as Record<string, string>[];
    const cols = ['Attendee', 'Email', 'Phone', 'Country', 'Company', 'Title'];
    page.append(navbar('Kettlebridge Events'), h('main', { class: 'container mt-4' },
      h('h1', { class: 'h3' }, 'Attendees'),
      h('p', { class: 'text-body-secondary' }, 'Badge questions go to ', h('a', { href: `mailto:${data.mailboxes[0]}` }, data.mailboxes[0]), '; confirmations come from ', data.mailboxes[1], '.'),
      h('div', { class: 'row fw-semibold border-bottom py-2 small text-uppercase text-body-secondary' }, cols.map((c) => h('div', { class: c === 'Email' ? 'col-3' : 'col' }, c))),
      rows.map((r) => h('div', { class: 'row border-bottom py-2 align-items-center' },
        h('div', { class: 'col' }, h('a', { href: `https://www.linkedin.com/in/${r.slug}/`, class: 'link-body-emphasis' }, h('span', {}, r.first!), ' ', h('span', { class: 'fw-semibold' }, r.last!))),
        h('div', { class: 'col-3 text-truncate' }, r.email!),
        h('div', { class: 'col' }, h('span', { class: 'badge text-bg-light me-1' }, r.code!), h('span', {}, r.phone!)),
        h('div', { class: 'col' }, r.country!),
        h('div', { class: 'col' }, r.company!),
        h('div', { class: 'col' }, r.title!)))),
    footer([data.mailboxes[0]]));
    break;
  }
}

void done(300);
