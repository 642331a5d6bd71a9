import { Avatar, Box, Divider, Link, List, ListItemAvatar, ListItemButton, Paper, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, type Me } from './mui-chrome';

type Face = 'picture' | 'icon';
interface Entry { id: string; name: string; preview: string; time: string; unread: boolean; picture: string }
interface Lead { name: string; email: string; phone: string; company: string; title: string; picture: string }
const data = props<{ me: Me; face: Face; entries: Entry[]; open: number; lead: Lead }>();

// conversation entries whose avatar says nothing of the name: a photo with an empty alt text (the
// name is beside it), or MUI's default person icon when the contact has no photo; the entry's
// first line is the name with the time at its end, the second the last message
const Face = ({ picture }: { picture: string }) =>
  data.face === 'picture' ? <Avatar src={picture} alt="" /> : <Avatar />;

function Entries() {
  const { entries, open } = data;
  return (
    <Paper square sx={{ width: 340, overflow: 'auto' }}>
      <Typography variant="subtitle2" sx={{ px: 2, pt: 1.5 }}>Conversations</Typography>
      <List dense>
        {entries.map((e, i) => (
          <ListItemButton key={e.id} selected={i === open} alignItems="flex-start">
            <ListItemAvatar><Face picture={e.picture} /></ListItemAvatar>
            <Box sx={{ minWidth: 0, flex: 1 }}>
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Typography variant="body2" sx={{ fontWeight: e.unread ? 700 : 500 }}>{e.name}</Typography>
                <Typography variant="caption" color="text.secondary">{e.time}</Typography>
              </Stack>
              <Typography variant="body2" color="text.secondary" noWrap>{e.preview}</Typography>
            </Box>
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
}

function Page() {
  const { lead } = data;
  const field = (label: string, value: React.ReactNode) => (
    <Box key={label} sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body2" component="div">{value}</Typography>
    </Box>
  );
  return (
    <>
      <TopBar app="Parleyo" me={data.me} />
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Entries />
        <Box sx={{ flex: 1, p: 2 }}>
          <Typography variant="h6" component="h1">{lead.name}</Typography>
          <Divider sx={{ my: 1 }} />
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420 }}><Typography variant="body2">Is the webinar recording available yet?</Typography></Paper>
          <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420, ml: 'auto', mt: 1 }}><Typography variant="body2">Yes — I will send the link this afternoon.</Typography></Paper>
        </Box>
        <Box component="section" aria-label="Contact" sx={{ width: 290, p: 2, borderLeft: 1, borderColor: 'divider' }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2 }}>
            <Face picture={lead.picture} />
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
