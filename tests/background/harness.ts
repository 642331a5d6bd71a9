// The background as the sidebar sees it, over the real sandbox: a session connected with the
// sandbox's private-integration token (fakeBrowser storage), the real handlers, and messages sent
// through the router's sender check, from an extension page or from a content script.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSession, memoryKeyStore } from '../../lib/auth';
import { createHandlers, dispatch, locationServices, type Handlers, type LocationServicesRegistry } from '../../lib/background';
import type { OutboxOptions } from '../../lib/outbox';
import type { ConnectionView, MessageType, Outcome, ProtocolMap, SenderFacts } from '../../lib/protocol';
import { updateSettings } from '../../lib/storage';
import type { Sandbox } from '../ghl/sandbox-helpers';

const SELF = { id: 'ghl-sidebar-test', baseUrl: 'chrome-extension://ghl-sidebar-test/' };
export const SIDEBAR: SenderFacts = { id: SELF.id, url: `${SELF.baseUrl}sidepanel.html?tab=7` };
export const CONTENT_SCRIPT: SenderFacts = { id: SELF.id, url: 'https://app.heyreach.io/app/inbox', tab: { id: 7 }, frameId: 0 };

type Data<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Value<K extends MessageType> = ReturnType<ProtocolMap[K]> extends Outcome<infer T> ? T : never;

export interface Background {
  handlers: Handlers;
  /** the outbox and the services of each connection */
  services: LocationServicesRegistry;
  /** sends a message; resolves to its Outcome */
  send<K extends MessageType>(type: K, data: Data<K>, sender?: SenderFacts): Promise<Outcome<Value<K>>>;
  /** sends a message from the sidebar; resolves to its value, throws its error */
  ask<K extends MessageType>(type: K, data: Data<K>): Promise<Value<K>>;
  /** a new background over the same storage and key store, as after the worker restarted */
  restart(): Background;
}

/** Short waits so tests run fast; the outbox's logic is the same as with its defaults. */
const FAST_OUTBOX: Partial<OutboxOptions> = { retry: { baseMs: 20, maxMs: 400 }, settleMs: 300, log: () => undefined };
let running: LocationServicesRegistry | undefined;

function background(keyStore = memoryKeyStore()): Background {
  running?.outbox.close(); // one worker at a time, as in the browser
  const session = createSession({ keyStore });
  const services = locationServices(session, FAST_OUTBOX);
  running = services;
  void services.outbox.resume();
  const handlers = createHandlers(session, services);
  const send = <K extends MessageType>(type: K, data: Data<K>, sender: SenderFacts = SIDEBAR) =>
    dispatch(type, data, sender, handlers, SELF);
  return {
    handlers,
    services,
    send,
    async ask(type, data) {
      const res = await send(type, data);
      if (!res.ok) throw new Error(`${type} failed: ${res.error.message}`);
      return res.value;
    },
    restart: () => background(keyStore),
  };
}

/**
 * Resets the fake browser and connects a fresh background to the sandbox's first location (with
 * its seeded token, or `token`, e.g. one minted with chosen scopes).
 */
export async function connectedBackground(sandbox: Sandbox, location = 0, token?: string): Promise<Background & { connection: ConnectionView }> {
  fakeBrowser.reset();
  const loc = sandbox.locations[location]!;
  await updateSettings({ apiBaseUrl: sandbox.baseUrl });
  const bg = background();
  const connection = await bg.ask('connectWithToken', { baseUrl: sandbox.baseUrl, locationId: loc.id, token: token ?? loc.token });
  return { ...bg, connection };
}

/** The sandbox's own copy of a contact with its tasks and notes (admin API). */
export async function stored(sandbox: Sandbox, contactId: string) {
  const res = await fetch(`${sandbox.baseUrl}/__admin/contacts/${contactId}`);
  return (await res.json()) as {
    contact: { tags: string[]; firstName?: string; lastName?: string; website?: string; source?: string; companyName?: string; customFields: { id: string; value: unknown }[] };
    tasks: { id: string; title: string; completed: boolean; assignedTo?: string }[];
    notes: { id: string; body: string }[];
  };
}
