import { Avatar, Badge, Box, Checkbox, Divider, Link, List, ListItem, ListItemAvatar, ListItemButton, ListItemIcon, ListItemText, Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

type Build = 'buttons' | 'select' | 'tabs' | 'aside';
interface Entry { id: string; name: string; second: string; time: string; unread: number }
interface Lead { name: string; email: string; phone: string; company: string; title: string }
const data = props<{ me: Me; build: Build; entries: Entry[]; open: number; lead: Lead }>();

const Meta = ({ e }: { e: Entry }) => (
  <Stack sx={{ alignItems: 'flex-end', ml: 1 }} spacing={0.5}>
    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>{e.time}</Typography>
    {e.unread ? <Badge color="primary" badgeContent={e.unread} sx={{ mr: 1 }} /> : null}
  </Stack>
);

// conversation lists as apps build them without a navigation landmark: entries as real <button>s
// (an action list), as options of a multi-select listbox with a checkbox each, as vertical tabs,
// or as a plain <ul> in an <aside> whose entries put the name and the preview in one line ("·")
function Entries() {
  const { entries, open } = data;
  if (data.build === 'buttons') {
    return (
      <Paper square sx={{ width: 340, overflow: 'auto' }}>
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>Inbox</Typography>
        <List>
          {entries.map((e, i) => (
            <ListItemButton key={e.id} component="button" selected={i === open} sx={{ width: '100%', border: 0, textAlign: 'left', font: 'inherit' }}>
              <ListItemAvatar><Avatar>{initials(e.name)}</Avatar></ListItemAvatar>
              <ListItemText primary={e.name} secondary={e.second} slotProps={{ secondary: { noWrap: true } }} />
              <Meta e={e} />
            </ListItemButton>
          ))}
        </List>
      </Paper>
    );
  }
  if (data.build === 'select') {
    return (
      <Paper square sx={{ width: 360, overflow: 'auto' }}>
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>Leads to follow up</Typography>
        <List role="listbox" aria-multiselectable="true" aria-label="Leads">
          {entries.map((e, i) => (
            <ListItem key={e.id} role="option" aria-selected={i === open} disablePadding sx={{ px: 1 }}>
              <ListItemIcon sx={{ minWidth: 36 }}><Checkbox edge="start" size="small" checked={i === open} tabIndex={-1} slotProps={{ input: { 'aria-label': `Select ${e.name}` } }} /></ListItemIcon>
              <ListItemAvatar><Avatar>{initials(e.name)}</Avatar></ListItemAvatar>
              <ListItemText primary={e.name} secondary={e.second} />
              <Meta e={e} />
            </ListItem>
          ))}
        </List>
      </Paper>
    );
  }
  if (data.build === 'tabs') {
    return (
      <Tabs orientation="vertical" value={open} variant="scrollable" aria-label="Conversations" sx={{ width: 340, borderRight: 1, borderColor: 'divider', '& .MuiTab-root': { alignItems: 'stretch', textTransform: 'none', maxWidth: 'none' } }}>
        {entries.map((e, i) => (
          <Tab key={e.id} value={i} id={`tab-${e.id}`} aria-controls={`panel-${e.id}`} label={
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', textAlign: 'left', width: '100%' }}>
              <Avatar sx={{ width: 32, height: 32, fontSize: 14 }}>{initials(e.name)}</Avatar>
              <Box sx={{ minWidth: 0, flex: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{e.name}</Typography>
                <Typography variant="caption" color="text.secondary" noWrap component="div">{e.second}</Typography>
              </Box>
              <Meta e={e} />
            </Stack>
          } />
        ))}
      </Tabs>
    );
  }
  return (
    <Box component="aside" sx={{ width: 340, overflow: 'auto', borderRight: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>Recent</Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {entries.map((e, i) => (
          <Box component="li" key={e.id} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1, bgcolor: i === open ? 'action.selected' : undefined }}>
            <Avatar sx={{ width: 32, height: 32, fontSize: 14 }}>{initials(e.name)}</Avatar>
            <Typography variant="body2" noWrap sx={{ flex: 1, minWidth: 0 }}>{e.name} · {e.second}</Typography>
            <Meta e={e} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function Page() {
  const { lead, entries, open } = data;
  const field = (label: string, value: React.ReactNode) => (
    <Box key={label} sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body2" component="div">{value}</Typography>
    </Box>
  );
  return (
    <>
      <TopBar app="Threadline" me={data.me} />
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Entries />
        <Box sx={{ flex: 1, p: 2 }} {...(data.build === 'tabs' ? { role: 'tabpanel', id: `panel-${entries[open]!.id}`, 'aria-labelledby': `tab-${entries[open]!.id}` } : {})}>
          <Typography variant="h6" component="h1">{lead.name}</Typography>
          <Divider sx={{ my: 1 }} />
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420 }}><Typography variant="body2">Could we look at the onboarding plan together next week?</Typography></Paper>
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420, ml: 'auto', mt: 1 }}><Typography variant="body2">Of course — Tuesday morning suits us.</Typography></Paper>
        </Box>
        <Box sx={{ width: 290, p: 2, borderLeft: 1, borderColor: 'divider' }}>
          <Typography variant="overline" color="text.secondary">Lead</Typography>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
            <Avatar>{initials(lead.name)}</Avatar>
            <Typography variant="subtitle1">{lead.name}</Typography>
          </Stack>
          {field('Email', <Link href={`mailto:${lead.email}`}>{lead.email}</Link>)}
          {field('Phone', lead.phone)}
          {field('Company', lead.company)}
          {field('Job title', lead.title)}
        </Box>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
