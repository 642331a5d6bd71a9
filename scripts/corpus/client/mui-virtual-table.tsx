import { Box, Container, Paper, Table, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { Footer, TopBar, type Me } from './mui-chrome';

interface Row { name: string; email: string; country: string; phone: string; company: string; title: string; updated: string }
const data = props<{ me: Me; rows: Row[]; mailboxes: string[]; divs?: boolean }>();

// a virtualised table as sticky-header tables draw it: the header a <table><thead> (or a row of divs) in a container
// of its own, the body rows absolutely placed divs of fixed-width flex cells in a scrolling
// container, only the rows in view (and a few more) rendered
const columns: [keyof Row, string, number][] = [['name', 'Name', 180], ['email', 'Email', 260], ['country', 'Country', 130],
  ['phone', 'Phone', 150], ['company', 'Company', 190], ['title', 'Job title', 190], ['updated', 'Updated', 100]];
const ROW = 44;
const VIEW = 480;
const shown = Math.ceil(VIEW / ROW) + 3;

function Page() {
  return (
    <>
      <TopBar app="Tallyroute" me={data.me} />
      <Container maxWidth={false} sx={{ mt: 2 }}>
        <Typography variant="h5" component="h1" gutterBottom>Contacts ({data.rows.length})</Typography>
        <Paper variant="outlined">
          <Box sx={{ overflow: 'hidden', borderBottom: 1, borderColor: 'divider' }}>
            {data.divs
              ? <Box sx={{ display: 'flex', height: 40, alignItems: 'center' }}>{columns.map(([k, label, w]) => <Box key={k} sx={{ width: w, flex: '0 0 auto', px: 2, fontWeight: 600, fontSize: 14 }}>{label}</Box>)}</Box>
              : <Table size="small" sx={{ tableLayout: 'fixed', width: columns.reduce((n, c) => n + c[2], 0) }}>
                <TableHead>
                  <TableRow>{columns.map(([k, label, w]) => <TableCell key={k} sx={{ width: w, fontWeight: 600 }}>{label}</TableCell>)}</TableRow>
                </TableHead>
              </Table>}
          </Box>
          <Box sx={{ height: VIEW, overflow: 'auto' }}>
            <Box sx={{ height: data.rows.length * ROW, position: 'relative' }}>
              {data.rows.slice(0, shown).map((r, i) => (
                <Box key={r.email} data-index={i} sx={{ position: 'absolute', top: 0, left: 0, transform: `translateY(${i * ROW}px)`, height: ROW, display: 'flex', alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}>
                  {columns.map(([k, , w]) => (
                    <Box key={k} sx={{ width: w, flex: '0 0 auto', px: 2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 14 }}>{r[k]}</Box>
                  ))}
                </Box>
              ))}
            </Box>
          </Box>
        </Paper>
        <Footer mailboxes={data.mailboxes} />
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500, () => [...document.querySelectorAll('[data-index]')].map((r) => Number(r.getAttribute('data-index'))));
