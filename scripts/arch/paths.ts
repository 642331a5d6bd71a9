// How many files a behaviour touches, counted by following imports from the sidebar's action to
// the HTTP call: `npx tsx scripts/arch/paths.ts [--before <rev>] [--list]`.
//
// Method (the same for any revision):
// - the import graph of lib/, components/ and entrypoints/ comes from dependency-cruiser (every
//   import counts, type-only ones too: a reader follows them);
// - each behaviour is a chain of waypoints, named by hand below from reading the code: where the
//   user's action starts, each module whose code the behaviour runs, in the order it runs, and the
//   HTTP call (lib/ghl/http.ts). The message between the sidebar and the background is not an
//   import: a chain crosses it as two legs (the page to the protocol, the background's entry to
//   the handler);
// - between two consecutive waypoints, the files on the shortest import path are counted (this
//   adds the folder headers and modules a reader passes through). A waypoint not reachable by
//   imports from the one before is an error: the chain would not be one a reader can follow;
// - "files" counts them all; "without headers" leaves out index.ts files that only re-export;
//   "behaviour files" also leaves out what every behaviour of its kind passes through: the
//   protocol, the background's entry and router, the HighLevel client (lib/ghl) and the outbox's
//   queue engine (queue, send, scheduler, store, exactly-once, retry, types), which quick tag
//   shares with every write; "lib folders" lists the lib/ folders (or top-level lib files) of
//   the behaviour files.
// `--before <rev>` counts the same behaviours in an older revision (default 08cd558, the layout
// before the regrouping), with the waypoints as that revision named its modules.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const say = (line: string) => process.stdout.write(`${line}\n`);

type Chain = { name: string; legs: string[][] };

const HTTP = 'lib/ghl/http.ts';
/** A message reaches the background's router (the same in both layouts). */
const ARRIVES = ['entrypoints/background.ts', 'lib/background/router.ts'];
/** The content script on a HeyReach page, to the message it sends (`protocol`: where the messages are declared). */
const detector = (protocol: string) => [
  ['lib/detect/content-script.ts', 'lib/detect/sites/heyreach.ts'],
  ['lib/detect/content-script.ts', 'lib/detect/watch.ts', 'lib/detect/engine.ts'],
  ['lib/detect/content-script.ts', 'lib/detect/report.ts', protocol],
];
/** The contact look-ups of matching, from the message table to HighLevel's search. */
const looksUp = (services: string, lookup: string) => ['lib/background/handlers.ts', services, lookup, 'lib/ghl/contacts.ts', HTTP];
/** The modules matching passes through, as a layout names them. */
interface MatchModules {
  protocol: string;
  /** where the content script's report is checked */
  report: string;
  pageMatches: string;
  rules: string;
  services: string;
  lookup: string;
  /** where a tab's people are matched and published, when a layout has it (from the services) */
  tabs?: string;
}

/** Matching (the sidebar asks for its page's people) and detection on HeyReach (the page reports them), in a layout. */
const matchChains = (m: MatchModules): Chain[] => {
  const toMatches = m.tabs ? ['lib/background/handlers.ts', m.services, m.tabs, m.pageMatches] : ['lib/background/handlers.ts', m.pageMatches];
  const toReport = m.tabs ? ['lib/background/handlers.ts', m.services, m.tabs, m.report] : ['lib/background/handlers.ts', m.report];
  return [
    {
      name: 'matching',
      legs: [['components/state/sidebar.ts', m.protocol], ARRIVES, ['entrypoints/background.ts', ...toMatches, m.rules], looksUp(m.services, m.lookup)],
    },
    {
      name: 'detection on HeyReach',
      legs: [...detector(m.protocol), ARRIVES, ['entrypoints/background.ts', ...toReport], toMatches, looksUp(m.services, m.lookup)],
    },
  ];
};

