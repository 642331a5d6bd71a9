// Public surface of the HighLevel API layer.
export { createGhlClient, type GhlClient, type GhlClientOptions } from './client';
export { API_VERSION, type CallOptions, type TokenSource } from './http';
export { GhlError, isGhlError, type GhlAction, type GhlErrorKind } from './errors';
export { RateLimiter, limiterFor } from './ratelimit';
export type { ContactFields, ContactUpdateFields, ContactSearch, SearchFilter, SearchGroup, FilterOperator } from './contacts';
export type { TaskFields } from './tasks';
export type { NoteFields } from './notes';
export type { Appointment, Contact, Location, LocationTag, Note, Task, User } from './schemas';
