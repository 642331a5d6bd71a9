// TanStack Table pages: the headless table model rendered three ways (ARIA grid of divs, CSS grid
// with display:contents rows, <table> with header groups).
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';

type Row = Record<string, string>;
const data = props<{ kind: 'aria' | 'contents' | 'grouped'; me: { name: string; email: string }; rows: Row[]; mailboxes: string[] }>();
const col = createColumnHelper<Row>();
const text = (key: string, header: string) => col.accessor((r) => r[key] ?? '', { id: key, header });

const columnsByKind: Record<string, ColumnDef<Row, string>[]> = {
  aria: [text('name', 'Name'), text('email', 'Email'), text('phone', 'Phone'), text('company', 'Company'), text('title', 'Job title'), text('joined', 'Joined')],
  contents: [text('first', 'First name'), text('last', 'Last name'), text('email', 'Email'), text('phone', 'Phone'), text('country', 'Country'), text('company', 'Company'), text('title', 'Title'), text('ticket', 'Ticket')],
  grouped: [
    col.group({ id: 'candidate', header: 'Candidate', columns: [
      col.accessor((r) => r.first ?? '', { id: 'first', header: 'First name', cell: (c) => <a href={`https://www.linkedin.com/in/${c.row.original.slug}`}>{c.getValue()}</a> }),
      text('last', 'Last name'),
    ] }),
    col.group({ id: 'contact', header: 'Contact', columns: [text('email', 'Email'), text('code', 'Code'), text('phone', 'Number')] }),
    col.group({ id: 'work', header: 'Current role', columns: [text('company', 'Company'), text('title', 'Title'), text('stage', 'Stage')] }),
  ] as ColumnDef<Row, string>[],
};

const shell: React.CSSProperties = { fontFamily: 'system-ui, sans-serif', fontSize: 14, margin: 16 };
const cellStyle: React.CSSProperties = { padding: '8px 10px', borderBottom: '1px solid #e5e7eb', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

function Page() {
  const columns = columnsByKind[data.kind]!;
  // eslint-disable-next-line react-hooks/incompatible-library -- rendered once, never memoised
  const table = useReactTable({ data: data.rows, columns, getCoreRowModel: getCoreRowModel() });
  const leaves = table.getVisibleLeafColumns();
  const template = `repeat(${leaves.length}, minmax(90px, auto))`;
  let body: React.ReactNode;
  if (data.kind === 'aria') {
    body = (
      <div role="grid" aria-rowcount={data.rows.length + 1} aria-colcount={leaves.length} style={{ display: 'grid', gridTemplateColumns: template, border: '1px solid #e5e7eb' }}>
        {table.getHeaderGroups().map((g) => (
          <div role="row" aria-rowindex={1} key={g.id} style={{ display: 'contents' }}>
            {g.headers.map((h, i) => <div role="columnheader" aria-colindex={i + 1} key={h.id} style={{ ...cellStyle, fontWeight: 600, background: '#f9fafb' }}>{flexRender(h.column.columnDef.header, h.getContext())}</div>)}
          </div>
        ))}
        {table.getRowModel().rows.map((r, k) => (
          <div role="row" aria-rowindex={k + 2} key={r.id} style={{ display: 'contents' }}>
            {r.getVisibleCells().map((c, i) => <div role="gridcell" aria-colindex={i + 1} key={c.id} style={cellStyle}>{flexRender(c.column.columnDef.cell, c.getContext())}</div>)}
          </div>
        ))}
      </div>
    );
  } else if (data.kind === 'contents') {
    body = (
      <div style={{ display: 'grid', gridTemplateColumns: template }}>
        {table.getFlatHeaders().map((h) => <div key={h.id} style={{ ...cellStyle, fontWeight: 600, textTransform: 'uppercase', fontSize: 12, color: '#6b7280' }}>{flexRender(h.column.columnDef.header, h.getContext())}</div>)}
        {table.getRowModel().rows.map((r) => (
          <div key={r.id} style={{ display: 'contents' }}>
            {r.getVisibleCells().map((c) => <div key={c.id} style={cellStyle}>{flexRender(c.column.columnDef.cell, c.getContext())}</div>)}
          </div>
        ))}
      </div>
    );
  } else {
    body = (
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>{g.headers.map((h) => <th key={h.id} colSpan={h.colSpan} style={{ ...cellStyle, textAlign: 'left', background: '#f3f4f6' }}>{h.isPlaceholder ? null : flexRender(h.column.columnDef.header, h.getContext())}</th>)}</tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => <tr key={r.id}>{r.getVisibleCells().map((c) => <td key={c.id} style={cellStyle}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>)}</tr>)}
        </tbody>
      </table>
    );
  }
  return (
    <div style={shell}>
      <header style={{ display: 'flex', justifyContent: 'space-between', borderBottom: '1px solid #e5e7eb', paddingBottom: 8 }}>
        <strong>{{ aria: 'Brightforge', contents: 'Gatherly', grouped: 'Pinewood Talent' }[data.kind]}</strong>
        <span title={data.me.email}>{data.me.name}</span>
      </header>
      <h1 style={{ fontSize: 20 }}>{{ aria: 'Audience', contents: 'Registrations', grouped: 'Candidates' }[data.kind]}</h1>
      {body}
      <footer style={{ marginTop: 16, color: '#6b7280' }}>Contact: {data.mailboxes.map((m) => <a key={m} href={`mailto:${m}`} style={{ marginRight: 8 }}>{m}</a>)}</footer>
    </div>
  );
}

createRoot(root()).render(<Page />);
void done(400);
