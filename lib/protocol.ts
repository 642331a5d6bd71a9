// THE protocol between content scripts, extension pages (sidebar, options) and the background,
// whole in this one file: the messages, and the storage items the pages watch for what the
// background pushes (the people of a tab, the shown record, the outbox's status, the shortcut).
// Every message answers with an Outcome: errors are values the user can act on, never tokens.
// The background checks the browser-stamped sender of each message (`allowedSenders`): content
// scripts may only report what they detected on their own tab; only extension pages may read
// GHL data or ask for writes. Nothing in these types can carry a token or a secret.
import { defineExtensionMessaging } from '@webext-core/messaging';
import { storage } from 'wxt/utils/storage';
import type { PageDetection, PageReport, DetectedPerson } from './detect';
import type { Settings } from './storage';

export type UserAction = 'reconnect' | 'retry' | 'none' | 'switch-location' | 'grant-access' | 'connect';

export interface UserError {
  kind: string;
  /** plain words, shown to the user as text */
  message: string;
  action: UserAction;
  /** HighLevel asked to wait this long (a 429): the page counts it down and tries again by itself */
  retryAfterMs?: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: UserError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (error: UserError): Outcome<never> => ({ ok: false, error });

/**
 * An error the background raises itself, already in the user's words with its action; the router
 * sends `userError` as the message's failure (see toUserError in lib/background/router.ts).
 */
export class UserFacingError extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}

export const invalidInput = (message: string) => new UserFacingError({ kind: 'validation', message, action: 'none' });

/** HighLevel refused a queued write (or has not answered it yet); it stays in the activity log. */
export const writeRefused = (reason: string, action: UserError['action'] = 'none') =>
  new UserFacingError({ kind: 'write-failed', message: reason, action });

/** A connected HighLevel location, as the pages may see it (no token, no secret). */
export interface ConnectionView {
  id: string;
  locationId: string;
  locationName: string;
  kind: 'token' | 'oauth';
  active: boolean;
  /** HighLevel no longer accepts it: the user must connect it again */
  needsReconnect: boolean;
  /** why, in words */
  reconnectReason?: string;
}

export interface AppState {
  connections: ConnectionView[];
  settings: Settings;
  /** the address to register as redirect URL in a HighLevel marketplace app */
  oauthRedirectUrl: string;
}

/** How the OAuth code is exchanged: the user's own marketplace app, or their token broker. */
export type OAuthModeInput = { kind: 'own-app'; clientSecret: string } | { kind: 'broker'; brokerUrl: string };

export interface OAuthConnectRequest {
  baseUrl: string;
  consentUrl: string;
  clientId: string;
  mode: OAuthModeInput;
}

export interface ContactSummary {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  companyName?: string;
  /** HighLevel's answer carried no name (its lists do not): `name` is the email, or a placeholder */
  unnamed?: boolean;
}

/** A user of the location, for owner and assignee names and the assignee picker. */
export interface UserOption {
  id: string;
  name: string;
}

export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const;
export type DndChannel = (typeof DND_CHANNELS)[number];
export type DndStatus = 'active' | 'inactive' | 'permanent';

/** A custom field's value as HighLevel reads it: text, a number, or a list of options. */
export type CustomValue = string | number | string[];

/** A custom field the location lists for contacts, with the control the sidebar edits it with. */
export interface CustomFieldDefinition {
  id: string;
  name: string;
  /** the control; 'unsupported' fields show read-only */
  kind: 'text' | 'largeText' | 'number' | 'money' | 'date' | 'single' | 'multiple' | 'phone' | 'email' | 'url' | 'unsupported';
  /** the choices of single and multiple option fields */
  options?: string[];
  /** HighLevel's own type name (TEXT, MONETORY, FILE_UPLOAD, …) */
  dataType: string;
}

