// Public surface of the session layer (background worker only).
export { createSession, locationIdFrom, type Session, type SessionOptions, type ConnectionSummary, type OAuthConnectInput, type OAuthMode } from './session';
export { createVault, idbKeyStore, memoryKeyStore, type KeyStore, type StorageArea, type Vault } from './vault';
export { memoryLocks, webLocks, type LockRunner } from './locks';
export { DEFAULT_CONSENT_URL } from './oauth';
