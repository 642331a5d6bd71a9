// CLI: `npm run sandbox -- --port 8787 [flags]`. The first stdout line is one JSON object describing the
// running sandbox (baseUrl, locationId, token, clientId, clientSecret, proxy, locations); later lines are
// human-readable logs. Stops cleanly on SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { LENIENCY_NAMES } from './context.ts';
import { startSandbox, type SandboxOptions } from './server.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

const HELP = `Usage: npm run sandbox -- [options]
  --port <n>             API port (default 8787; 0 = any free port)
  --host <addr>          bind address (default 127.0.0.1)
  --seed <n>             data seed (default 42)
  --latency <ms>         added latency per API request
  --jitter <ms>          extra random latency in [0, ms]
  --rate-limit <max[/ms]> burst limit, e.g. 100/10000 (default) or 20
  --daily-limit <n>      daily limit (default 200000)
  --token-ttl <sec>      OAuth access-token lifetime (default 86399)
  --error-rate <0..1>    share of injected 5xx replies
  --rate429-rate <0..1>  share of injected 429 bursts (--burst-ms <ms> to extend each)
  --drop-rate <0..1>     share of dropped connections
  --malformed-rate <0..1> share of malformed 200 bodies
  --drop-after-rate <0..1> share of requests carried out, then their new connection dropped
  --error-after-rate <0..1> share of requests carried out, then answered 5xx
  --drop-after-reused-rate <0..1> share carried out, then their kept-alive connection dropped
                         (browsers send such a request again by themselves)
  --stall-rate <0..1>    share carried out, answered with headers and half a body that never ends
  --fault-paths <globs>  comma-separated path patterns faults apply to, e.g. "/contacts/*"
  --fault-methods <list> comma-separated methods faults apply to, e.g. "GET,POST"
  --fault-seed <n>       seed of fault decisions
  --index-delay <ms>     the search index lags each contact write by this long (default 0)
  --lenient <list>       kinder readings where HighLevel's behaviour is uncertain, comma-separated:
                         phone-search, search-fields, list-fields, tag-date, search-groups
                         (default none)
  --scopes <list>        also mint a private-integration token with exactly these scopes
                         (comma-separated; printed as "scopedToken")
  --proxy-port <n>       partner proxy port (default any free port)
  --no-proxy             do not start the partner proxy
  --quiet                no per-request log lines`;

const { values: v } = parseArgs({
  options: {
    port: { type: 'string' }, host: { type: 'string' }, seed: { type: 'string' }, latency: { type: 'string' }, jitter: { type: 'string' },
    'rate-limit': { type: 'string' }, 'daily-limit': { type: 'string' }, 'token-ttl': { type: 'string' }, 'error-rate': { type: 'string' },
    'rate429-rate': { type: 'string' }, 'burst-ms': { type: 'string' }, 'drop-rate': { type: 'string' }, 'malformed-rate': { type: 'string' },
    'drop-after-rate': { type: 'string' }, 'error-after-rate': { type: 'string' }, 'drop-after-reused-rate': { type: 'string' }, 'stall-rate': { type: 'string' },
    'index-delay': { type: 'string' }, lenient: { type: 'string' }, scopes: { type: 'string' },
    'fault-paths': { type: 'string' }, 'fault-methods': { type: 'string' }, 'fault-seed': { type: 'string' }, 'proxy-port': { type: 'string' },
    'no-proxy': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
});

if (v.help) {
  out(HELP);
  process.exit(0);
}

const num = (s: string | undefined, name: string): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) {
    console.error(`--${name} must be a number, got ${s}`);
    process.exit(2);
  }
  return n;
};
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

const [rlMax, rlInterval] = (v['rate-limit'] ?? '').split('/');
const faults: NonNullable<SandboxOptions['faults']> = {};
const set = <K extends keyof typeof faults>(k: K, val: (typeof faults)[K] | undefined) => {
  if (val !== undefined) faults[k] = val;
};
set('jitterMs', num(v.jitter, 'jitter'));
set('errorRate', num(v['error-rate'], 'error-rate'));
set('rateLimitRate', num(v['rate429-rate'], 'rate429-rate'));
set('rateLimitBurstMs', num(v['burst-ms'], 'burst-ms'));
set('dropRate', num(v['drop-rate'], 'drop-rate'));
set('malformedRate', num(v['malformed-rate'], 'malformed-rate'));
set('dropAfterRate', num(v['drop-after-rate'], 'drop-after-rate'));
set('errorAfterRate', num(v['error-after-rate'], 'error-after-rate'));
set('dropAfterReusedRate', num(v['drop-after-reused-rate'], 'drop-after-reused-rate'));
set('stallRate', num(v['stall-rate'], 'stall-rate'));
set('paths', list(v['fault-paths']));
set('methods', list(v['fault-methods']));
set('seed', num(v['fault-seed'], 'fault-seed'));

const rateLimit: NonNullable<SandboxOptions['rateLimit']> = {};
if (rlMax) rateLimit.max = num(rlMax, 'rate-limit');
if (rlInterval) rateLimit.intervalMs = num(rlInterval, 'rate-limit');
if (v['daily-limit']) rateLimit.daily = num(v['daily-limit'], 'daily-limit');

const lenient: NonNullable<SandboxOptions['lenient']> = {};
for (const name of list(v.lenient) ?? []) {
  const key = LENIENCY_NAMES[name];
  if (!key) {
    console.error(`--lenient takes ${Object.keys(LENIENCY_NAMES).join(', ')}; got ${name}`);
    process.exit(2);
  }
  lenient[key] = true;
}

const sandbox = await startSandbox({
  indexDelayMs: num(v['index-delay'], 'index-delay'),
  lenient,
  port: num(v.port, 'port') ?? 8787,
  host: v.host,
  seed: num(v.seed, 'seed'),
  latencyMs: num(v.latency, 'latency'),
  accessTokenTtlSec: num(v['token-ttl'], 'token-ttl'),
  rateLimit,
  faults,
  partnerProxy: v['no-proxy'] ? false : { port: num(v['proxy-port'], 'proxy-port') ?? 0 },
  log: v.quiet ? undefined : (line) => out(`[${new Date().toISOString()}] ${line}`),
});

out(
  JSON.stringify({
    baseUrl: sandbox.baseUrl,
    locationId: sandbox.locationId,
    token: sandbox.token,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    proxy: sandbox.proxy.port ? `${sandbox.proxy.host}:${sandbox.proxy.port}` : null,
    proxySpki: sandbox.proxy.spki || null,
    agencyToken: sandbox.agencyToken,
    companyId: sandbox.companyId,
    authorizeUrl: sandbox.authorizeUrl,
    locations: sandbox.locations,
    ...(v.scopes !== undefined ? { scopedToken: sandbox.mintToken(list(v.scopes) ?? []) } : {}),
  }),
);
out(`GHL sandbox listening on ${sandbox.baseUrl} (admin: ${sandbox.baseUrl}/__admin/, partner pages: ${sandbox.baseUrl}/partners/)`);
if (sandbox.proxy.port) out(`Partner proxy on ${sandbox.proxy.host}:${sandbox.proxy.port} (Chromium: --proxy-server=${sandbox.proxy.host}:${sandbox.proxy.port} --ignore-certificate-errors-spki-list=${sandbox.proxy.spki})`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  out(`${signal} received, stopping`);
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