export interface ContactView extends ContactSummary {
  locationId: string;
  firstName?: string;
  lastName?: string;
  website?: string;
  tags: string[];
  /** do not disturb on every channel */
  dnd: boolean;
  /** do not disturb per channel (a channel without a setting is not in do-not-disturb) */
  dndSettings?: Partial<Record<DndChannel, { status: DndStatus; message?: string }>>;
  assignedTo?: string;
  ownerName?: string;
  /** users following the contact (ids) */
  followers?: string[];
  businessId?: string;
  dateUpdated?: string;
  /**
   * The custom fields the location lists, with a value: its name, the value as text and as
   * HighLevel read it. Values of fields the location does not list (hidden) are not shown.
   */
  customFields: { id: string; name: string; value: string; raw?: CustomValue }[];
  /** opens the contact in HighLevel's web app */
  appUrl: string;
}

export type OpportunityStatusView = 'open' | 'won' | 'lost' | 'abandoned';

/** One of the contact's opportunities. `pending`: a change of it is not answered by HighLevel yet. */
export interface OpportunityView {
  id: string;
  name: string;
  pipelineId: string;
  pipelineName?: string;
  stageId: string;
  stageName?: string;
  status: OpportunityStatusView;
  value?: number;
  assignedTo?: string;
  ownerName?: string;
  lostReasonId?: string;
  lostReasonName?: string;
  /** HighLevel's update time: the version a change is checked against */
  updatedAt?: string;
  pending?: boolean;
}

/** A workflow the contact was added to from the sidebar (HighLevel's API lists none). */
export interface AddedWorkflowView {
  workflowId: string;
  name: string;
  /** when it was added (ms); absent while it is being sent */
  addedAt?: number;
  pending?: boolean;
}

export interface PipelineView {
  id: string;
  name: string;
  stages: { id: string; name: string }[];
}

export interface WorkflowOption {
  id: string;
  name: string;
}

export interface TaskView {
  id: string;
  title: string;
  body?: string;
  dueDate?: string;
  completed: boolean;
  assignedTo?: string;
  assigneeName?: string;
}

export interface NoteView {
  id: string;
  body: string;
  dateAdded?: string;
}

export interface AppointmentView {
  id: string;
  title: string;
  startTime: string;
  endTime?: string;
  status?: string;
}

export interface ContactDetails {
  contact: ContactView;
  tasks: TaskView[];
  notes: NoteView[];
  appointments: AppointmentView[];
  /** the contact's opportunities; absent when they could not be read (see missingScopes) */
  opportunities?: OpportunityView[];
  /** workflows the contact was added to from here */
  workflowsAdded?: AddedWorkflowView[];
  /** scopes the connection lacks, as known when this was read (the sections they hide say so) */
  missingScopes?: string[];
  /** other contacts of the same business (never the contact itself) */
  colleagues: ContactSummary[];
  /** the other contacts of the business are still being read (they follow the record) */
  colleaguesPending?: boolean;
  /** when the background fetched this from HighLevel */
  fetchedAt: number;
  /** of the changes shown on this record, those waiting behind one of the contact's that needs the user (failed, or in conflict): shown, not saved */
  held?: number;
  /** of the tags shown, those added by a held change (see `held`) */
  heldTags?: string[];
}

/**
 * A contact record as the background has it. `revalidating`: this is the last known record and a
 * fresh one is being fetched; it arrives through `contactViewItem` (below).
 */
export interface ContactRecordAnswer {
  details: ContactDetails;
  revalidating: boolean;
}

/** The location's lists the sidebar and options pick from. Tags: recently used first. */
export interface LocationLists {
  tags: string[];
  /** the tags used last in this location, newest first */
  recentTags: string[];
  users: UserOption[];
  /** the contact custom fields the location lists, in its order */
  customFields: CustomFieldDefinition[];
  pipelines: PipelineView[];
  lostReasons: { id: string; name: string }[];
  /** published workflows */
  workflows: WorkflowOption[];
  /** the scopes the connection lacks (each section that needs one says so), and those not known yet */
  missingScopes: string[];
  /** the pipeline and stage a new opportunity starts in (the last ones chosen) */
  opportunityDefaults?: { pipelineId: string; stageId: string };
}

/**
 * A change of contact fields by flat name: `email`, `assignedTo` (null: nobody), `dnd`,
 * `dndSettings.<channel>` (a status), `customFields.<id>` (the value as the sidebar edits it).
 */
