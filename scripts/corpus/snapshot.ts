// Runs inside the rendered page (passed to page.evaluate, so it must be self-contained): turns
// the live DOM into a static page. Every stylesheet's rules are read through the CSSOM (CSS-in-JS
// libraries insert rules that no <style> text shows) and only those whose selectors match an
// element of the page are kept, in one <style>; scripts, style elements and stylesheet links are
// removed; form controls' current values become attributes, so the file shows what was on screen.
export function snapshot(): string {
  /** pseudo-elements and state pseudo-classes a static document never matches with querySelector */
  const DYNAMIC = /::?(?:before|after|placeholder|selection|marker|backdrop|file-selector-button|first-line|first-letter|-webkit-[\w-]+|-moz-[\w-]+|-ms-[\w-]+)(?:\([^)]*\))?|:(?:hover|focus|focus-visible|focus-within|active|visited|link|target|autofill|placeholder-shown|any-link)\b/g;
  const splitTop = (selector: string): string[] => {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < selector.length; i++) {
      const c = selector[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (c === ',' && depth === 0) {
        parts.push(selector.slice(start, i).trim());
        start = i + 1;
      }
    }
    parts.push(selector.slice(start).trim());
    return parts.filter(Boolean);
  };
  const matches = (selector: string): boolean => {
    let s = selector.replace(DYNAMIC, '').trim();
    if (!s || /[>+~]$/.test(s)) s = s.replace(/[>+~]\s*$/, '').trim() || '*';
    try {
      return document.querySelector(s) !== null;
    } catch {
      return true; // a selector this engine cannot test: keep it
    }
  };
  const keyframes = new Map<string, string>();
  const prelude = (rule: CSSRule) => rule.cssText.slice(0, rule.cssText.indexOf('{')).trim();
  const rulesOf = (rules: CSSRuleList): string[] => {
    const out: string[] = [];
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        const kept = splitTop(rule.selectorText).filter(matches);
        if (!kept.length) continue;
        const nested = rule.cssRules?.length ? rulesOf(rule.cssRules).join('') : '';
        out.push(`${kept.join(',')}{${rule.style.cssText}${nested}}`);
      } else if (rule instanceof CSSKeyframesRule) {
        keyframes.set(rule.name, rule.cssText);
      } else if (rule instanceof CSSFontFaceRule || rule instanceof CSSImportRule) {
        continue; // no fonts or imports are loaded from disk
      } else if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) {
        const inner = rulesOf((rule as CSSGroupingRule).cssRules);
        if (inner.length) out.push(`${prelude(rule)}{${inner.join('')}}`);
      } else {
        out.push(rule.cssText);
      }
    }
    return out;
  };
  const css: string[] = [];
  const sheets = [...Array.from(document.styleSheets), ...(document.adoptedStyleSheets ?? [])];
  for (const sheet of sheets) {
    try {
      css.push(...rulesOf(sheet.cssRules));
    } catch {
      /* a sheet that cannot be read */
    }
  }
  const text = css.join('\n');
  for (const [name, rule] of keyframes) if (text.includes(name)) css.push(rule);

  for (const el of Array.from(document.querySelectorAll('input, textarea, select'))) {
    if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
      else if (el.value) el.setAttribute('value', el.value);
    } else if (el instanceof HTMLTextAreaElement) {
      el.textContent = el.value;
    } else if (el instanceof HTMLSelectElement) {
      for (const o of Array.from(el.options)) o.toggleAttribute('selected', o.selected);
    }
  }
  for (const el of Array.from(document.querySelectorAll('script, style, link[rel="stylesheet"], link[rel="preload"], link[rel="modulepreload"]'))) el.remove();
  const style = document.createElement('style');
  style.textContent = `\n${css.join('\n')}\n`;
  document.head.append(style);
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}
