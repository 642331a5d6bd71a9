// Public surface of the HighLevel API layer: one client per connection (every endpoint the
// extension calls, on one ky instance), its errors in the user's words, and the rate limiter.
export { createGhlClient, type GhlClient, type GhlClientOptions } from './client';
export { API_VERSION, type CallOptions, type TokenSource } from './http';
export { GhlError, isGhlError, isScopeRefusal, serverMessages, type GhlAction, type GhlErrorKind } from './errors';
export { RateLimiter, limiterFor, BACKGROUND_SHARE, PAGE_SHARE, DEFAULT_MAX } from './ratelimit';
export { singleFlight, type SingleFlight } from './single-flight';
export type { ContactFields, ContactUpdateFields, DndSettingInput, ContactSearch, SearchFilter, SearchGroup, FilterOperator } from './contacts';
export type { TaskFields } from './tasks';
export type { CustomField } from './custom-fields';
export type { OpportunityChange, OpportunityFields, OpportunityStatus } from './opportunities';
export type { NoteFields } from './notes';
export { TokenResponseSchema } from './schemas';
export type { Appointment, Contact, DndChannel, Location, LocationTag, LostReason, Note, Opportunity, Pipeline, Task, TokenResponse, User, Workflow } from './schemas';
export { DND_CHANNELS } from './schemas';
