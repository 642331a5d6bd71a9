// The session with HighLevel (background worker only): connections by token or OAuth, tokens kept
// fresh (one refresh at a time) and encrypted at rest in the vault, and connections as the pages see them.
export { createSession, locationIdFrom, type Session, type SessionOptions, type ConnectionSummary, type OAuthConnectInput, type OAuthMode } from './session';
export { createVault, idbKeyStore, memoryKeyStore, type AuthStorage, type KeyStore, type Vault } from './vault';
export { memoryLocks, webLocks, type LockRunner } from './locks';
export { DEFAULT_CONSENT_URL } from './oauth';
export { OAUTH_SCOPES, appState, connectInBrowser, connectionView } from './connections';
