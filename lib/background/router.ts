// Registers the background's message handlers behind the sender check: each message type is
// accepted only from the sender kind `allowedSenders` names, judged from what the browser stamped
// on the message. Thrown errors become UserError values; nothing of a token or a stack leaves.
import { i18n } from '#i18n';
import { isGhlError } from '../ghl';
import {
  allowedSenders,
  classifySender,
  fail,
  onMessage,
  refusal,
  type MessageType,
  type Outcome,
  type ProtocolMap,
  type SenderFacts,
  type UserError,
} from '../protocol';

type Data<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type Value<K extends MessageType> = ReturnType<ProtocolMap[K]> extends Outcome<infer T> ? T : never;

export interface Caller {
  kind: 'extension-page' | 'content-script';
  /** the tab a content script runs in (stamped by the browser) */
  tabId?: number;
  url?: string;
}

export type Handlers = {
  [K in MessageType]: (data: Data<K>, caller: Caller) => Promise<Outcome<Value<K>>>;
};

export function toUserError(e: unknown): UserError {
  if (isGhlError(e)) return { kind: e.kind, message: e.userMessage, action: e.action, ...(e.retryAfterMs !== undefined && !e.daily ? { retryAfterMs: e.retryAfterMs } : {}) };
  if (e && typeof e === 'object' && 'userError' in e) return (e as { userError: UserError }).userError;
  return { kind: 'internal', message: i18n.t('errors.internal'), action: 'retry' };
}

/** Runs one message through the sender check and the handler; exported for tests. */
export async function dispatch<K extends MessageType>(
  type: K,
  data: Data<K>,
  sender: SenderFacts,
  handlers: Handlers,
  self: { id: string; baseUrl: string },
): Promise<Outcome<Value<K>>> {
  const kind = classifySender(sender, self.id, self.baseUrl);
  if (kind !== allowedSenders[type]) return fail(refusal(type, kind));
  try {
    return await handlers[type](data, { kind, tabId: sender.tab?.id, url: sender.url });
  } catch (e) {
    return fail(toUserError(e));
  }
}

export function registerHandlers(handlers: Handlers, self: { id: string; baseUrl: string }): void {
  for (const type of Object.keys(allowedSenders) as MessageType[]) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one loop over a typed map
    onMessage(type, ((message: { data: any; sender: SenderFacts }) =>
      dispatch(type, message.data, message.sender, handlers, self)) as never);
  }
}
