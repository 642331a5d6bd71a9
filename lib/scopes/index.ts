// What a connection may do: the scopes the extension uses, what it knows of each connection's
// scopes (granted by OAuth, probed for a private-integration token, learned from HighLevel's
// refusals), reads that skip a missing scope, and the connect-time probe.
export { SCOPES, USED_SCOPES, WRITE_SCOPES, scopeOfWrite, type Scope } from './catalogue';
export { forgetScopes, learnMissing, missingScopes, rememberScopes, scopeRecord, skips, type ScopeRecord } from './knowledge';
export { isScopeError, withScope, type Scoped } from './guard';
export { checkConnection, probeScopes, type ProbeResult } from './probe';
