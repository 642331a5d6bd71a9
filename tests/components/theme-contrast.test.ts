// The focus ring can be seen: against the page and the cards, in the light and the dark theme, its
// colour has the 3:1 contrast WCAG asks of a focus indicator (theme.css's --focus).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../components/theme.css', import.meta.url), 'utf8');
const dark = css.slice(css.indexOf('prefers-color-scheme: dark'));
const light = css.slice(0, css.indexOf('prefers-color-scheme: dark'));
const colour = (block: string, name: string) => /#[0-9a-f]{6}/i.exec(block.slice(block.indexOf(`--${name}:`)))![0];

/** WCAG relative luminance and contrast ratio of two #rrggbb colours */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the focus ring', () => {
  for (const [theme, block] of [['light', light], ['dark', dark]] as const) {
    it(`stands out 3:1 from the page and the cards in the ${theme} theme`, () => {
      expect(contrast(colour(block, 'focus'), colour(block, 'bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(colour(block, 'focus'), colour(block, 'card'))).toBeGreaterThanOrEqual(3);
    });
  }
});
