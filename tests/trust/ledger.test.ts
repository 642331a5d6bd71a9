// The ledger vouches only for what the background itself stored: not for a value planted in
// storage.local, changed there, moved to another key or put back after it was replaced; a worker
// stopped in the middle of a write still finds its own item; the first start after the update
// from the version before the ledger adopts what that version stored, and only then.
import { describe, expect, it } from 'vitest';
import { canonicalJson, createLedger, memoryLedgerStore, type LedgerStore } from '../../lib/trust';

const ledgerOver = (items: Record<string, unknown>, previousVersion = false, store: LedgerStore = memoryLedgerStore()) =>
  createLedger({ store, snapshot: async () => items, previousVersionLeftData: async () => previousVersion, log: () => undefined });

/** Stores `value` under `key` the way the background does (both steps). */
async function store(ledger: ReturnType<typeof ledgerOver>, items: Record<string, unknown>, key: string, value: unknown) {
  const [digest] = await ledger.willStore([[`local:${key}`, value]]);
  items[key] = value;
  await ledger.stored([[`local:${key}`, digest!]]);
}

describe('the ledger', () => {
  it('vouches for what was stored through it, and for nothing planted, changed, moved or put back', async () => {
    const items: Record<string, unknown> = {};
    const ledger = ledgerOver(items);
    const record = { v: 1, id: 'w1', write: { kind: 'tag.add', tags: ['vip'] } };
    await store(ledger, items, 'outbox:w:w1', record);
    expect(await ledger.verdict('local:outbox:w:w1', record)).toBe('ours');
    // browser storage may hand an object back with its members in another order
    expect(await ledger.verdict('local:outbox:w:w1', { write: { tags: ['vip'], kind: 'tag.add' }, id: 'w1', v: 1 })).toBe('ours');
    expect(await ledger.verdict('local:outbox:w:w2', { ...record, id: 'w2' })).toBe('unknown'); // planted
    expect(await ledger.verdict('local:outbox:w:w1', { ...record, write: { kind: 'tag.add', tags: ['attacker'] } })).toBe('unknown'); // changed
    expect(await ledger.verdict('local:outbox:w:copy', record)).toBe('unknown'); // a copy under another key
    const done = { ...record, state: 'done' };
    await store(ledger, items, 'outbox:w:w1', done);
    expect(await ledger.verdict('local:outbox:w:w1', done)).toBe('ours');
    expect(await ledger.verdict('local:outbox:w:w1', record)).toBe('unknown'); // the older copy put back
    await ledger.removed(['local:outbox:w:w1']);
    expect(await ledger.verdict('local:outbox:w:w1', done)).toBe('unknown'); // removed, then put back
  });

  it('a worker stopped between the two steps of a write finds its item whichever copy storage kept', async () => {
    const items: Record<string, unknown> = {};
    const kept = memoryLedgerStore();
    const ledger = ledgerOver(items, false, kept);
    await store(ledger, items, 'settings', { apiBaseUrl: 'https://services.leadconnectorhq.com' });
    await ledger.willStore([['local:settings', { apiBaseUrl: 'https://api.example' }]]); // then the worker died
    const next = ledgerOver(items, false, kept); // the next worker, from what IndexedDB kept
    expect(await next.verdict('local:settings', { apiBaseUrl: 'https://services.leadconnectorhq.com' })).toBe('ours');
    expect(await next.verdict('local:settings', { apiBaseUrl: 'https://api.example' })).toBe('ours');
    expect(await next.verdict('local:settings', { apiBaseUrl: 'https://collector.example' })).toBe('unknown');
  });

  it('adopts what the previous version stored at the first start after the update, and only then', async () => {
    const items: Record<string, unknown> = { 'outbox:w:old': { id: 'old' }, settings: { apiBaseUrl: 'x' } };
    const kept = memoryLedgerStore();
    const first = ledgerOver(items, true, kept);
    expect(await first.verdict('local:outbox:w:old', { id: 'old' })).toBe('adopted');
    expect(await first.verdict('local:settings', { apiBaseUrl: 'x' })).toBe('adopted');
    items['outbox:w:later'] = { id: 'later' }; // planted after the update, made to look old
    const second = ledgerOver(items, true, kept);
    expect(await second.verdict('local:outbox:w:later', { id: 'later' })).toBe('unknown');
    expect(await second.verdict('local:outbox:w:old', { id: 'old' })).toBe('adopted');
  });

  it('adopts nothing on a new install, or after Forget everything', async () => {
    const items: Record<string, unknown> = { 'outbox:w:planted': { id: 'planted' } };
    expect(await ledgerOver(items, false).verdict('local:outbox:w:planted', { id: 'planted' })).toBe('unknown');
    const kept = memoryLedgerStore();
    const ledger = ledgerOver(items, true, kept);
    await ledger.reset();
    expect(await ledger.verdict('local:outbox:w:planted', { id: 'planted' })).toBe('unknown');
    expect(await ledgerOver(items, true, kept).verdict('local:outbox:w:planted', { id: 'planted' })).toBe('unknown'); // the next start too
  });

  it('writes JSON with object members in one order, whatever order they came in', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, e: null }], z: 'x' })).toBe('{"a":[{"d":2,"e":null}],"b":1,"z":"x"}');
    expect(canonicalJson([undefined, 1])).toBe(JSON.stringify([undefined, 1]));
  });
});
