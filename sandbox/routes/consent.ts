// The OAuth consent page (HighLevel's marketplace "choose location" screen), at /oauth/chooselocation
// and /v2/oauth/chooselocation. GET renders a plain HTML form with one button per location; the form
// posts back to the same path and the server answers 302 to redirect_uri?code=…[&state=…].
import type { Context } from 'hono';
import type { AppCtx, App, Env } from '../context.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:15px system-ui,sans-serif;background:#f4f6fa;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;padding:28px 32px;width:min(440px,90vw)}
h1{font-size:20px;margin:0 0 6px}p{color:#555}ul{list-style:none;padding:0}li{margin:10px 0}
button{width:100%;padding:12px 14px;border:1px solid #cdd3e0;border-radius:8px;background:#fff;font:inherit;text-align:left;cursor:pointer}
button:hover{border-color:#155eef;background:#eef4ff}.scopes{font-size:12px;color:#777;word-break:break-word}</style></head>
<body><main>${body}</main></body></html>`;
}

interface ConsentParams {
  client_id: string;
  redirect_uri: string;
  scope: string;
  state?: string;
  response_type: string;
}

function check(ctx: AppCtx, p: Partial<ConsentParams>): string | null {
  if (p.response_type !== 'code') return 'response_type must be "code".';
  if (!p.client_id) return 'client_id is required.';
  if (p.client_id !== ctx.seed.clientId) return 'Unknown client_id: this app is not installed in the sandbox.';
  if (!p.redirect_uri) return 'redirect_uri is required.';
  try {
    const u = new URL(p.redirect_uri);
    if (!/^https?:$/.test(u.protocol)) return 'redirect_uri must be an http(s) URL.';
  } catch {
    return 'redirect_uri is not a valid URL.';
  }
  return null;
}

const errorPage = (c: Context<Env>, message: string) => c.html(page('Authorization error', `<h1>Authorization error</h1><p>${esc(message)}</p>`), 400);

export function consentRoutes(app: App, ctx: AppCtx): void {
  for (const path of ['/oauth/chooselocation', '/v2/oauth/chooselocation']) {
    app.get(path, (c) => {
      const p = c.req.query() as Partial<ConsentParams>;
      const problem = check(ctx, p);
      if (problem) return errorPage(c, problem);
      const hidden = (['client_id', 'redirect_uri', 'scope', 'state', 'response_type'] as const)
        .filter((k) => p[k] !== undefined)
        .map((k) => `<input type="hidden" name="${k}" value="${esc(String(p[k]))}">`)
        .join('\n');
      const buttons = [...ctx.store.locations.values()]
        .map((l) => `<li><button type="submit" name="locationId" value="${esc(l.id)}"><strong>${esc(l.name)}</strong><br><small>${esc(`${l.city}, ${l.state}`)}</small></button></li>`)
        .join('\n');
      return c.html(
        page('Choose a sub-account', `<h1>Choose a sub-account</h1><p>The app <strong>GHL Sidebar</strong> wants access to one of your sub-accounts.</p>
<p class="scopes">Requested scopes: ${esc(p.scope || '(default)')}</p>
<form method="post" action="${esc(path)}">
${hidden}
<ul>
${buttons}
</ul>
</form>`),
      );
    });

    app.post(path, async (c) => {
      const form = (await c.req.parseBody()) as Record<string, string | File>;
      const p = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) as Partial<ConsentParams> & { locationId?: string };
      const problem = check(ctx, p);
      if (problem) return errorPage(c, problem);
      const loc = p.locationId ? ctx.store.locations.get(p.locationId) : undefined;
      if (!loc) return errorPage(c, 'Choose one of the listed locations.');
      const installer = ctx.store.usersOf(loc.id)[0];
      const code = ctx.tokens.issueCode({
        clientId: p.client_id as string, redirectUri: p.redirect_uri as string, scope: p.scope ?? '', locationId: loc.id,
        companyId: loc.companyId, userId: installer?.id ?? '', expiresAt: ctx.now() + ctx.config.codeTtlSec * 1000,
      });
      const target = new URL(p.redirect_uri as string);
      target.searchParams.set('code', code);
      if (p.state) target.searchParams.set('state', p.state);
      return c.redirect(target.toString(), 302);
    });
  }
}
