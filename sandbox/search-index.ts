// The search index behind POST /contacts/search, the deprecated GET /contacts/ list and the list of
// a business's contacts. HighLevel's index catches up with writes a few seconds later: "Due to the
// complexity of advanced filtering, updates may take a few seconds to appear in search results"
// (HOOP, ../shared/ghl-api/README.md §5). With a delay set, a contact written (created, updated,
// deleted, tagged) is shown by those endpoints as it was before the write until `delayMs` after
// its latest write: a new contact is not found yet, a deleted one still is, an updated one is
// found by its old values and shown with them. Reads by id (GET /contacts/{id}) and the
// duplicate check (GET /contacts/search/duplicate, which applies the same rules as a create's
// duplicate refusal, §4 #4/#5) read the contacts themselves and never lag.
import type { Contact } from './types.ts';

interface Pending {
  /** The contact as the index last saw it; null when the index has not seen it yet (a create). */
  before: Contact | null;
  /** When the index catches up with the latest write. */
  until: number;
}

export class SearchIndex {
  private readonly pending = new Map<string, Pending>();

  constructor(
    /** 0 = the index follows every write at once. */
    public delayMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Call before a write changes, creates or deletes `id`. `current` is the contact as it is now
   * (undefined for a create). Writes in a row keep the index at the state before the first.
   */
  beforeWrite(id: string, current: Contact | undefined): void {
    if (this.delayMs <= 0) return;
    const now = this.now();
    const p = this.pending.get(id);
    const before = p && p.until > now ? p.before : current ? structuredClone(current) : null;
    this.pending.set(id, { before, until: now + this.delayMs });
  }

  /** The location's contacts as the index shows them now. */
  view(locationId: string, live: Contact[]): Contact[] {
    if (this.pending.size === 0) return live;
    const now = this.now();
    for (const [id, p] of this.pending) if (p.until <= now) this.pending.delete(id);
    const out: Contact[] = [];
    for (const c of live) {
      const p = this.pending.get(c.id);
      if (!p) out.push(c);
      else if (p.before) out.push(p.before);
    }
    const liveIds = new Set(live.map((c) => c.id));
    for (const [id, p] of this.pending) if (!liveIds.has(id) && p.before?.locationId === locationId) out.push(p.before);
    return out;
  }

  clear(): void {
    this.pending.clear();
  }
}
