import { Box, Container, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';
import { Footer, TopBar, type Me } from './mui-chrome';

const data = props<{ me: Me; rows: Record<string, string | number>[]; mailboxes: string[] }>();
const columns: GridColDef[] = [
  { field: 'firstName', headerName: 'First name', width: 120 },
  { field: 'lastName', headerName: 'Last name', width: 130 },
  { field: 'email', headerName: 'Email', width: 270 },
  { field: 'phone', headerName: 'Phone', width: 140 },
  { field: 'company', headerName: 'Company', width: 190 },
  { field: 'jobTitle', headerName: 'Job title', width: 190 },
  { field: 'owner', headerName: 'Owner', width: 150 },
  { field: 'created', headerName: 'Created', width: 110 },
];

function Page() {
  return (
    <>
      <TopBar app="Fernhollow CRM" me={data.me} />
      <Container maxWidth={false} sx={{ mt: 2 }}>
        <Typography variant="h5" component="h1" gutterBottom>People</Typography>
        <Box sx={{ height: 520, width: '100%' }}>
          <DataGrid rows={data.rows} columns={columns} checkboxSelection disableRowSelectionOnClick density="compact" hideFooter={false} />
        </Box>
        <Footer mailboxes={data.mailboxes} />
      </Container>
    </>
  );
}

createRoot(root()).render(<Page />);
void done(1500, () => [...document.querySelectorAll('[data-rowindex]')].map((r) => Number(r.getAttribute('data-rowindex'))));
