import { createRoot } from 'react-dom/client';
import { i18n } from '#i18n';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/theme.css';

document.documentElement.lang = i18n.t('lang');
document.title = i18n.t('options.title');
createRoot(document.getElementById('root')!).render(<OptionsApp />);
