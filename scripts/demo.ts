// `npm run demo`: builds the extension, starts the sandbox (a HighLevel-compatible server with demo
// partner pages), launches Chromium with the extension connected to it and opens a HeyReach list.
// With a display it stays open for you to use (Ctrl-C ends it); without one it runs headless, saves
// screenshots of the partner page and the sidebar, and prints their paths.
import { execSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { partnerSites } from '../sandbox/partners/sites';
import { chromeBuild, launchChromium, MissingBrowserError, repoRoot } from './lib/browsers';
import { connectWithToken, openPartnerPage, openSidebarFor, tabIdOf, waitForContact } from './lib/flow';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const outDir = path.join(repoRoot, 'demo-output');

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  say('Building the Chrome extension…');
  execSync('npx wxt build', { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 0) });
  say(`Sandbox (HighLevel-compatible API) at ${sandbox.baseUrl}, location ${sandbox.locationId}`);
  const heyreach = partnerSites.heyreach;
  const listPage = heyreach.pages.find((p) => p.view === 'list')!;
  const url = `https://${heyreach.host}${listPage.path}`;

  let eb;
  try {
    eb = await launchChromium({
      proxy: `${sandbox.proxy.host}:${sandbox.proxy.port}`,
      proxySpki: sandbox.proxy.spki,
      headless,
    });
  } catch (e) {
    if (!(e instanceof MissingBrowserError)) throw e;
    say(e.message);
    say(
      [
        '',
        'To try it by hand in Chrome or Chromium:',
        '  1. open chrome://extensions, switch on Developer mode, “Load unpacked” → ' + chromeBuild,
        '  2. in the extension’s options, under Advanced set the API base URL to ' + sandbox.baseUrl,
        `     and connect with location ID ${sandbox.locationId} and token ${sandbox.token}`,
        `  3. open the demo pages listed at ${sandbox.baseUrl}/partners/`,
        '',
        'The sandbox keeps running until you press Ctrl-C.',
      ].join('\n'),
    );
    return;
  }

  await connectWithToken(eb, { ...sandbox, apiBaseUrl: sandbox.baseUrl });
  const partner = await openPartnerPage(eb, url);
  const extPage = (await eb.browser.pages()).find((p) => p.url().startsWith(eb.extensionBase))!;
  const tabId = await tabIdOf(eb, extPage, url);
  const sidebar = await openSidebarFor(eb, tabId);
  await waitForContact(sidebar, 'Maya Okafor', 20_000);

  if (!headless) {
    await partner.bringToFront();
    say(`Chromium is open on ${url} with the sidebar in the next tab.`);
    say('Click the extension’s toolbar icon to open the real side panel. Ctrl-C ends the demo.');
    return;
  }
  await mkdir(outDir, { recursive: true });
  await partner.setViewport({ width: 1280, height: 800 });
  await sidebar.setViewport({ width: 400, height: 900 });
  const shots = [path.join(outDir, 'partner-page.png'), path.join(outDir, 'sidebar.png')] as const;
  // a background tab renders no frames in headless Chromium: bring each to the front first
  await partner.bringToFront();
  await partner.screenshot({ path: shots[0] });
  await sidebar.bringToFront();
  await sidebar.screenshot({ path: shots[1], fullPage: true });
  say('Screenshots:');
  for (const s of shots) say(`  ${s}`);
  await eb.close();
  await sandbox.close();
}

main().catch((e) => {
  process.stderr.write(`The demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
