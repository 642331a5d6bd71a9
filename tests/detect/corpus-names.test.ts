// Held-out discipline: the detector's rules (lib/detect, adapters included) name no class, id or
// data attribute of any corpus page. A rule that names a corpus page's markup is fitted to that
// page and says nothing about pages we did not write.
//
// What counts as naming:
// - a CSS selector in a string literal: `.cls`, `#id`, `[data-x]`, `[class~=x]`, `[id=x]` name
//   that class, id or attribute exactly; `[class*=x]`, `[class^=x]`, `[class$=x]` (and id) name
//   every class containing, starting or ending with x;
// - a string given to classList.contains, getElementById, getElementsByClassName, or a `data-`
//   name given to getAttribute/hasAttribute/dataset;
// - the words of a regular expression tested against a class attribute (`/\b(vcard)\b/.test(cls)`).
// Exempt, because they belong to standards every app shares rather than to a page: ARIA roles, HTML
// element names, and the microformats vocabulary (h-card / vcard class names).
// Corpus side: every class token, id and data-* attribute name in tests/fixtures/corpus/**/*.html.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repo } from './helpers';

const ARIA_ROLES = ('alert alertdialog application article banner blockquote button caption cell checkbox code columnheader combobox ' +
  'comment complementary contentinfo definition deletion dialog directory document emphasis feed figure form generic grid gridcell ' +
  'group heading img image insertion link list listbox listitem log main mark marquee math menu menubar menuitem menuitemcheckbox ' +
  'menuitemradio meter navigation none note option paragraph presentation progressbar radio radiogroup region row rowgroup ' +
  'rowheader scrollbar search searchbox separator slider spinbutton status strong subscript suggestion superscript switch tab ' +
  'table tablist tabpanel term textbox time timer toolbar tooltip tree treegrid treeitem').split(' ');
const TAGS = ('a abbr address article aside audio b bdi bdo blockquote body br button canvas caption cite code col colgroup data ' +
  'datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr ' +
  'html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option ' +
  'output p picture pre progress q rp rt ruby s samp script search section select slot small source span strong style sub ' +
  'summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr').split(' ');
const MICROFORMATS = ('vcard fn n given-name family-name email tel org title role adr url note h-card p-name p-given-name ' +
  'p-family-name u-email p-tel p-org p-job-title p-role u-url p-note').split(' ');
const EXEMPT = new Set([...ARIA_ROLES, ...TAGS, ...MICROFORMATS]);

/** how a rule names markup: an exact token, or a part of one */
interface Named {
  kind: 'class' | 'id' | 'data';
  value: string;
  match: 'exact' | 'contains' | 'prefix' | 'suffix';
  caseless: boolean;
  where: string;
}

const ATTR = /\[\s*([\w-]+)\s*(?:([*^$|~]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+)))?\s*([is])?\s*\]/g;

