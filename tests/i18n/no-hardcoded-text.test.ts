// New UI text goes into locales/en.yml, not into the code: this parses every module that can put
// words in front of the user — the page components, and the background's modules whose errors,
// reasons and activity entries the pages show — with the TypeScript compiler and fails on words
// written straight into JSX (text between tags, string literals shown as children, the attributes
// people read or hear: aria-label, title, placeholder, alt, and the components' own label props), into
// the properties that carry a message to the user (message, userMessage, reason, what, label), and
// into the errors the background throws or refuses with (their words reach the user as a reason).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Everything that runs in the extension; lib/detect (the content script's engine) is scanned too: it shows nothing, and must not start. */
const SCANNED = ['components', 'entrypoints', 'lib'];

/** Attributes whose value is read by people (or their screen reader). */
const SHOWN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  // props of our components that end up as one of the above or as a button's text
  'label',
  'question',
]);

/**
 * Object properties that carry a message to the user: `{ message: … }` of a UserError, an action's
 * `label`, a GhlError's `userMessage`, a write's or a refused report's `reason`, an activity entry's
 * `what`, a connection's `locationName`.
 */
const SHOWN_PROPERTIES = new Set(['message', 'label', 'notice', 'userMessage', 'reason', 'what', 'locationName']);

/**
 * Calls whose text argument reaches the user: errors the background throws (an unexpected error's
 * words become a write's reason, "Something unexpected went wrong: …") and the helpers that refuse a
 * message in words. Log lines (console.warn, the outbox's `log`) are for developers and not scanned.
 */
const SHOWN_CALLS = new Set(['Error', 'TypeError', 'RangeError', 'UserFacingError', 'invalidInput', 'writeRefused', 'refused']);

/**
 * Texts that stay as written, each with its reason (file: text). Empty today: keep it short —
 * product names and data come through the catalogue or from HighLevel, not from here.
 */
const ALLOWED: Record<string, string> = {};

const hasWords = (text: string) => /\p{L}/u.test(text);

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** The text of a string or template literal, or undefined for anything else. */
function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return undefined;
}

const isI18nKey = (node: ts.Node) =>
  ts.isCallExpression(node.parent) &&
  node.parent.arguments[0] === node &&
  node.parent.expression.getText() === 'i18n.t';

/** `(['theirs', 'mine'] as const)`: a list of values of a union type, not text. */
const isConstValue = (node: ts.Node) =>
  ts.isArrayLiteralExpression(node.parent) &&
  ts.isAsExpression(node.parent.parent) &&
  node.parent.parent.type.getText() === 'const';

const isCompared = (node: ts.Node) =>
  ts.isBinaryExpression(node.parent) &&
  [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.parent.operatorToken.kind);

/** The name of what is called with `literal` as its first argument (`new Error('…')`, `refused('…')`), if any. */
function calleeOf(literal: ts.Node): string | undefined {
  const call = literal.parent;
  if (!(ts.isCallExpression(call) || ts.isNewExpression(call)) || call.arguments?.[0] !== literal) return undefined;
  const callee = call.expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** Where a literal ends up: read by people, or only by code (class names, keys, comparisons). */
function shownAt(literal: ts.Node): string | undefined {
  if (isI18nKey(literal) || isCompared(literal) || isConstValue(literal) || ts.isCaseClause(literal.parent)) return undefined;
  const callee = calleeOf(literal);
  if (callee && SHOWN_CALLS.has(callee)) return `argument of ${callee}`;
  if (ts.isPropertyAssignment(literal.parent) && literal.parent.initializer === literal) {
    const name = literal.parent.name.getText();
    if (SHOWN_PROPERTIES.has(name)) return `property ${name}`;
  }
  for (let node: ts.Node = literal; node.parent; node = node.parent) {
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText();
      return SHOWN_ATTRIBUTES.has(name) ? `attribute ${name}` : undefined;
    }
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) return 'JSX child';
  }
  return undefined;
}

/** Every word written into the JSX of `source`, as "line where: text". */
function hardCodedTexts(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const report = (node: ts.Node, where: string, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (ALLOWED[`${source.fileName}: ${clean}`]) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${source.fileName}:${line + 1} ${where}: ${clean}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, 'JSX text', node.text);
    const text = literalText(node);
    if (text !== undefined && hasWords(text)) {
      const where = shownAt(node);
      if (where) report(node, where, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

describe('UI text lives in the catalogue', () => {
  const files = SCANNED.flatMap(filesUnder);

  it('scans the sidebar and options components and every background module', () => {
    expect(files).toContain('components/SidebarApp.tsx');
    expect(files).toContain('components/state/contact.ts');
    for (const background of ['entrypoints/background.ts', 'lib/protocol.ts', 'lib/outbox/exactly-once.ts', 'lib/outbox/activity.ts', 'lib/match/page-report.ts', 'lib/auth/connections.ts', 'lib/background/handlers.ts']) {
      expect(files).toContain(background);
    }
    expect(files.length).toBeGreaterThan(100);
  });

  it('finds no words written into JSX or into the attributes people read', () => {
    const found = files.flatMap((file) => hardCodedTexts(parse(file, readFileSync(path.join(ROOT, file), 'utf8'))));
    expect(found).toEqual([]);
  });

  it('would catch them: text between tags, a label attribute, a shown child literal and a message', () => {
    const sample = parse(
      'components/Probe.tsx',
      `const A = () => <p title="Close it">Hello <b>{busy ? 'Saving…' : i18n.t('common.save')}</b></p>;
       const B = () => <ErrorNotice error={{ kind: 'failed', message: 'Try again.', action: 'retry' }} />;
       const C = () => <span className={'badge ' + state}>{state === 'done' ? '✓' : null}</span>;
       const D = () => <ul>{tags.map((t) => \`Tag \${t}\`)}</ul>;`,
    );
    const found = hardCodedTexts(sample).map((f) => f.replace(/^\S+ /, ''));
    expect(found).toEqual([
      'attribute title: Close it',
      'JSX text: Hello',
      'JSX child: Saving…',
      'property message: Try again.',
      'JSX child: Tag',
    ]);
  });

  it('would catch them in the background: a reason, a user message, an error thrown or refused with words', () => {
    const sample = parse(
      'lib/outbox/probe.ts',
      `const a = { state: 'failed', reason: 'Look for it in HighLevel first.' };
       const b = new GhlError('unauthorized', { userMessage: \`The token of \${name} was refused.\` });
       if (!redirect) throw new Error('The sign-in window closed.');
       const c = refusal(type, kind ?? 'an unknown sender');
       throw refused('No tab.');
       console.warn('Outbox: could not update the badge:', e);
       log(\`Outbox: skipped an unreadable record \${key}\`);
       const d = { kind: 'refused', message: \`“\${type}” is not accepted.\` };`,
    );
    const found = hardCodedTexts(sample).map((f) => f.replace(/^\S+ /, ''));
    expect(found).toEqual([
      'property reason: Look for it in HighLevel first.',
      'property userMessage: The token of was refused.',
      'argument of Error: The sign-in window closed.',
      'argument of refused: No tab.',
      'property message: “ ” is not accepted.',
    ]);
  });
});
