// The partner app's own data a page reports with a person, checked like every page value: the
// record id kept only as a plain id, under its site's name ("helloleads:1042": ids of two apps never
// meet), and the details worth a note only of the known kinds, each a short clean text. Anything
// else is left out; the person keeps the rest.
import type { DetectedPerson, DetailKind, PartnerDetails } from '../detect';
import { cleanText } from './clean';

const ID = /^[\w.-]{1,64}$/;
const SITE = /^[a-z][a-z0-9-]{0,39}$/;
const KINDS: readonly DetailKind[] = ['status', 'stage', 'potential', 'video'];

/** The longest detail kept (a status, a video's title). */
export const DETAIL_MAX = 100;

/** The partner id and details of a reported person, on a partner's page (none on other pages). */
export function cleanPartnerData(raw: Readonly<Record<string, unknown>>, site: string): Pick<DetectedPerson, 'partnerId' | 'details'> {
  if (site === 'generic' || !SITE.test(site)) return {};
  const out: Pick<DetectedPerson, 'partnerId' | 'details'> = {};
  if (typeof raw.partnerId === 'string' && ID.test(raw.partnerId)) out.partnerId = `${site}:${raw.partnerId}`;
  const given = raw.details;
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    const details: PartnerDetails = {};
    for (const kind of KINDS) {
      const value = (given as Record<string, unknown>)[kind];
      const text = typeof value === 'string' && value.length <= 1_000 ? cleanText(value) : '';
      if (text && text.length <= DETAIL_MAX) details[kind] = text;
    }
    if (Object.keys(details).length) out.details = details;
  }
  return out;
}
