// AG Grid Community pages: contacts, leads with a country-code column, deals.
import { AllCommunityModule, ModuleRegistry, createGrid, type ColDef, type GridApi } from 'ag-grid-community';
import { done, props, root } from './harness';

ModuleRegistry.registerModules([AllCommunityModule]);

interface Data { kind: 'contacts' | 'leads' | 'deals'; me: { name: string; email: string }; columns: [string, string][]; rows: Record<string, string>[]; mailboxes: string[] }
const data = props<Data>();

const page = root();
page.style.cssText = 'font-family: system-ui, sans-serif; margin: 0;';
const header = document.createElement('header');
header.style.cssText = 'display:flex;justify-content:space-between;padding:10px 16px;border-bottom:1px solid #ddd';
const app = document.createElement('strong');
app.textContent = data.kind === 'leads' ? 'Sendloop' : 'Ledgerline';
const account = document.createElement('div');
account.setAttribute('aria-label', 'Account');
account.textContent = `${data.me.name} · ${data.me.email}`;
header.append(app, account);
const title = document.createElement('h1');
title.style.cssText = 'font-size:20px;margin:12px 16px';
title.textContent = { contacts: 'Contacts', leads: 'Campaign leads', deals: 'Deals' }[data.kind];
const gridDiv = document.createElement('div');
gridDiv.style.cssText = 'height: 560px; margin: 0 16px;';
const footer = document.createElement('footer');
footer.style.cssText = 'margin:16px;color:#666;font-size:13px';
footer.append('Questions? Write to ', ...data.mailboxes.map((m) => Object.assign(document.createElement('a'), { href: `mailto:${m}`, textContent: m })));
page.append(header, title, gridDiv, footer);

const columnDefs: ColDef[] = data.columns.map(([field, headerName]) => {
  const col: ColDef = { field, headerName, width: field === 'email' ? 280 : field === 'code' ? 80 : 150 };
  if (field === 'name' && data.kind === 'leads') {
    col.cellRenderer = (p: { value: string; data: Record<string, string> }) => {
      const a = document.createElement('a');
      a.href = `https://www.linkedin.com/in/${p.data.slug}/`;
      a.textContent = p.value;
      return a;
    };
    col.width = 190;
  }
  return col;
});

const api: GridApi = createGrid(gridDiv, {
  columnDefs,
  rowData: data.rows,
  rowSelection: { mode: 'multiRow' },
  suppressColumnVirtualisation: true,
  animateRows: false,
});

void done(1200, () => api.getRenderedNodes().map((n) => n.rowIndex ?? -1));
