// What a corpus page is: where it lives, which library draws it, the data its client renders and
// the ground truth written beside it.
import type { DetectedPerson } from '../../lib/detect/types';
import type { Rng } from './people';

export type Half = 'tuning' | 'check';

/** the ground truth of one page, in the format of tests/fixtures/pages/*.expected.json */
export interface Truth {
  url: string;
  view?: 'list' | 'detail' | 'other';
  /** a key (email / LinkedIn / phone) of the person the page focuses on */
  focused?: string;
  people: DetectedPerson[];
  /** values never to be reported: role mailboxes, the signed-in user, example data, hidden people */
  excluded: string[];
}

export interface Built {
  /** what the client entry receives as `window.__CORPUS__` */
  props: unknown;
  truth: Omit<Truth, 'url'>;
  /**
   * for virtualised grids: the index in `truth.people` of each person's row; only the rows the
   * library rendered (reported by the client as `rendered`) stay in the truth
   */
  rows?: number[];
}

export interface CorpusPage {
  /** file name without extension */
  name: string;
  half: Half;
  /** the library (and component) the page is drawn with */
  library: string;
  /** the shape of the page: table, grid, cards, mail thread, profile… */
  layout: string;
  url: string;
  /** <html lang> */
  lang: string;
  title: string;
  /** the client entry in ./client (bundled with esbuild) */
  client: string;
  /** stylesheets from node_modules put in the page before it renders */
  css?: string[];
  build(rng: Rng): Built;
}