/** what one string literal names, read as a selector */
function fromSelector(text: string, where: string): Named[] {
  const out: Named[] = [];
  for (const m of text.matchAll(ATTR)) {
    const [, name = '', op, v1, v2, v3, flag] = m;
    const value = v1 ?? v2 ?? v3 ?? '';
    const match = op === '*=' ? 'contains' : op === '^=' ? 'prefix' : op === '$=' ? 'suffix' : 'exact';
    if (name.startsWith('data-')) out.push({ kind: 'data', value: name, match: 'exact', caseless: false, where });
    else if ((name === 'class' || name === 'id') && value) {
      const kind = name === 'class' ? 'class' : 'id';
      for (const v of op === '~=' || op === '=' ? value.split(/\s+/) : [value]) out.push({ kind, value: v, match, caseless: flag === 'i', where });
    }
  }
  const rest = text.replace(ATTR, ' ');
  if (!/^[\w\s\-.#:>+~,*()]+$/.test(rest) || !/[.#]/.test(rest)) return out;
  for (const m of rest.matchAll(/(^|[\s>+~,(*]|[a-z0-9\])])([.#])(-?[_a-zA-Z][\w-]*)/g)) {
    out.push({ kind: m[2] === '.' ? 'class' : 'id', value: m[3]!, match: 'exact', caseless: false, where });
  }
  return out;
}

/** everything lib/detect's source names */
function detectorNames(): Named[] {
  const out: Named[] = [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.join(repo, 'lib/detect'));
  for (const file of files) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const rel = path.relative(repo, file);
    const visit = (node: ts.Node) => {
      const where = `${rel}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        out.push(...fromSelector(node.text, where));
        const call = node.parent;
        if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
          const method = call.expression.name.text;
          const target = call.expression.expression.getText();
          if (method === 'contains' && /classList$/.test(target)) out.push({ kind: 'class', value: node.text, match: 'exact', caseless: false, where });
          if (method === 'getElementsByClassName') for (const v of node.text.split(/\s+/)) out.push({ kind: 'class', value: v, match: 'exact', caseless: false, where });
          if (method === 'getElementById') out.push({ kind: 'id', value: node.text, match: 'exact', caseless: false, where });
          if ((method === 'getAttribute' || method === 'hasAttribute') && node.text.startsWith('data-')) out.push({ kind: 'data', value: node.text, match: 'exact', caseless: false, where });
        }
      }
      if (ts.isPropertyAccessExpression(node) && node.expression.getText().endsWith('dataset')) {
        out.push({ kind: 'data', value: `data-${node.name.text.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, match: 'exact', caseless: false, where });
      }
      if (ts.isRegularExpressionLiteral(node)) {
        const call = node.parent;
        if (ts.isPropertyAccessExpression(call) && call.name.text === 'test' && ts.isCallExpression(call.parent)) {
          const arg = call.parent.arguments[0]?.getText() ?? '';
          if (/cls|class/i.test(arg)) {
            for (const w of node.text.replace(/\\[bBdwsDWS]/g, ' ').match(/[a-z][\w-]*/gi) ?? []) out.push({ kind: 'class', value: w, match: 'exact', caseless: /\/[a-z]*i[a-z]*$/.test(node.text), where });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return out.filter((n) => !EXEMPT.has(n.value.toLowerCase()));
}

/** the class tokens, ids and data-* attribute names of every corpus page */
function corpusNames(): Record<Named['kind'], Map<string, string>> {
  const names = { class: new Map<string, string>(), id: new Map<string, string>(), data: new Map<string, string>() };
  const root = path.join(repo, 'tests/fixtures/corpus');
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.html')) {
        const html = readFileSync(p, 'utf8').replace(/<style>[\s\S]*?<\/style>/g, '');
        const page = path.relative(root, p);
        for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const t of m[1]!.split(/\s+/)) if (t) names.class.set(t, page);
        for (const m of html.matchAll(/\sid="([^"]*)"/g)) names.id.set(m[1]!, page);
        for (const m of html.matchAll(/\s(data-[\w-]+)(?=[\s=>/])/g)) names.data.set(m[1]!.toLowerCase(), page);
      }
    }
  };
  walk(root);
  return names;
}

function overlaps(rule: Named, tokens: Map<string, string>): string[] {
  const norm = (s: string) => (rule.caseless ? s.toLowerCase() : s);
  const v = norm(rule.value);
  const hit = (t: string) => {
    const x = norm(t);
    return rule.match === 'exact' ? x === v : rule.match === 'contains' ? x.includes(v) : rule.match === 'prefix' ? x.startsWith(v) : x.endsWith(v);
  };
  return [...tokens].filter(([t]) => hit(t)).map(([t, page]) => `${rule.where} names ${rule.kind} "${rule.value}" (${rule.match}): "${t}" on ${page}`);
}

describe('held-out discipline', () => {
  const rules = detectorNames();
  const corpus = corpusNames();

  it('reads what it compares (the detector names markup, the corpus has classes, ids and data attributes)', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(corpus.class.size).toBeGreaterThan(100);
    expect(corpus.id.size).toBeGreaterThan(5);
    expect(corpus.data.size).toBeGreaterThan(5);
  });

  it('no rule of the detector names a class, id or data attribute of a corpus page', () => {
    expect(rules.flatMap((r) => overlaps(r, corpus[r.kind]))).toEqual([]);
  });
});
