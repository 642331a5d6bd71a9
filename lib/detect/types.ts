// What the detector reports for one person found on a page. Every field is optional except
// that a person has at least one of name, email, phone or linkedin.
// email lowercase; phone E.164; linkedin https://www.linkedin.com/in/<slug>
export interface DetectedPerson {
  name?: string;
  email?: string;
  phone?: string;
  linkedin?: string;
  company?: string;
  title?: string;
  /**
   * the partner app's own id of the person's record (a lead id on its row, the id in a detail
   * page's URL): reported bare; the background keeps it as "<site>:<id>"
   */
  partnerId?: string;
  /** what the partner app shows about the person beyond the contact fields, worth a note in HighLevel */
  details?: PartnerDetails;
}

/** the kinds of partner details read: a lead's status or stage, its potential, the video watched */
export type DetailKind = 'status' | 'stage' | 'potential' | 'video';

export type PartnerDetails = Partial<Record<DetailKind, string>>;

/**
 * A person as the content script reports it: the phone as written on the page (a candidate,
 * "+49 151 1234 5678" or "0151 1234 5678"), with the country a national number is dialled in.
 * The background normalises it to E.164 (lib/detect/normalise.ts) before keeping it.
 */
export interface ReportedPerson extends DetectedPerson {
  /** the country of a national phone number (from <html lang> or the caller); absent for "+…" numbers */
  phoneCountry?: string;
  /**
   * where the person is, as their row or card writes it ("United Kingdom", "🇬🇧", "Munich,
   * Germany"), sent with a national phone: the background reads the number in that country when
   * the text names one (in English or the page's language), else in `phoneCountry`'s
   */
  countryText?: string;
  /** only the phone makes this a person: if it is not a valid number, neither is the person */
  phoneOnly?: true;
}

export interface PageDetection {
  /** the people on the page, in document order */
  people: DetectedPerson[];
  /** index into `people` of the one the user is looking at (detail view, clicked/hovered row), if any */
  focused?: number;
  /** 'list' | 'detail' | 'other', as the site adapter or the page shape says */
  view: 'list' | 'detail' | 'other';
  /** the partner adapter that handled the page, or 'generic' */
  site: string;
}

/** what the content script sends: a detection whose phones are still candidates */
export interface PageReport extends PageDetection {
  /** how many more people the page shows than the report carries (it carries at most 500) */
  more?: number;
  /** the page's language (<html lang>), for the country names its people's rows are written in */
  lang?: string;
  /** how many people the site's taught rules found (absent: no rule applied) */
  taught?: number;
  people: ReportedPerson[];
}
