// Bulk tag: 500 matched people tagged at once, against the floor set by the rate limit (100
// requests / 10 s) and the bulk endpoint (50 contacts per request). Measured only through the
// extension: until the background answers a bulk-tag message, the row says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/browsers';

export const BULK_PEOPLE = 500;
/** contacts per `POST /contacts/bulk/tags/update/{op}` (lib/outbox/bulk.ts) */
const PER_REQUEST = 50;
const RATE = { max: 100, intervalMs: 10_000 };

/** the fewest requests and the shortest time 500 people can be tagged in */
export function bulkFloor(latencyMs: number) {
  const requests = Math.ceil(BULK_PEOPLE / PER_REQUEST);
  const windows = Math.ceil(requests / RATE.max) - 1; // full rate windows waited before the last requests
  return { requests, ms: windows * RATE.intervalMs + latencyMs };
}

/** the bulk-tag message of the protocol, if the extension has one yet */
export function bulkMessage(): string | undefined {
  const protocol = readFileSync(path.join(repoRoot, 'lib/messaging.ts'), 'utf8');
  return /^\s*(\w*bulk\w*)\s*\(/im.exec(protocol)?.[1];
}
