import { Avatar, Box, Card, CardContent, Chip, Container, Divider, Stack, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { TopBar, type Me } from './mui-chrome';

interface Sender { name: string; email: string; title: string; company: string; phone?: string; date?: string }
const data = props<{ me: Me; from: Sender; quoted: Sender; noreply: string }>();

/** a participant chip carrying the address as attributes, as webmail apps do */
function Participant({ name, email }: { name: string; email: string }) {
  const attrs = { email, name } as object;
  return <Chip size="small" avatar={<Avatar>{name[0]}</Avatar>} label={name} {...attrs} />;
}

function Page() {
  const { from, quoted, me } = data;
  return (
    <>
      <TopBar app="Orbitpost Mail" me={me} />
      <Container maxWidth="md" sx={{ mt: 3 }}>
        <Typography variant="h5" component="h1">Re: Renewal terms for 2026</Typography>
        <Card variant="outlined" sx={{ mt: 2 }}>
          <CardContent>
            <Stack sx={{ alignItems: 'center', flexWrap: 'wrap' }} direction="row" spacing={1}>
              <Typography variant="body2">From</Typography>
              <Participant name={from.name} email={from.email} />
              <Typography variant="body2">to</Typography>
              <Participant name={me.name} email={me.email} />
              <Typography variant="body2">cc</Typography>
              <Participant name={quoted.name} email={quoted.email} />
            </Stack>
            <Typography variant="caption" color="text.secondary">Wed, 4 Mar 2026, 16:02</Typography>
            <Divider sx={{ my: 2 }} />
            <Typography variant="body1" sx={{ mb: 2 }}>Hi {me.name.split(' ')[0]},</Typography>
            <Typography variant="body1" sx={{ mb: 2 }}>Thanks for the revised proposal. We are happy with the 24-month term; could you send the order form for 18 seats at £1,150.00 per seat? Our PO number is 4500018273.</Typography>
            <Box sx={{ mt: 2 }}>
              <Typography variant="body2">Best regards,</Typography>
              <Typography sx={{ fontWeight: 600 }} variant="body2">{from.name}</Typography>
              <Typography variant="body2">{from.title}</Typography>
              <Typography variant="body2">{from.company}</Typography>
              <Typography variant="body2">T: {from.phone}</Typography>
            </Box>
            <Box component="blockquote" sx={{ borderLeft: 3, borderColor: 'divider', pl: 2, ml: 0, mt: 3, color: 'text.secondary' }}>
              <Typography variant="body2">On {quoted.date}, {quoted.name} &lt;{quoted.email}&gt; wrote:</Typography>
              <Typography variant="body2" sx={{ mb: 2 }}>Looping in {from.name.split(' ')[0]}, who owns the budget on our side.</Typography>
              <Typography variant="body2">--</Typography>
              <Typography variant="body2">{quoted.name} | {quoted.title} | {quoted.company}</Typography>
            </Box>
          </CardContent>
        </Card>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 2 }}>
          Notifications for this thread are sent from {data.noreply}. Do not reply to that address.
        </Typography>
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
