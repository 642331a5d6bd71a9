// The detector's source (lib/detect) bundled to run inside a page, as `globalThis[globalName]`:
// scanPage, rescanParts, adapterFor and watchPage. For the bench and for the test comparing it
// with the shipped content script; esbuild bundles it as the build does, minus the build's minifier.
import { build } from 'esbuild';
import { repoRoot } from './browsers';

export async function detectorSource(globalName: string): Promise<string> {
  const out = await build({
    stdin: {
      contents: "export { scanPage, rescanParts } from './lib/detect/engine'; export { adapterFor } from './lib/detect/sites'; export { watchPage } from './lib/detect/watch';",
      resolveDir: repoRoot,
      sourcefile: 'detector-source.ts',
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    globalName,
    write: false,
    alias: { '@': repoRoot },
  });
  return out.outputFiles[0]!.text;
}
