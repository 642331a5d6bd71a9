import { AppBar, Avatar, Box, Card, CardContent, Chip, Divider, Drawer, IconButton, List, ListItemButton, ListItemText, Stack, Toolbar, Tooltip, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { initials, type Me } from './mui-chrome';

interface Sender { name: string; email: string; title: string; company: string; phone: string }
const data = props<{ me: Me & { title: string }; a: Sender; b: Sender; folders: string[] }>();

// webmail: the folders in a side drawer (an <aside>) with the signed-in user's account block at its
// foot; the header's account button labelled with the user's name; a thread where the user's own
// messages are "me <address>" and others' are addressed "to me"
function Message({ from, to, cc, date, children }: { from: React.ReactNode; to: React.ReactNode; cc?: React.ReactNode; date: string; children: React.ReactNode }) {
  return (
    <Card variant="outlined" sx={{ mt: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
          <Box>
            <Typography variant="subtitle2" component="div">{from}</Typography>
            <Typography variant="caption" color="text.secondary" component="div">to {to}{cc ? <>, cc {cc}</> : null}</Typography>
          </Box>
          <Typography variant="caption" color="text.secondary">{date}</Typography>
        </Stack>
        <Divider sx={{ my: 1.5 }} />
        {children}
      </CardContent>
    </Card>
  );
}

function Signature({ lines }: { lines: string[] }) {
  return <Box sx={{ mt: 2 }}>{lines.map((l, i) => <Typography key={i} variant="body2" sx={i === 1 ? { fontWeight: 600 } : undefined}>{l}</Typography>)}</Box>;
}

function Page() {
  const { me, a, b } = data;
  const first = (n: string) => n.split(' ')[0];
  return (
    <>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar variant="dense">
          <Typography variant="h6" sx={{ flexGrow: 1 }}>Larkmail</Typography>
          <Tooltip title={`Account settings for ${me.name}`}>
            <IconButton size="small"><Avatar sx={{ width: 28, height: 28, fontSize: 13 }}>{initials(me.name)}</Avatar></IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Stack direction="row" sx={{ height: 'calc(100vh - 48px)' }}>
        <Box component="aside" sx={{ display: 'flex' }}><Drawer variant="permanent" sx={{ width: 230, '& .MuiDrawer-paper': { width: 230, position: 'relative', display: 'flex', flexDirection: 'column' } }}>
          <List dense>
            {data.folders.map((f, i) => <ListItemButton key={f} selected={i === 0}><ListItemText primary={f} /></ListItemButton>)}
          </List>
          <Box sx={{ flex: 1 }} />
          <Divider />
          <Stack direction="row" spacing={1.5} sx={{ p: 1.5, alignItems: 'center' }}>
            <Avatar sx={{ width: 32, height: 32 }}>{initials(me.name)}</Avatar>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>{me.name}</Typography>
              <Typography variant="caption" color="text.secondary" noWrap component="div">{me.email}</Typography>
            </Box>
          </Stack>
        </Drawer></Box>
        <Box sx={{ flex: 1, p: 3, overflow: 'auto' }} component="main">
          <Typography variant="h5" component="h1">Q3 rollout plan</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
            <Chip size="small" avatar={<Avatar>{initials(a.name)}</Avatar>} label={a.name} />
            <Chip size="small" avatar={<Avatar>{initials(b.name)}</Avatar>} label={b.name} />
          </Stack>
          <Message from={<>{a.name} &lt;{a.email}&gt;</>} to="me" cc={b.name} date="Mon, 9 Mar 2026, 10:12">
            <Typography variant="body2">Hi {first(me.name)}, attached is the rollout plan for the three sites. Could you confirm the training dates?</Typography>
            <Signature lines={['Kind regards,', a.name, a.title, a.company, `M: ${a.phone}`]} />
          </Message>
          <Message from={<>me &lt;{me.email}&gt;</>} to={a.name} cc={b.name} date="Mon, 9 Mar 2026, 14:40">
            <Typography variant="body2">Thanks {first(a.name)} — the 14th and 21st work for us. Looping in {first(b.name)} for the venue.</Typography>
            <Signature lines={['Best regards,', me.name, me.title, 'Larkmail']} />
          </Message>
          <Message from={<>{b.name} &lt;{b.email}&gt;</>} to={<>me, {a.name}</>} date="Tue, 10 Mar 2026, 08:05">
            <Typography variant="body2">Both dates are fine; the main hall is booked.</Typography>
            <Signature lines={['Cheers,', b.name, `${b.title}, ${b.company}`]} />
          </Message>
        </Box>
      </Stack>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
