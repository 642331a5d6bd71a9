import { Avatar, AvatarGroup, Box, Card, CardContent, Chip, Container, Link, Paper, Stack, Tooltip, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials, type Me } from './mui-chrome';

interface Deal { deal: string; amount: string; contact: string; email?: string; company: string; close: string }
const data = props<{ me: Me; stages: { name: string; deals: Deal[] }[] }>();

function Page() {
  return (
    <>
      <TopBar app="Dealflow" me={data.me} />
      <Container maxWidth={false} sx={{ mt: 2 }}>
        <Typography variant="h5" component="h1" gutterBottom>Pipeline</Typography>
        <Stack sx={{ alignItems: 'flex-start' }} direction="row" spacing={2}>
          {data.stages.map((s) => (
            <Paper key={s.name} sx={{ p: 1.5, width: 290, bgcolor: 'grey.100' }} variant="outlined">
              <Stack sx={{ justifyContent: 'space-between' }} direction="row"><Typography variant="subtitle1" component="h2">{s.name}</Typography><Chip size="small" label={s.deals.length} /></Stack>
              <Stack spacing={1.5} sx={{ mt: 1 }}>
                {s.deals.map((d) => (
                  <Card key={d.deal}>
                    <CardContent sx={{ p: 1.5 }}>
                      <Typography variant="subtitle2">{d.deal}</Typography>
                      <Typography variant="h6">{d.amount}</Typography>
                      <Typography variant="body2">{d.contact}</Typography>
                      <Typography variant="body2" color="text.secondary">{d.company}</Typography>
                      {d.email ? <Link variant="caption" href={`mailto:${d.email}`}>{d.email}</Link> : null}
                      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 1 }}>
                        <Typography variant="caption">Close {d.close}</Typography>
                        <AvatarGroup>
                          <Tooltip title={`Owner: ${data.me.name}`}><Avatar sx={{ width: 24, height: 24, fontSize: 11 }} aria-label={`Owner: ${data.me.name}`}>{initials(data.me.name)}</Avatar></Tooltip>
                        </AvatarGroup>
                      </Stack>
                    </CardContent>
                  </Card>
                ))}
              </Stack>
            </Paper>
          ))}
          <Box />
        </Stack>
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
