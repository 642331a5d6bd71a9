import { createRoot } from 'react-dom/client';
import { SidebarApp } from '@/components/SidebarApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(<SidebarApp />);
