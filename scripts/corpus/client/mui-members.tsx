import { Avatar, Box, Button, Chip, Container, IconButton, Paper, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Member { name: string; email: string; role: string; lastActive: string }
interface Invite { email: string; role: string; sent: string }
const data = props<{ me: Me; members: Member[]; invites: Invite[] }>();

function Person({ name, email, you }: { name?: string; email: string; you?: boolean }) {
  return (
    <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1.5}>
      <Avatar sx={{ width: 30, height: 30 }}>{initials(name ?? email)}</Avatar>
      <Box>
        <Typography sx={{ fontWeight: 600 }} variant="body2">{name ?? '—'}{you ? ' (You)' : ''}</Typography>
        <Typography variant="caption" color="text.secondary">{email}</Typography>
      </Box>
    </Stack>
  );
}

function Page() {
  const rows = [{ name: data.me.name, email: data.me.email, role: 'Owner', lastActive: 'Now', you: true }, ...data.members.map((m) => ({ ...m, you: false }))];
  return (
    <>
      <TopBar app="Framewise" me={data.me} />
      <Container maxWidth="lg" sx={{ mt: 2 }}>
        <Typography variant="h5" component="h1">Settings</Typography>
        <Tabs value={1} sx={{ mb: 2 }}><Tab label="General" /><Tab label="Members" /><Tab label="Billing" /><Tab label="API keys" /></Tabs>
        <Stack sx={{ justifyContent: 'space-between', alignItems: 'center' }} direction="row"><Typography variant="h6" component="h2">Workspace members ({rows.length})</Typography><Button variant="contained">Invite members</Button></Stack>
        <Paper variant="outlined" sx={{ mt: 1 }}>
          <Table size="small">
            <TableHead><TableRow><TableCell>Member</TableCell><TableCell>Role</TableCell><TableCell>Status</TableCell><TableCell>Last active</TableCell><TableCell /></TableRow></TableHead>
            <TableBody>
              {rows.map((m) => (
                <TableRow key={m.email}>
                  <TableCell><Person name={m.name} email={m.email} you={m.you} /></TableCell>
                  <TableCell>{m.role}</TableCell>
                  <TableCell><Chip size="small" color="success" label="Active" /></TableCell>
                  <TableCell>{m.lastActive}</TableCell>
                  <TableCell align="right"><IconButton size="small" aria-label="More">⋯</IconButton></TableCell>
                </TableRow>
              ))}
              {data.invites.map((m) => (
                <TableRow key={m.email}>
                  <TableCell><Person email={m.email} /></TableCell>
                  <TableCell>{m.role}</TableCell>
                  <TableCell><Chip size="small" color="warning" label="Pending invite" /></TableCell>
                  <TableCell>Invited {m.sent}</TableCell>
                  <TableCell align="right"><Button size="small">Resend</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
