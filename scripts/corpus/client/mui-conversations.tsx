import { Avatar, Badge, Box, Divider, Link, List, ListItemAvatar, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Entry { name: string; snippet: string; time: string; unread: boolean }
interface Lead { name: string; email: string; phone: string; company: string; title: string; slug: string }
const data = props<{ me: Me; entries: Entry[]; open: number; lead: Lead }>();

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body2" component="div">{children}</Typography>
    </Box>
  );
}

function Page() {
  const { lead } = data;
  return (
    <>
      <TopBar app="Chattermill" me={data.me} />
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Paper square sx={{ width: 320, overflow: 'auto' }} component="nav" aria-label="Conversations">
          <List disablePadding>
            {data.entries.map((e, i) => (
              <ListItemButton key={e.name} selected={i === data.open} divider>
                <ListItemAvatar><Badge color="primary" variant="dot" invisible={!e.unread}><Avatar>{initials(e.name)}</Avatar></Badge></ListItemAvatar>
                <ListItemText primary={e.name} secondary={e.snippet} slotProps={{ secondary: { noWrap: true } }} />
                <Typography variant="caption" sx={{ ml: 1, whiteSpace: 'nowrap' }}>{e.time}</Typography>
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Box sx={{ flex: 1, p: 2 }}>
          <Typography variant="h6" component="h1">{lead.name}</Typography>
          <Divider sx={{ my: 1 }} />
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420 }}><Typography variant="body2">Hi! Following up on the pilot — are you free on Thursday at 3pm?</Typography></Paper>
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420, ml: 'auto', mt: 1, bgcolor: 'primary.50' }}><Typography variant="body2">Thursday works. I will send an invite.</Typography></Paper>
        </Box>
        <Paper square variant="outlined" sx={{ width: 300, p: 2 }} component="aside" aria-label="Lead details">
          <Stack sx={{ alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ width: 64, height: 64 }}>{initials(lead.name)}</Avatar>
            <Typography variant="subtitle1" sx={{ mt: 1 }}>{lead.name}</Typography>
            <Typography variant="body2" color="text.secondary">{lead.title} · {lead.company}</Typography>
          </Stack>
          <Field label="Email"><Link href={`mailto:${lead.email}`}>{lead.email}</Link></Field>
          <Field label="Phone">{lead.phone}</Field>
          <Field label="Company">{lead.company}</Field>
          <Field label="Job title">{lead.title}</Field>
          <Field label="LinkedIn"><Link href={`https://www.linkedin.com/in/${lead.slug}/`}>View profile</Link></Field>
        </Paper>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
