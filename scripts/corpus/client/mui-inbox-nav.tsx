import { Avatar, Badge, Box, Divider, Drawer, Link, List, ListItemAvatar, ListItemButton, ListItemIcon, ListItemText, ListSubheader, Paper, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Entry { id: string; name: string; preview: string; time: string; unread: number }
interface Lead { name: string; email: string; phone: string; company: string }
const data = props<{ me: Me; entries: Entry[]; open: number; lead: Lead; links: boolean; menu: string[] }>();

const Dot = () => <Box component="span" sx={{ width: 18, height: 18, borderRadius: '4px', bgcolor: 'action.selected', display: 'inline-block' }} />;

// a support inbox: the app's own navigation in a drawer (a <nav> of menu items and the user's
// account entry), the conversations in a <nav> or role=navigation of their own (entries: avatar,
// name, last message, time, unread count), the open conversation and its lead's details
function Entries() {
  const items = data.entries.map((e, i) => {
    const inner = (
      <>
        <ListItemAvatar><Avatar>{initials(e.name)}</Avatar></ListItemAvatar>
        <ListItemText primary={e.name} secondary={e.preview} slotProps={{ secondary: { noWrap: true } }} />
        <Stack sx={{ alignItems: 'flex-end', ml: 1 }} spacing={0.5}>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{e.time}</Typography>
          {e.unread ? <Badge color="primary" badgeContent={e.unread} sx={{ mr: 1 }} /> : null}
        </Stack>
      </>
    );
    return data.links
      ? <ListItemButton key={e.id} component="a" href={`/conversations/${e.id}`} selected={i === data.open} role="option" aria-selected={i === data.open}>{inner}</ListItemButton>
      : <ListItemButton key={e.id} selected={i === data.open}>{inner}</ListItemButton>;
  });
  if (data.links) {
    return (
      <Box role="navigation" sx={{ width: 340, overflow: 'auto', borderRight: 1, borderColor: 'divider' }}>
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>Open conversations</Typography>
        <List role="listbox" aria-label="Open">{items}</List>
      </Box>
    );
  }
  return (
    <Paper square sx={{ width: 340, overflow: 'auto' }}>
      <List component="nav" subheader={<ListSubheader component="div">Conversations</ListSubheader>}>{items}</List>
    </Paper>
  );
}

function Page() {
  const { lead, me } = data;
  return (
    <>
      <TopBar app="Relaydesk" me={me} />
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Drawer variant="permanent" sx={{ width: 200, '& .MuiDrawer-paper': { width: 200, position: 'relative' } }}>
          <List component="nav" aria-label={data.links ? undefined : 'main navigation'}>
            {data.menu.map((m, i) => (
              <ListItemButton key={m} selected={i === 0} component={data.links ? 'a' : 'div'} href={data.links ? `/${m.toLowerCase().replace(/ /g, '-')}` : undefined}>
                <ListItemIcon sx={{ minWidth: 32 }}><Dot /></ListItemIcon>
                <ListItemText primary={m} />
              </ListItemButton>
            ))}
          </List>
          <Divider />
          <List component="nav" aria-label={data.links ? undefined : 'account'}>
            <ListItemButton>
              <ListItemAvatar><Avatar sx={{ width: 28, height: 28, fontSize: 13 }}>{initials(me.name)}</Avatar></ListItemAvatar>
              <ListItemText primary={me.name} secondary="Online" />
            </ListItemButton>
          </List>
        </Drawer>
        <Entries />
        <Box sx={{ flex: 1, p: 2 }}>
          <Typography variant="h6" component="h1">{lead.name}</Typography>
          <Divider sx={{ my: 1 }} />
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420 }}><Typography variant="body2">{data.entries[data.open]!.preview}</Typography></Paper>
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420, ml: 'auto', mt: 1 }}><Typography variant="body2">Thanks — I will check and come back to you today.</Typography></Paper>
        </Box>
        <Box sx={{ width: 290, p: 2, borderLeft: 1, borderColor: 'divider' }}>
          <Typography variant="overline" color="text.secondary">Contact</Typography>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
            <Avatar>{initials(lead.name)}</Avatar>
            <Typography variant="subtitle1">{lead.name}</Typography>
          </Stack>
          {([['Email', <Link key="e" href={`mailto:${lead.email}`}>{lead.email}</Link>], ['Phone', lead.phone], ['Company', lead.company]] as const).map(([label, value]) => (
            <Box key={label} sx={{ mb: 1 }}>
              <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
              <Typography variant="body2" component="div">{value}</Typography>
            </Box>
          ))}
        </Box>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
