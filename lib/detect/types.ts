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
