// A stored value's fingerprint: SHA-256 of its storage key and its JSON with object members in
// sorted order (browser storage may hand an object back with its members in another order, and
// drops members that are undefined), so the value read back has the fingerprint it was stored with.

/** JSON of `value` with object members sorted by name and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((name) => (value as Record<string, unknown>)[name] !== undefined)
    .sort()
    .map((name) => `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`);
  return `{${members.join(',')}}`;
}

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** 144 bits of SHA-256 over the key and the value: what the ledger keeps per stored item. */
export async function digestOf(key: string, value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${key}\u0000${canonicalJson(value)}`);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return toBase64Url(hash.subarray(0, 18));
}