/** A request needs a token (http.ts asks the session's token source); the refresh's POST is sent by oauth.ts. */
const OAUTH_REFRESH: Chain = {
  name: 'OAuth refresh',
  legs: [
    ['entrypoints/background.ts', 'lib/auth/session.ts', 'lib/auth/tokens.ts'],
    ['lib/auth/session.ts', 'lib/auth/oauth.ts'],
    ['lib/auth/session.ts', HTTP],
  ],
};

/** The behaviours in the current layout. */
const AFTER: Chain[] = [
  {
    name: 'quick tag',
    legs: [
      ['components/TagEditor.tsx', 'components/state/contact.ts', 'lib/record/optimistic.ts'],
      ['components/state/contact.ts', 'lib/protocol.ts'],
      ARRIVES,
      ['entrypoints/background.ts', 'lib/background/handlers.ts', 'lib/outbox/contact-writes.ts', 'lib/outbox/tag-rules.ts'],
      ['lib/outbox/contact-writes.ts', 'lib/outbox/queue.ts', 'lib/outbox/send.ts', 'lib/ghl/tags.ts', HTTP],
      // the shown record repainted, and the answer folded in (contact-writes.ts calls these through WriteServices)
      ['lib/background/handlers.ts', 'lib/background/connections.ts', 'lib/record/location-records.ts', 'lib/record/keep.ts'],
      ['lib/record/location-records.ts', 'lib/record/location-lists.ts'],
    ],
  },
  {
    name: 'bulk tag',
    legs: [
      ['components/BulkTags.tsx', 'components/state/outbox.ts', 'lib/protocol.ts'],
      ARRIVES,
      ['entrypoints/background.ts', 'lib/background/handlers.ts', 'lib/outbox/contact-writes.ts', 'lib/outbox/tag-rules.ts'],
      ['lib/outbox/contact-writes.ts', 'lib/outbox/queue.ts', 'lib/outbox/bulk.ts', 'lib/ghl/tags.ts', HTTP],
    ],
  },
  ...matchChains({
    protocol: 'lib/protocol.ts',
    report: 'lib/match/page-report.ts',
    pageMatches: 'lib/match/page-matches.ts',
    rules: 'lib/match/rules.ts',
    services: 'lib/background/connections.ts',
    lookup: 'lib/match/lookup.ts',
    tabs: 'lib/match/tab-matches.ts',
  }),
  OAUTH_REFRESH,
];

/** The same behaviours as revision 08cd558 named its modules. */
const BEFORE: Chain[] = [
  {
    name: 'quick tag',
    legs: [
      ['components/TagEditor.tsx', 'components/state/contact.ts', 'lib/messaging.ts'],
      ARRIVES,
      ['entrypoints/background.ts', 'lib/background/handlers.ts', 'lib/background/contact-handlers.ts', 'lib/background/writes.ts', 'lib/background/records.ts'],
      ['lib/background/writes.ts', 'lib/background/outbox-watch.ts', 'lib/background/pending.ts', 'lib/outbox/optimistic.ts'],
      ['lib/background/writes.ts', 'lib/background/lists.ts'],
      ['lib/background/handlers.ts', 'lib/background/services.ts', 'lib/outbox/index.ts', 'lib/outbox/send.ts', 'lib/ghl/tags.ts', HTTP],
    ],
  },
  {
    name: 'bulk tag',
    legs: [
      ['components/BulkTags.tsx', 'components/state/outbox.ts', 'lib/messaging.ts'],
      ARRIVES,
      ['entrypoints/background.ts', 'lib/background/handlers.ts', 'lib/background/outbox-handlers.ts', 'lib/background/writes.ts'],
      ['lib/background/handlers.ts', 'lib/background/services.ts', 'lib/outbox/index.ts', 'lib/outbox/bulk.ts', 'lib/ghl/tags.ts', HTTP],
    ],
  },
  ...matchChains({
    protocol: 'lib/messaging.ts',
    report: 'lib/background/incoming.ts',
    pageMatches: 'lib/background/page-matches.ts',
    rules: 'lib/match/index.ts',
    services: 'lib/background/services.ts',
    lookup: 'lib/background/contacts.ts',
  }),
  OAUTH_REFRESH,
];

