// Connections with fewer scopes (#15): a private-integration token with contacts.readonly only, or
// without custom fields, connects, shows records, and names each scope it lacks; what needs a
// missing scope is not asked for again; a write HighLevel refuses for a scope is learned; an OAuth
// grant's scopes are taken as they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES } from '../../sandbox/auth';
import { createSession, memoryKeyStore } from '../../lib/auth';
import { USED_SCOPES, scopeRecord } from '../../lib/scopes';
import { admin, fakeWebAuthFlow, openSandbox, REDIRECT_URI, type Sandbox } from '../ghl/sandbox-helpers';
import { until } from '../outbox/helpers';
import { connectedBackground } from '../background/harness';

let sandbox: Sandbox;
let maya: string;

beforeAll(async () => {
  sandbox = await openSandbox({ rateLimit: { max: 10_000 } });
  maya = sandbox.seed.partnerContactIds['Maya Okafor']!;
});
afterAll(() => sandbox.close());

const requests = async () => (await admin(sandbox).requests()).requests;

describe('a private-integration token with contacts.readonly only', () => {
  it('connects with four probes at once, shows records, and names every scope it lacks', async () => {
    await admin(sandbox).resetCounters();
    const token = sandbox.mintToken(['contacts.readonly']);
    const bg = await connectedBackground(sandbox, 0, token);
    expect(bg.connection.locationName).toBe(sandbox.locationId); // the location's name needs locations.readonly
    expect((await requests()).map((r) => `${r.method} ${r.path} ${r.status}`).sort()).toEqual([
      'GET /contacts/ 200',
      `GET /locations/${sandbox.locationId} 401`,
      'POST /contacts/ghl-sidebar-scope-probe/tags 401',
      'PUT /opportunities/ghl-sidebar-scope-probe/status 401',
    ].sort());

    const lists = await bg.ask('getLocationLists', undefined);
    expect(lists.missingScopes.sort()).toEqual(USED_SCOPES.filter((s) => s !== 'contacts.readonly').sort());
    expect(lists).toMatchObject({ users: [], tags: [], customFields: [], pipelines: [], workflows: [] });

    const { details } = await bg.ask('getContactDetails', { contactId: maya });
    expect(details.contact.name).toBe('Maya Okafor');
    expect(details.tasks.length).toBeGreaterThan(0);
    expect(details.opportunities).toBeUndefined();
    expect(details.contact.customFields).toEqual([]);
    expect(details.missingScopes).toContain('opportunities.readonly');

    // what needs a missing scope is not asked for again (within the recheck time)
    await admin(sandbox).resetCounters();
    await bg.ask('getContactDetails', { contactId: maya, fresh: true });
    expect((await requests()).map((r) => r.path)).not.toContain('/opportunities/search');
  });

  it('a write is refused with the scope in words', async () => {
    const bg = await connectedBackground(sandbox, 0, sandbox.mintToken(['contacts.readonly']));
    const res = await bg.send('addTags', { contactId: maya, tags: ['nope'] });
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('lacks the contacts.write permission') } });
  });
});

describe('contacts.readonly and contacts.write without custom fields, opportunities or workflows', () => {
  it('connects, writes tags, and names the scopes it lacks', async () => {
    const bg = await connectedBackground(sandbox, 0, sandbox.mintToken(['contacts.readonly', 'contacts.write', 'locations.readonly', 'users.readonly']));
    expect(bg.connection.locationName).toBe('Northstar Growth Agency');
    const lists = await bg.ask('getLocationLists', undefined);
    expect(lists.missingScopes.sort()).toEqual(['locations/customFields.readonly', 'locations/tags.readonly', 'opportunities.readonly', 'opportunities.write', 'workflows.readonly']);
    expect(lists.users.length).toBeGreaterThan(0);
    expect(await bg.ask('addTags', { contactId: maya, tags: ['reduced-scope'] })).toContain('reduced-scope');
  });
});

describe('learning and forgetting', () => {
  it('a write HighLevel refuses for a scope marks it missing; signing out forgets what was learned', async () => {
    const token = sandbox.mintToken(ALL_SCOPES);
    const bg = await connectedBackground(sandbox, 0, token);
    expect((await bg.ask('getLocationLists', undefined)).missingScopes).toEqual([]);
    // an admin takes opportunities.write away from the token in HighLevel
    sandbox.ctx.tokens.addPit(token, sandbox.locationId, sandbox.companyId, '', ALL_SCOPES.filter((s) => s !== 'opportunities.write'));
    const { details } = await bg.ask('getContactDetails', { contactId: maya, fresh: true });
    const opp = details.opportunities![0]!;
    await bg.send('setOpportunityStatus', { contactId: maya, opportunityId: opp.id, status: 'abandoned', base: { updatedAt: opp.updatedAt ?? null, status: opp.status } });
    await until(async () => (await bg.ask('getLocationLists', undefined)).missingScopes.includes('opportunities.write'), 'the missing scope learned');
    // the refused write is unsent: signing out asks first, and the user drops it
    await bg.ask('discardUnsent', bg.connection.id);
    await bg.ask('signOut', bg.connection.id);
    expect(await scopeRecord(bg.connection.id)).toEqual({ missing: {} });
  });

  it('an OAuth grant names its scopes: what it lacks is never asked for', async () => {
    const session = createSession({ keyStore: memoryKeyStore() });
    const granted = ['contacts.readonly', 'contacts.write', 'users.readonly'];
    const conn = await session.connectWithOAuth({
      baseUrl: sandbox.baseUrl, clientId: sandbox.clientId, scopes: granted, redirectUri: REDIRECT_URI,
      consentUrl: sandbox.authorizeUrl, launchWebAuthFlow: fakeWebAuthFlow(), mode: { kind: 'own-app', clientSecret: sandbox.clientSecret },
    });
    const record = await scopeRecord(conn.id);
    expect(record.granted).toEqual(granted);
    expect(conn.locationName).toBeUndefined(); // locations.readonly was not granted: not asked
  });
});
