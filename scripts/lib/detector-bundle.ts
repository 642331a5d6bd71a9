// The content script as the build ships it (detector.js): lib/detect/content-script.ts bundled on
// its own, not as a WXT entrypoint, so it carries no WXT context, wrapper or logger and no
// webextension polyfill (it only calls runtime.sendMessage, which both browsers have natively).
// Minified by esbuild, Vite's own default minifier, and nothing more: the shipped file means what
// the source says (tests/e2e/detector-bundle.e2e.test.ts checks it reports what the source does).
// Used by wxt.config.ts, and by the bench, which sets its size against DETECTOR_MAX_BYTES.
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** the limit on the content script's size, minified: it runs on every page of every enabled site */
export const DETECTOR_MAX_BYTES = 45_000;

export async function detectorBundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '../../lib/detect/content-script.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
