// The whole pipeline in one call, as the extension runs it in two places: scan the page (the
// content script's work, phones as candidates), then normalise the report (the background's
// work, phones to E.164). Used by the detect CLI and the tests.
import { scanPage, type DetectOptions } from './engine';
import { normaliseReport } from './normalise';
import type { PageDetection } from './types';

/** the people on a page (or under an element) as the background keeps them */
export function detectPeople(root: Document | Element, opts: DetectOptions): PageDetection {
  return normaliseReport(scanPage(root, opts).detection);
}
