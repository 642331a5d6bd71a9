import { Avatar, Box, Button, Card, CardContent, Container, Dialog, DialogContent, DialogTitle, Grid, Link, List, ListItem, ListItemAvatar, ListItemText, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, initials } from './mui-chrome';

interface Subject { name: string; slug: string; headline: string; title: string; company: string; past: { title: string; company: string }; email: string; phone: string; city: string }
const data = props<{ me: { name: string }; subject: Subject; others: { name: string; slug: string; headline: string }[] }>();

function Page() {
  const s = data.subject;
  return (
    <>
      <TopBar app="Network" me={{ name: data.me.name, email: '' }} />
      <Container maxWidth="lg" sx={{ mt: 3 }}>
        <Grid container spacing={3}>
          <Grid size={{ xs: 12, md: 8 }}>
            <Card>
              <CardContent>
                <Avatar sx={{ width: 96, height: 96, fontSize: 36 }}>{initials(s.name)}</Avatar>
                <Typography variant="h4" component="h1" sx={{ mt: 1 }}>{s.name}</Typography>
                <Typography variant="body1">{s.headline}</Typography>
                <Typography variant="body2" color="text.secondary">{s.city} · <Link href={`/in/${s.slug}/overlay/contact-info/`}>Contact info</Link></Typography>
                <Button variant="contained" size="small" sx={{ mt: 1 }}>Connect</Button>
              </CardContent>
            </Card>
            <Card sx={{ mt: 2 }}>
              <CardContent>
                <Typography variant="h6" component="h2">Experience</Typography>
                <List>
                  <ListItem><ListItemText primary={s.title} secondary={`${s.company} · Full-time · Jan 2023 – Present`} /></ListItem>
                  <ListItem><ListItemText primary={s.past.title} secondary={`${s.past.company} · 2019 – 2022 · 3 yrs`} /></ListItem>
                </List>
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">People also viewed</Typography>
                <List>
                  {data.others.map((o) => (
                    <ListItem key={o.slug} alignItems="flex-start">
                      <ListItemAvatar><Avatar>{initials(o.name)}</Avatar></ListItemAvatar>
                      <ListItemText primary={<Link href={`/in/${o.slug}/`}>{o.name}</Link>} secondary={o.headline} />
                    </ListItem>
                  ))}
                </List>
              </CardContent>
            </Card>
          </Grid>
        </Grid>
      </Container>
      <Dialog open aria-labelledby="contact-info-title" transitionDuration={0}>
        <DialogTitle id="contact-info-title">{s.name} — Contact info</DialogTitle>
        <DialogContent>
          <Box sx={{ mb: 1.5 }}>
            <Typography variant="subtitle2">Profile</Typography>
            <Link href={`/in/${s.slug}/`}>linkedin.com/in/{s.slug}</Link>
          </Box>
          <Box sx={{ mb: 1.5 }}>
            <Typography variant="subtitle2">Phone</Typography>
            <Typography variant="body2">{s.phone} (Work)</Typography>
          </Box>
          <Box>
            <Typography variant="subtitle2">Email</Typography>
            <Link href={`mailto:${s.email}`}>{s.email}</Link>
          </Box>
        </DialogContent>
      </Dialog>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(600);
