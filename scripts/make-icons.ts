// Renders assets/icon.svg to public/icon/<size>.png (the sizes the stores and browsers ask for)
// with the system's headless Chromium. Run after changing the SVG: `npx tsx scripts/make-icons.ts`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium, repoRoot } from './lib/browsers';

const sizes = [16, 32, 48, 96, 128];
const svg = await readFile(path.join(repoRoot, 'assets/icon.svg'), 'utf8');
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of sizes) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: path.join(repoRoot, `public/icon/${size}.png`) as `${string}.png`, omitBackground: true });
}
await browser.close();
process.stdout.write(`icons: ${sizes.map((s) => `public/icon/${s}.png`).join(', ')}\n`);