type Graph = Map<string, string[]>;

function graphOf(root: string): Graph {
  const out = execFileSync(
    join(process.cwd(), 'node_modules/.bin/depcruise'),
    ['lib', 'components', 'entrypoints', '--no-config', '--ts-config', '.dependency-cruiser.tsconfig.json', '--ts-pre-compilation-deps', '--output-type', 'json'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
  );
  const modules = (JSON.parse(out) as { modules: { source: string; dependencies: { resolved: string }[] }[] }).modules;
  return new Map(modules.map((m) => [m.source, m.dependencies.map((d) => d.resolved)]));
}

/** The files of the shortest import path from `from` to `to`, both included. */
function shortest(graph: Graph, from: string, to: string): string[] {
  const before = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    if (at === to) break;
    for (const next of graph.get(at) ?? []) {
      if (before.has(next)) continue;
      before.set(next, at);
      queue.push(next);
    }
  }
  if (!before.has(to)) throw new Error(`no import path from ${from} to ${to}`);
  const path = [to];
  while (path[0] !== from) path.unshift(before.get(path[0]!)!);
  return path;
}

const onlyReexports = (root: string, file: string) =>
  file.endsWith('/index.ts') &&
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .every((line) => !line.trim() || line.startsWith('//') || line.startsWith('export ') || line.startsWith('import '));

/** Passed through by every behaviour of its kind (see the method above). */
const SHARED = [
  /^lib\/(protocol|messaging)\.ts$/,
  /^entrypoints\/background\.ts$/,
  /^lib\/background\/router\.ts$/,
  /^lib\/ghl\//,
  /^lib\/outbox\/(queue|send|scheduler|store|exactly-once|retry|types)\.ts$/,
  /^lib\/outbox\/index\.ts$/, // before the regrouping, the queue engine itself
];

const folderOf = (file: string) => (file.startsWith('lib/') ? file.split('/').slice(0, 2).join('/') : undefined);

function count(root: string, chains: Chain[], list: boolean) {
  const graph = graphOf(root);
  for (const chain of chains) {
    const files = new Set<string>();
    for (const leg of chain.legs) for (let i = 1; i < leg.length; i++) for (const f of shortest(graph, leg[i - 1]!, leg[i]!)) files.add(f);
    const logic = [...files].filter((f) => !onlyReexports(root, f));
    const own = logic.filter((f) => !SHARED.some((p) => p.test(f)));
    const folders = [...new Set(own.map(folderOf).filter(Boolean))];
    say(`${chain.name}: ${files.size} files, ${logic.length} without headers, ${own.length} behaviour files; lib folders: ${folders.join(', ')}`);
    if (list) for (const f of [...files].sort()) say(`  ${own.includes(f) ? '*' : ' '} ${f}`);
  }
}

const args = process.argv.slice(2);
const list = args.includes('--list');
const at = args.indexOf('--before');
if (at >= 0) {
  const rev = args[at + 1] && !args[at + 1]!.startsWith('--') ? args[at + 1]! : '08cd558';
  const dir = mkdtempSync(join(tmpdir(), 'paths-'));
  try {
    execFileSync('sh', ['-c', `git archive ${rev} lib components entrypoints tsconfig.json | tar -x -C ${dir}`]);
    if (existsSync('.wxt')) cpSync('.wxt', join(dir, '.wxt'), { recursive: true });
    cpSync('.dependency-cruiser.tsconfig.json', join(dir, '.dependency-cruiser.tsconfig.json'));
    say(`before (${rev}):`);
    count(dir, BEFORE, list);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  say('now:');
  count('.', AFTER, list);
}
