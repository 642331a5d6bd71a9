// What the tag box offers for what was typed: the location's tag typed in full, then the tags that
// start with it, then those that contain it (tags used lately first, as the catalogue is ordered),
// and, when none does, the tag one typo away ("Did you mean ‘webinar’?"). Pure, so the rules are
// tested without a page.
// Enter takes the first offer; a tag that does not exist yet is only created on purpose
// (Shift+Enter or the "Create tag …" row), so a half-typed word never becomes a junk tag.

export const MAX_SUGGESTIONS = 8;

const lower = (s: string) => s.trim().toLowerCase();

export interface TagOffer {
  /** tags to take, best first */
  suggestions: string[];
  /** the suggestions are near misses of a typo, not matches of what was typed */
  nearMiss: boolean;
  /** what was typed names a tag of the location (any case) */
  exact: boolean;
  /** what Shift+Enter creates: the typed text, when it is not a tag of the location already */
  creatable?: string;
}

/** Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be "meant": 1 up to 5 letters, 2 beyond. */
const allowedTypos = (length: number) => (length < 3 ? 0 : length <= 5 ? 1 : 2);

/** Tags of the catalogue one or two typos away from `typed`, closest first. */
export function nearMisses(catalogue: string[], typed: string): string[] {
  const q = lower(typed);
  const allowed = allowedTypos(q.length);
  if (!allowed) return [];
  return catalogue
    .map((tag) => ({ tag, distance: editDistance(q, lower(tag)) }))
    .filter((c) => c.distance > 0 && c.distance <= allowed)
    .sort((x, y) => x.distance - y.distance)
    .map((c) => c.tag)
    .slice(0, 3);
}

/** The offers for `typed`, leaving out tags the contact has (`present`). */
export function offerTags(catalogue: string[], typed: string, present: string[]): TagOffer {
  const q = lower(typed);
  const has = new Set(present.map(lower));
  const free = catalogue.filter((t) => !has.has(lower(t)));
  const exact = catalogue.some((t) => lower(t) === q);
  const creatable = q && !exact && !has.has(q) ? typed.trim() : undefined;
  if (!q) return { suggestions: free.slice(0, MAX_SUGGESTIONS), nearMiss: false, exact, creatable };
  // the tag typed in full comes first, before longer tags used more lately ("hot" before "hot-list")
  const whole = free.filter((t) => lower(t) === q);
  const starts = free.filter((t) => lower(t).startsWith(q) && lower(t) !== q);
  const contains = free.filter((t) => !lower(t).startsWith(q) && lower(t).includes(q));
  const found = [...whole, ...starts, ...contains].slice(0, MAX_SUGGESTIONS);
  if (found.length) return { suggestions: found, nearMiss: false, exact, creatable };
  return { suggestions: nearMisses(free, q), nearMiss: true, exact, creatable };
}

/** The last tags used, newest first, without repeats (any case), at most `max`. */
export function recentFirst(tag: string, recent: string[], max: number): string[] {
  return [tag, ...recent.filter((t) => lower(t) !== lower(tag))].slice(0, max);
}
