// App chrome drawn with MUI for the MUI pages: an app bar with the signed-in user's avatar and
// a kept-mounted (hidden) account menu, and a footer with role mailboxes and the switchboard.
import { AppBar, Avatar, Box, Divider, IconButton, Link, Menu, MenuItem, Toolbar, Typography } from '@mui/material';

export interface Me {
  name: string;
  email: string;
}

const initials = (name: string) => name.split(' ').map((w) => w[0]).join('').slice(0, 2);

export function TopBar({ app, me }: { app: string; me: Me }) {
  return (
    <AppBar position="static" color="default" elevation={1}>
      <Toolbar variant="dense">
        <Typography variant="h6" sx={{ flexGrow: 1 }}>{app}</Typography>
        <IconButton aria-label={`Account of ${me.name}`} aria-haspopup="true" size="small">
          <Avatar sx={{ width: 28, height: 28, fontSize: 13 }}>{initials(me.name)}</Avatar>
        </IconButton>
        <Menu open={false} anchorEl={null} keepMounted>
          <MenuItem disabled>
            <Box>
              <Typography variant="subtitle2">{me.name}</Typography>
              <Typography variant="body2" color="text.secondary">{me.email}</Typography>
            </Box>
          </MenuItem>
          <Divider />
          <MenuItem>Settings</MenuItem>
          <MenuItem>Sign out</MenuItem>
        </Menu>
      </Toolbar>
    </AppBar>
  );
}

export function Footer({ mailboxes, switchboard }: { mailboxes: string[]; switchboard?: string }) {
  return (
    <Box component="footer" sx={{ mt: 4, py: 2, borderTop: 1, borderColor: 'divider', color: 'text.secondary' }}>
      <Typography variant="body2">
        Need help? {mailboxes.map((m, i) => (
          <span key={m}>{i ? ' · ' : ''}<Link href={`mailto:${m}`}>{m}</Link></span>
        ))}
        {switchboard ? <> · Switchboard <Link href={`tel:${switchboard.replace(/[^\d+]/g, '')}`}>{switchboard}</Link></> : null}
      </Typography>
    </Box>
  );
}

export { initials };