export type FieldChanges = Record<string, string | number | boolean | string[] | null>;

export interface TaskInput {
  title: string;
  /** ISO date-time */
  dueDate: string;
  body?: string;
  assignedTo?: string;
}

/** What the sidebar can do for the site of the tab it follows. */
export interface TabSite {
  /** https://host of the tab, when the extension may know it */
  origin?: string;
  /**
   * partner: a partner app (on, or switched off in the options); enabled: a site the user enabled;
   * available: a web site the user can enable; unknown: the tab's address is not readable (open the
   * sidebar from the toolbar button or the shortcut on that page); unsupported: not a web page.
   */
  status: 'partner' | 'partner-off' | 'enabled' | 'available' | 'unknown' | 'unsupported';
}

// What the pages see of the outbox: the activity log's entries, conflicts with both values, bulk
// jobs' progress and the counts. Plain data in the user's words; nothing here carries a token.

/** The contact fields the sidebar edits inline (HighLevel's update refuses the company). */
export interface ContactEditInput {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  website?: string;
}

/** What a write of the outbox is doing: waiting, being sent, done, stopped for the user, dropped. */
export type WriteStateView = 'pending' | 'sending' | 'done' | 'failed' | 'conflict' | 'discarded' | 'refused';

export interface ConflictFieldView {
  field: string;
  /** the field's name in plain words */
  label: string;
  /** HighLevel's value now (someone changed it meanwhile) */
  theirs: string;
  /** the value the user typed */
  ours: string;
}

/** One write in the activity log, or something the background refused to act on (`refused`: a record it did not store, a request to an address nobody entered). */
export interface ActivityEntry {
  id: string;
  /** plain words: “Add tag “vip””, “Create task “Call back”” */
  what: string;
  contactId: string;
  contactName?: string;
  /** `what` names the contact itself (“Create contact “Ada Park””): no contact is named after it */
  namesContact?: boolean;
  state: WriteStateView;
  /** why it failed or is waiting, in plain words */
  reason?: string;
  /** the action that helps a failed write */
  action?: 'reconnect' | 'retry' | 'none' | 'switch-location';
  conflict?: { fields: ConflictFieldView[]; latest: 'mine' | 'theirs' };
  attempts: number;
  updatedAt: number;
  /** a bulk tag change (one entry per job, with its counts) */
  job?: BulkView;
}

/** A bulk tag change, as the progress bar shows it. */
export interface BulkView {
  jobId: string;
  op: 'add' | 'remove';
  tags: string[];
  /** cancelling: cancelled, and requests that had already left still wait for their answers */
  state: 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';
  /** contacts HighLevel confirmed (changed, or already as asked) */
  done: number;
  /** of `done`: already as asked (had the tag, or lacked it for a removal) */
  unchanged: number;
  failed: number;
  /** contacts a cancel kept from being sent */
  notSent: number;
  total: number;
  reason?: string;
  /** the job this one undoes */
  undoOf?: string;
  /** the job that undid this one */
  undoneBy?: string;
  /** contacts "Undo this job" changes back (0: nothing to undo) */
  undoable: number;
  createdAt: number;
  /** where the job was started, when known */
  startedOn?: BulkStart;
}

/** The tab a bulk job was started on, and its page then (see `pageOf`). */
export interface BulkStart {
  tabId: number;
  page: string;
}

