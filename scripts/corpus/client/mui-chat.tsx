import { Avatar, Box, Chip, List, ListItem, ListItemAvatar, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Chat { name: string; preview: string; time: string; unread: number }
const data = props<{ me: Me; chats: Chat[]; open: number }>();

// a chat app: the list shows names only (a time and an unread count on the name's line, the last
// message under it); the open chat's header repeats the name; no details panel
function Page() {
  const open = data.chats[data.open]!;
  return (
    <>
      <TopBar app="Parleymint" me={data.me} />
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Paper square sx={{ width: 340, overflow: 'auto' }}>
          <Typography variant="subtitle2" sx={{ px: 2, pt: 2 }}>Chats</Typography>
          <List>
            {data.chats.map((c, i) => (
              <ListItem key={c.name} disablePadding>
                <ListItemButton selected={i === data.open}>
                  <ListItemAvatar><Avatar>{initials(c.name)}</Avatar></ListItemAvatar>
                  <ListItemText
                    disableTypography
                    primary={
                      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
                        <Typography variant="body2" sx={{ fontWeight: c.unread ? 700 : 400 }}>{c.name}</Typography>
                        <Typography variant="caption" color="text.secondary">{c.time}</Typography>
                      </Stack>
                    }
                    secondary={
                      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
                        <Typography variant="caption" color="text.secondary" noWrap>{c.preview}</Typography>
                        {c.unread ? <Chip size="small" color="primary" label={c.unread} /> : null}
                      </Stack>
                    }
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
        <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', p: 1.5, borderBottom: 1, borderColor: 'divider' }}>
            <Avatar>{initials(open.name)}</Avatar>
            <Box>
              <Typography variant="subtitle1">{open.name}</Typography>
              <Typography variant="caption" color="text.secondary">Active 5m ago</Typography>
            </Box>
          </Stack>
          <Box sx={{ p: 2 }}>
            <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420 }}><Typography variant="body2">{open.preview}</Typography></Paper>
            <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 420, ml: 'auto', mt: 1 }}><Typography variant="body2">Sure, I will get back to you today.</Typography></Paper>
          </Box>
        </Box>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
