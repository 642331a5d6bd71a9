import { Box, Container, Typography } from '@mui/material';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { Footer, TopBar, type Me } from './mui-chrome';

interface Row { first: string; last: string; email: string; country: string; phone: string; company: string; role: string; owner: string; updated: string }
const data = props<{ me: Me; rows: Row[]; mailboxes: string[] }>();
const COLUMNS = ['First name', 'Last name', 'Email', 'Country', 'Mobile', 'Company', 'Title', 'Owner', 'Updated'];

// a CSS grid of plain boxes: header cells are sibling divs, each row a `display: contents` box
function Page() {
  return (
    <>
      <TopBar app="Quillstone" me={data.me} />
      <Container maxWidth="xl" sx={{ mt: 3 }}>
        <Typography variant="h5" component="h1" gutterBottom>Prospects</Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(${COLUMNS.length}, auto)`, columnGap: 2, rowGap: 1, fontSize: 14 }}>
          {COLUMNS.map((c) => <Typography key={c} variant="overline" sx={{ lineHeight: 2 }}>{c}</Typography>)}
          {data.rows.map((r) => (
            <Box key={r.email} sx={{ display: 'contents' }}>
              <Box>{r.first}</Box>
              <Box>{r.last}</Box>
              <Box>{r.email}</Box>
              <Box>{r.country}</Box>
              <Box>{r.phone}</Box>
              <Box>{r.company}</Box>
              <Box>{r.role}</Box>
              <Box sx={{ color: 'text.secondary' }}>{r.owner}</Box>
              <Box sx={{ color: 'text.secondary' }}>{r.updated}</Box>
            </Box>
          ))}
        </Box>
        <Footer mailboxes={data.mailboxes} />
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(500);
