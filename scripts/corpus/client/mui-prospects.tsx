import { Avatar, Box, Button, Card, CardActions, CardContent, Chip, List, ListItem, ListItemAvatar, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Prospect { name: string; role: string; city: string }
const data = props<{ me: Me; cards: Prospect[]; list: Prospect[] }>();

// prospects with no contact details: cards whose name is a heading, and a list whose name is a
// <strong>, each followed by a role line ("Head of Sales at Acme") and the city
function Page() {
  return (
    <>
      <TopBar app="Scoutline" me={data.me} />
      <Box sx={{ p: 3 }} component="main">
        <Typography variant="h5" component="h1">Suggested prospects</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 2, mt: 2 }}>
          {data.cards.map((p) => (
            <Card key={p.name} variant="outlined">
              <CardContent>
                <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
                  <Avatar>{initials(p.name)}</Avatar>
                  <Box>
                    <Typography variant="h6" component="h3">{p.name}</Typography>
                    <Typography variant="body2" color="text.secondary">{p.role}</Typography>
                  </Box>
                </Stack>
                <Chip size="small" label={p.city} sx={{ mt: 1 }} />
              </CardContent>
              <CardActions><Button size="small">Add to list</Button></CardActions>
            </Card>
          ))}
        </Box>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>Recently viewed</Typography>
        <List>
          {data.list.map((p) => (
            <ListItem key={p.name} divider>
              <ListItemAvatar><Avatar>{initials(p.name)}</Avatar></ListItemAvatar>
              <Box sx={{ flex: 1 }}>
                <Typography variant="body2"><strong>{p.name}</strong></Typography>
                <Typography variant="body2" color="text.secondary">{p.role}</Typography>
              </Box>
              <Typography variant="caption" color="text.secondary">{p.city}</Typography>
            </ListItem>
          ))}
        </List>
      </Box>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
