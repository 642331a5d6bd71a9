// Bundle sizes of every entrypoint of the Chrome build, minified (as built) and gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromeBuild } from '../lib/browsers';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export function bundleSizes(dir = chromeBuild): FileSize[] {
  const out: FileSize[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) visit(p);
      else if (/\.(js|css|html)$/.test(e)) {
        const data = readFileSync(p);
        out.push({ file: path.relative(dir, p), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  visit(dir);
  return out.sort((a, b) => b.bytes - a.bytes);
}
