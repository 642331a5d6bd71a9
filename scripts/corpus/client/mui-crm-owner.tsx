import { AppBar, Avatar, Box, Button, Card, CardContent, Divider, Drawer, IconButton, Link, List, ListItemButton, ListItemText, Paper, Popper, Stack, Toolbar, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { initials, type Me } from './mui-chrome';

interface Lead { name: string; email: string; phone: string; company: string; stage: string }
const data = props<{ me: Me & { phone: string }; popover: boolean; leads: Lead[]; menu: string[] }>();

// a CRM whose only traces of the signed-in user are the header's account button (avatar, an
// aria-label and a tooltip with their name, opening a menu), their account block (avatar, name,
// email, "My profile", "Sign out") at the foot of the side drawer or in the account popover shown
// open, and "Owner:"/"Assigned to" lines on the records: no "me" line anywhere
function AccountBlock({ phone }: { phone?: boolean }) {
  const { me } = data;
  return (
    <Box sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Avatar sx={{ width: 36, height: 36 }}>{initials(me.name)}</Avatar>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>{me.name}</Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div">{me.email}</Typography>
          {phone ? <Typography variant="caption" color="text.secondary" noWrap component="div">{me.phone}</Typography> : null}
        </Box>
      </Stack>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button size="small" href="/settings/profile">My profile</Button>
        <Button size="small" color="inherit">Sign out</Button>
      </Stack>
    </Box>
  );
}

function Page() {
  const { me, popover } = data;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar variant="dense">
          <Typography variant="h6" sx={{ flexGrow: 1 }}>Pipewell</Typography>
          <Tooltip title={`Account settings for ${me.name}`}>
            <IconButton size="small" aria-label={`Account settings for ${me.name}`} aria-haspopup="menu" aria-controls="account-popover" ref={(el) => { if (popover && el && !anchor) setAnchor(el); }}>
              <Avatar sx={{ width: 28, height: 28, fontSize: 13 }}>{initials(me.name)}</Avatar>
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      {popover ? (
        <Popper id="account-popover" open={!!anchor} anchorEl={anchor} placement="bottom-end" role="dialog" aria-label="Account" sx={{ zIndex: 1300 }}>
          <Paper elevation={8} sx={{ width: 260 }}><AccountBlock phone /></Paper>
        </Popper>
      ) : null}
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Drawer variant="permanent" sx={{ width: 220, '& .MuiDrawer-paper': { width: 220, position: 'relative', display: 'flex', flexDirection: 'column' } }}>
          <List dense>
            {data.menu.map((m, i) => <ListItemButton key={m} selected={i === 1}><ListItemText primary={m} /></ListItemButton>)}
          </List>
          <Box sx={{ flex: 1 }} />
          {popover ? null : <><Divider /><AccountBlock /></>}
        </Drawer>
        <Box sx={{ flex: 1, p: 3, overflow: 'auto' }}>
          <Typography variant="h5" component="h1">My leads</Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mt: 2 }}>
            {data.leads.map((l, i) => (
              <Card key={l.email} variant="outlined">
                <CardContent>
                  <Typography variant="subtitle1" component="h2">{l.name}</Typography>
                  <Typography variant="body2" color="text.secondary">{l.company}</Typography>
                  <Divider sx={{ my: 1 }} />
                  <Typography variant="body2"><Link href={`mailto:${l.email}`}>{l.email}</Link></Typography>
                  <Typography variant="body2">{l.phone}</Typography>
                  <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
                    <Avatar sx={{ width: 20, height: 20, fontSize: 10 }}>{initials(me.name)}</Avatar>
                    <Typography variant="caption" color="text.secondary">{i % 2 ? `Assigned to ${me.name}` : `Owner: ${me.name}`}</Typography>
                  </Stack>
                  <Typography variant="caption" color="text.secondary" component="div">Stage: {l.stage}</Typography>
                </CardContent>
              </Card>
            ))}
          </Box>
          <Paper variant="outlined" sx={{ mt: 3, p: 2 }}>
            <Typography variant="subtitle2">Activity</Typography>
            <Typography variant="body2">{me.name} logged a call with {data.leads[0]!.name}</Typography>
            <Typography variant="body2">{me.name} moved {data.leads[1]!.name} to {data.leads[1]!.stage}</Typography>
          </Paper>
        </Box>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(700);