/** A page as a bulk job names it: host and path, never the query or fragment (where tokens travel). */
export function pageOf(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname.replace(/\/$/, '')}`;
  } catch {
    return '';
  }
}

/** The outbox at a glance (the toolbar badge shows the same counts). */
export interface OutboxStatus {
  pending: number;
  failed: number;
  conflicts: number;
  /** of `pending`: held behind a failed write or a conflict of the same contact */
  held: number;
  /** bulk jobs, newest first: running ones and the last few finished */
  jobs: BulkView[];
  changedAt: number;
}

export type ConflictChoiceInput = 'mine' | 'theirs' | Record<string, 'mine' | 'theirs'>;

export type MatchReason = 'email' | 'phone' | 'linkedin' | 'name+company' | 'linked-by-you';

/**
 * A value a page showed for a person that is not used (not looked up, not sent to HighLevel), and
 * why: longer than HighLevel takes (75 characters in a search), not a well-formed email, phone or
 * LinkedIn profile, or markup in a name. The person stays, with the values that are fine.
 */
export interface SkippedValue {
  field: 'name' | 'email' | 'phone' | 'linkedin' | 'company' | 'title';
  why: 'too-long' | 'malformed' | 'markup';
}

/** A person of a page as the background keeps it: the detected values, cleaned, and those left out. */
export interface PagePerson extends DetectedPerson {
  skipped?: SkippedValue[];
}

/**
 * A person of a page and their GHL contact. `pending`: not looked up yet (the page's look-ups are
 * paced; opening the person looks them up at once); with `error`, the last look-up failed.
 */
export interface PersonMatch {
  person: PagePerson;
  state: 'matched' | 'missing' | 'ambiguous' | 'pending';
  contact?: ContactSummary;
  candidates?: ContactSummary[];
  reason?: MatchReason;
  /** 0..1: how sure the match is */
  confidence: number;
  /** the key a hand-made link of this person is remembered by */
  key: string;
  /** the older key the person's hand-made link was found under (their details, before partner ids): relinking drops it */
  linkKey?: string;
  /** why the look-up of a pending person failed (it is tried again when the person is opened) */
  error?: UserError;
  /** a contact for this person is queued to be created (it matches once HighLevel made it) */
  creating?: boolean;
}

/**
 * The matches of a tab's people, published by the background as its look-ups answer (the sidebar
 * watches `tabMatchesItem`): one entry per listed person, in the report's order, `pending` until
 * looked up. Belongs to one report (its `reportedAt`) and one connection.
 */
export interface TabMatches {
  tabId: number;
  reportedAt: number;
  connectionId: string;
  matches: PersonMatch[];
  /** how many entries are still pending */
  pending: number;
}

/** A contact found by the sidebar's search box: what it shows of each result. */
export interface FoundContact extends ContactSummary {
  tags: string[];
}

/**
 * A search of the sidebar's search box. `searcher`: the page asking (one id per open sidebar); a
 * newer search of the same searcher cancels the older one still waiting (answered as `superseded`).
 */
export interface FindRequest {
  query: string;
  searcher: string;
}

export interface ProtocolMap {
  /** content script -> background: the people on the sender's own tab */
  reportPeople(detection: PageReport): Outcome<true>;

  /** extension pages -> background */
  getState(): Outcome<AppState>;
  saveSettings(patch: Partial<Settings>): Outcome<Settings>;
  connectWithToken(input: { baseUrl: string; locationId: string; token: string }): Outcome<ConnectionView>;
  connectWithOAuth(input: OAuthConnectRequest): Outcome<ConnectionView>;
  setActiveConnection(connectionId: string): Outcome<true>;
  signOut(connectionId: string): Outcome<true>;
  /** signs every connection out and erases everything stored; the extension then restarts fresh */
  forgetEverything(): Outcome<true>;
  getTabPeople(tabId: number): Outcome<TabPeople | null>;
  /**
   * The sidebar shows this tab: its people are matched in the active connection (started if they
   * are not yet), answered as far as known now; the rest arrives in `tabMatchesItem(tabId)`.
   * `now`: indexes of people the user opened, looked up at once, before any of the page's.
   */
  matchTab(input: { tabId: number; now?: number[] }): Outcome<TabMatches | null>;
  /** these people matched at once (the user's own look-up, never paced behind a page's) */
  matchPeople(people: DetectedPerson[]): Outcome<PersonMatch[]>;
  /** the last known record at once (revalidated in the background), or a fresh one */
  getContactDetails(input: { contactId: string; fresh?: boolean }): Outcome<ContactRecordAnswer>;
  /** free-text contact search, for linking a person by hand */
  searchContacts(query: string): Outcome<ContactSummary[]>;
  /** the search box: contacts of the active location by name, email or phone (the user's own look-up) */
  findContacts(input: FindRequest): Outcome<FoundContact[]>;
  /** links a person to a contact (null: forget the link and match by the rules again) */
  relinkPerson(input: { personKey: string; contactId: string | null; linkKey?: string }): Outcome<true>;
  getLocationLists(): Outcome<LocationLists>;
  getTabSite(tabId: number): Outcome<TabSite>;
  /** after the page got the optional host permission for `origin` from the user's click */
  enableSite(origin: string): Outcome<true>;
  disableSite(origin: string): Outcome<true>;
  /**
   * "Find people like this on this site": keeps the rule made from a pick for `origin` (after the
   * page got that site's permission from the user's click) and hands it to the tab at once
   */
  teachSite(input: { origin: string; rule: unknown; tabId?: number }): Outcome<TaughtSite>;
  /** the sites with taught rules (the options list them) */
  getTaughtSites(): Outcome<TaughtSite[]>;
  forgetTaughtSite(origin: string): Outcome<true>;

  /** writes: each answers the contact's state after the change */
  addTags(input: { contactId: string; tags: string[] }): Outcome<string[]>;
  removeTags(input: { contactId: string; tags: string[] }): Outcome<string[]>;
  createTask(input: { contactId: string; task: TaskInput }): Outcome<ContactDetails>;
  updateTask(input: { contactId: string; taskId: string; task: Partial<TaskInput> }): Outcome<ContactDetails>;
  setTaskCompleted(input: { contactId: string; taskId: string; completed: boolean }): Outcome<ContactDetails>;
  deleteTask(input: { contactId: string; taskId: string }): Outcome<ContactDetails>;
  createNote(input: { contactId: string; body: string }): Outcome<ContactDetails>;
  updateNote(input: { contactId: string; noteId: string; body: string }): Outcome<ContactDetails>;
  deleteNote(input: { contactId: string; noteId: string }): Outcome<ContactDetails>;
  /** creates the GHL contact of a detected person, then matches the person again; `names`: the name as the user split it */
  createContact(input: { person: DetectedPerson; site: string; names?: { first: string; last: string } }): Outcome<PersonMatch>;
  /** only the changed fields (flat names), with the version the user edited; DND, custom fields, owner, page values */
  editContactFields(input: { contactId: string; changes: FieldChanges; base: { dateUpdated: string | null; values: FieldChanges } }): Outcome<ContactDetails>;
  setFollowers(input: { contactId: string; add: string[]; remove: string[] }): Outcome<ContactDetails>;
  createOpportunity(input: { contactId: string; opportunity: { pipelineId: string; stageId: string; name: string; value?: number } }): Outcome<ContactDetails>;
  moveOpportunity(input: { contactId: string; opportunityId: string; pipelineId: string; stageId: string; base: { updatedAt: string | null; stageId: string } }): Outcome<ContactDetails>;
  setOpportunityStatus(input: {
    contactId: string;
    opportunityId: string;
    status: OpportunityStatusView;
    lostReasonId?: string;
    base: { updatedAt: string | null; status: OpportunityStatusView };
  }): Outcome<ContactDetails>;
  addToWorkflow(input: { contactId: string; workflowId: string }): Outcome<ContactDetails>;
  removeFromWorkflow(input: { contactId: string; workflowId: string }): Outcome<ContactDetails>;
  /** reads the shown record again if the rate budget has room; the fresh one is pushed (contactViewItem) */
  revalidateContact(input: { contactId: string }): Outcome<{ skipped: boolean }>;
  /** the names of the contact's colleagues (same business), read one by one within the rate budget */
  getColleagueNames(input: { contactId: string }): Outcome<ContactSummary[]>;
  /** deletes the contact in HighLevel, through the outbox */
  deleteContact(input: { contactId: string }): Outcome<true>;
  /** only the changed fields, with the version the user edited (HighLevel's dateUpdated and the values seen) */
  updateContact(input: {
    contactId: string;
    fields: ContactEditInput;
    base: { dateUpdated: string | null; values: ContactEditInput };
  }): Outcome<ContactDetails>;

  /** the outbox: activity log, retry / discard, conflicts, bulk tag changes */
  getOutboxStatus(): Outcome<OutboxStatus>;
  getActivity(): Outcome<ActivityEntry[]>;
  retryWrite(writeId: string): Outcome<true>;
  discardWrite(writeId: string): Outcome<true>;
  resolveConflict(input: { writeId: string; choice: ConflictChoiceInput }): Outcome<true>;
  /** tags (or untags) these contacts in bulk; `create`: also creates these missing people, with the tags */
  startBulkTags(input: {
    contactIds: string[];
    tags: string[];
    op: 'add' | 'remove';
    create?: { people: DetectedPerson[]; site: string };
    /** the tab the sidebar follows: the job is recorded as started on its page */
    tabId?: number;
  }): Outcome<BulkView>;
  cancelBulk(jobId: string): Outcome<true>;
  /** changes back what a finished bulk job changed (a new job, the other way) */
  undoBulk(jobId: string): Outcome<BulkView>;
  /** changes of a connection not sent yet (waiting, sending, failed or in conflict) */
  unsentWrites(connectionId: string): Outcome<number>;
  /** sends a connection's unsent changes now (failed ones again) */
  sendUnsent(connectionId: string): Outcome<true>;
  /** drops a connection's unsent changes (before signing out) */
  discardUnsent(connectionId: string): Outcome<true>;
}

export type MessageType = keyof ProtocolMap;

export type SenderKind = 'extension-page' | 'content-script';

/** Who may send each message. Anything not listed for a sender kind is refused. */
export const allowedSenders: Record<MessageType, SenderKind> = {
  reportPeople: 'content-script',
  getState: 'extension-page',
  saveSettings: 'extension-page',
  connectWithToken: 'extension-page',
  connectWithOAuth: 'extension-page',
  setActiveConnection: 'extension-page',
  signOut: 'extension-page',
  forgetEverything: 'extension-page',
  getTabPeople: 'extension-page',
  matchTab: 'extension-page',
  matchPeople: 'extension-page',
  getContactDetails: 'extension-page',
  searchContacts: 'extension-page',
  findContacts: 'extension-page',
  relinkPerson: 'extension-page',
  getLocationLists: 'extension-page',
  getTabSite: 'extension-page',
  enableSite: 'extension-page',
  disableSite: 'extension-page',
  teachSite: 'extension-page',
  getTaughtSites: 'extension-page',
  forgetTaughtSite: 'extension-page',
  addTags: 'extension-page',
  removeTags: 'extension-page',
  createTask: 'extension-page',
  updateTask: 'extension-page',
  setTaskCompleted: 'extension-page',
  deleteTask: 'extension-page',
  createNote: 'extension-page',
  updateNote: 'extension-page',
  deleteNote: 'extension-page',
  createContact: 'extension-page',
  updateContact: 'extension-page',
  editContactFields: 'extension-page',
  setFollowers: 'extension-page',
  createOpportunity: 'extension-page',
  moveOpportunity: 'extension-page',
  setOpportunityStatus: 'extension-page',
  addToWorkflow: 'extension-page',
  removeFromWorkflow: 'extension-page',
  revalidateContact: 'extension-page',
  getColleagueNames: 'extension-page',
  getOutboxStatus: 'extension-page',
  getActivity: 'extension-page',
  retryWrite: 'extension-page',
  discardWrite: 'extension-page',
  resolveConflict: 'extension-page',
  startBulkTags: 'extension-page',
  cancelBulk: 'extension-page',
  deleteContact: 'extension-page',
  undoBulk: 'extension-page',
  unsentWrites: 'extension-page',
  sendUnsent: 'extension-page',
  discardUnsent: 'extension-page',
};

/** The fields of a browser-stamped sender that decide who it is. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Decides what sent a message from what the browser stamped on it. `extensionBaseUrl` is
 * `browser.runtime.getURL('/')`. Returns undefined for anything that is not this extension.
 */
export function classifySender(
  sender: SenderFacts,
  extensionId: string,
  extensionBaseUrl: string,
): SenderKind | undefined {
  if (sender.id !== extensionId) return undefined;
  const from = sender.url ?? sender.origin ?? '';
  if (from.startsWith(extensionBaseUrl)) return 'extension-page';
  if (sender.tab?.id != null && sender.tab.id >= 0 && /^https?:/.test(from)) return 'content-script';
  return undefined;
}

export const messenger = defineExtensionMessaging<ProtocolMap>({
  // no logger: a message from the options page can carry the token the user pasted
  logger: undefined,
});
export const { sendMessage, onMessage } = messenger;

// The storage items the pages watch. `session:` items live until the browser closes and are
// readable only by extension pages and the background (never by content scripts). Each is made
// when first asked for (defining an item reads storage), so importing the protocol reads nothing.

/**
 * What the content script of a tab last reported, with the page it was on: the people listed
 * (cleaned; at most a cap, the focused one always among them), and how many were not.
 */
export interface TabPeople extends PageDetection {
  people: PagePerson[];
  tabId: number;
  url: string;
  reportedAt: number;
  /** people the page reported beyond the cap: not listed */
  more?: number;
  /** people of the report with nothing readable to list them by (left out) */
  unreadable?: number;
  /** how many people the site's taught rules found on the page (absent: no rule applied) */
  taught?: number;
}

/** A site with taught rules, as the options list it. */
export interface TaughtSite {
  origin: string;
  rules: number;
  taughtAt: number;
  /** how many people its rules found on the last page of the site reported since the browser started */
  found?: number;
}

export const tabPeopleItem = (tabId: number) =>
  storage.defineItem<TabPeople | null>(`session:tabPeople:${tabId}`, { fallback: null });

/** The matches of a tab's people as they are found (see TabMatches). */
export const tabMatchesItem = (tabId: number) =>
  storage.defineItem<TabMatches | null>(`session:tabMatches:${tabId}`, { fallback: null });

/** The key of a contact's shown record inside storage.session (the background lists and drops them by it). */
export const contactViewKey = (locationId: string, contactId: string) => `contactView:${locationId}:${contactId}`;

/**
 * A contact's record as the sidebar shows it: HighLevel's last answer with the unsent writes
 * applied (lib/record). The sidebar watches the item of the contact it shows, so a fresh record
 * reaches it without asking again.
 */
export const contactViewItem = (locationId: string, contactId: string) =>
  storage.defineItem<ContactDetails | null>(`session:${contactViewKey(locationId, contactId)}`, { fallback: null });

/** Made once, when first asked for. */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** The outbox at a glance, rewritten by the background on every change of it (the sidebar watches it). */
export const outboxStatusItem = once(() => storage.defineItem<OutboxStatus | null>('session:outboxStatus', { fallback: null }));

/** Set by the quick-tag shortcut: the sidebar focuses its tag box when this changes (or is recent). */
export const quickTagItem = once(() => storage.defineItem<{ at: number } | null>('session:quickTag', { fallback: null }));

/**
 * What the sidebar is asked to do from outside it: focus its search box (the find shortcut), look
 * something up or open the create form pre-filled (the context menu on a selection or a link).
 * `notice`: what happened to the selection on the way (cut, refused), in plain words.
 */
export interface FindAsk {
  at: number;
  kind: 'focus' | 'find' | 'add';
  query?: string;
  person?: DetectedPerson;
  /** the site the selection was on (the new contact's source) */
  site?: string;
  notice?: string;
}

/** The shortcut that opens the sidebar with its search box focused (`commands` in wxt.config.ts). */
export const FIND_COMMAND = 'find-contact';

/** Set by the find shortcut and the context menu; the sidebar acts on it when it changes (or is recent). */
export const findAskItem = once(() => storage.defineItem<FindAsk | null>('session:findAsk', { fallback: null }));

/** Bumped by the background when a connection is added, reconnected, switched or signed out: the sidebar loads again. */
export const connectionsChangedItem = once(() => storage.defineItem<{ at: number } | null>('session:connectionsChanged', { fallback: null }));

/**
 * Set by the background when the toolbar button is clicked on a tab: the click lets the extension
 * read that tab's address (activeTab), so the sidebar asks again what it can do on that site.
 */
export const toolbarClickItem = once(() => storage.defineItem<{ tabId: number; at: number } | null>('session:toolbarClick', { fallback: null }));
