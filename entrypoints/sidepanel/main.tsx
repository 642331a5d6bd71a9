import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { SidebarApp } from '@/components/SidebarApp';
import '@/components/theme.css';

document.documentElement.lang = i18n.t('lang');
document.title = i18n.t('extName');
createRoot(document.getElementById('root')!).render(<SidebarApp />);
