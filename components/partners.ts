// The partner apps by the names their makers write them with ("HeyReach", not "heyreach").
import { i18n } from '#i18n';

const NAMES: Record<string, () => string> = {
  heygen: () => i18n.t('partners.heygen'),
  heyreach: () => i18n.t('partners.heyreach'),
  helloleads: () => i18n.t('partners.helloleads'),
  sproutvideo: () => i18n.t('partners.sproutvideo'),
};

export const partnerName = (id: string) => NAMES[id]?.() ?? id;
