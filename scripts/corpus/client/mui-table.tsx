import { Avatar, Box, Chip, Container, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { Footer, TopBar, initials, type Me } from './mui-chrome';

interface Row { id: string; name: string; email: string; phone: string; company: string; title: string; status: string; added: string }
const data = props<{ me: Me; rows: Row[]; mailboxes: string[]; switchboard: string }>();

function Page() {
  return (
    <>
      <TopBar app="Brightledger" me={data.me} />
      <Container maxWidth="xl" sx={{ mt: 3 }}>
        <Typography variant="h5" component="h1" gutterBottom>Contacts</Typography>
        <TableContainer component={Paper}>
          <Table size="small" aria-label="contacts">
            <TableHead>
              <TableRow>
                <TableCell>Contact</TableCell>
                <TableCell>Phone</TableCell>
                <TableCell>Company</TableCell>
                <TableCell>Job title</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Added</TableCell>
                <TableCell>ID</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((r) => (
                <TableRow key={r.id} hover>
                  <TableCell>
                    <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
                      <Avatar sx={{ width: 32, height: 32 }}>{initials(r.name)}</Avatar>
                      <Box>
                        <Typography sx={{ fontWeight: 600 }} variant="body2">{r.name}</Typography>
                        <Typography variant="caption" color="text.secondary">{r.email}</Typography>
                      </Box>
                    </Stack>
                  </TableCell>
                  <TableCell>{r.phone}</TableCell>
                  <TableCell>{r.company}</TableCell>
                  <TableCell>{r.title}</TableCell>
                  <TableCell><Chip size="small" label={r.status} /></TableCell>
                  <TableCell>{r.added}</TableCell>
                  <TableCell>{r.id}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination component="div" count={data.rows.length * 9} page={0} rowsPerPage={data.rows.length} rowsPerPageOptions={[data.rows.length]} onPageChange={() => undefined} />
        </TableContainer>
        <Footer mailboxes={data.mailboxes} switchboard={data.switchboard} />
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
