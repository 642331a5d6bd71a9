import { Avatar, Box, Card, CardContent, CardHeader, Container, Grid, Link, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { Footer, TopBar, initials, type Me } from './mui-chrome';

interface Person { name: string; title: string; company: string; email: string; phone: string; city: string }
const data = props<{ me: Me; cards: Person[]; switchboard: string; mailboxes: string[] }>();

function Page() {
  return (
    <>
      <TopBar app="Quaymark Partners" me={data.me} />
      <Container maxWidth="lg" sx={{ mt: 3 }}>
        <Stack sx={{ justifyContent: 'space-between', alignItems: 'baseline' }} direction="row">
          <Typography variant="h4" component="h1">Partner directory</Typography>
          <Typography variant="body2">Main office <Link href={`tel:${data.switchboard.replace(/[^\d+]/g, '')}`}>{data.switchboard}</Link></Typography>
        </Stack>
        <Grid container spacing={2} sx={{ mt: 1 }}>
          {data.cards.map((p) => (
            <Grid key={p.email} size={{ xs: 12, sm: 6, md: 4 }}>
              <Card variant="outlined">
                <CardHeader avatar={<Avatar>{initials(p.name)}</Avatar>} title={p.name} subheader={p.title} />
                <CardContent>
                  <Typography sx={{ fontWeight: 600 }} variant="body2">{p.company}</Typography>
                  <Typography variant="body2" color="text.secondary">{p.city}</Typography>
                  <Box sx={{ mt: 1 }}>
                    <Link sx={{ display: 'block' }} href={`mailto:${p.email}`} variant="body2">{p.email}</Link>
                    <Link sx={{ display: 'block' }} href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} variant="body2">{p.phone}</Link>
                  </Box>
                </CardContent>
              </Card>
            </Grid>
          ))}
        </Grid>
        <Footer mailboxes={data.mailboxes} />
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
