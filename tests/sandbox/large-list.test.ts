// The committed 200-lead HeyReach page is what its generator writes from the seed: a change to the
// seed or the page's markup that was not followed by `npx tsx sandbox/partners/large-list.ts` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LARGE_LIST, largeListContacts, renderLeadList } from '../../sandbox/partners/large-list';

describe('the large lead list page', () => {
  it('is the generator’s output for the default seed, with its 200 leads', () => {
    const contacts = largeListContacts();
    expect(contacts).toHaveLength(LARGE_LIST.size);
    expect(readFileSync(LARGE_LIST.file, 'utf8')).toBe(renderLeadList(contacts));
  });
});
