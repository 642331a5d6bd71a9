// Record shapes kept in the sandbox's in-memory store. Field names follow HighLevel API v2
// (apps/contacts.json GetContectByIdSchema, TaskSchema, GetNoteSchema, GetEventSchema, users.json UserSchema).

export type DndStatus = 'active' | 'inactive' | 'permanent';
export interface DndSetting {
  status: DndStatus;
  message?: string;
  code?: string;
}
export type DndChannel = 'Call' | 'Email' | 'SMS' | 'WhatsApp' | 'GMB' | 'FB';

export interface AttributionSource {
  url: string;
  campaign?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  referrer?: string | null;
  medium?: string | null;
  mediumId?: string | null;
}

export interface Contact {
  id: string;
  locationId: string;
  contactName?: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  firstNameLowerCase?: string;
  lastNameLowerCase?: string;
  fullNameLowerCase?: string;
  email?: string;
  emailLowerCase?: string;
  phone?: string;
  companyName?: string;
  website?: string;
  address1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  timezone?: string;
  source?: string;
  type: 'lead' | 'customer';
  gender?: string;
  dnd: boolean;
  dndSettings?: Partial<Record<DndChannel, DndSetting>>;
  inboundDndSettings?: { all?: { status: 'active' | 'inactive'; message?: string } };
  tags: string[];
  /** read format: text, number, options, or a file map (FILE_UPLOAD) */
  customFields: { id: string; value: string | number | string[] | Record<string, unknown> }[];
  businessId?: string;
  assignedTo?: string;
  dateOfBirth?: string;
  dateAdded: string;
  dateUpdated: string;
  lastActivity?: string;
  attributionSource?: AttributionSource;
  followers: string[];
  additionalEmails: { email: string }[];
  additionalPhones: { phone: string }[];
}

export interface Task {
  id: string;
  contactId: string;
  title: string;
  body?: string;
  assignedTo?: string;
  dueDate: string;
  completed: boolean;
}

export interface Note {
  id: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
}

export interface Appointment {
  id: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId: string;
  users: string[];
  notes?: string;
  address?: string;
  groupId?: string;
  startTime: string; // "YYYY-MM-DD HH:mm:ss" like the spec's examples
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
  assignedResources: string[];
}

export interface User {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  extension: string;
  permissions: Record<string, boolean>;
  roles: { type: 'account' | 'agency'; role: 'admin' | 'user'; locationIds: string[]; restrictSubAccount: boolean };
  deleted: boolean;
}

export interface LocationTag {
  id: string;
  name: string;
  locationId: string;
}

/** apps/custom-fields.json ICustomField.dataType, plus URL (a field type of HighLevel's app the enum lacks). */
export type CustomFieldType =
  | 'TEXT' | 'LARGE_TEXT' | 'NUMERICAL' | 'PHONE' | 'MONETORY' | 'CHECKBOX' | 'SINGLE_OPTIONS' | 'MULTIPLE_OPTIONS'
  | 'DATE' | 'TEXTBOX_LIST' | 'FILE_UPLOAD' | 'RADIO' | 'EMAIL' | 'URL';

/** apps/locations.json CustomFieldSchema. */
export interface CustomFieldDef {
  id: string;
  name: string;
  fieldKey: string;
  placeholder: string;
  dataType: CustomFieldType;
  position: number;
  picklistOptions?: string[];
  locationId: string;
  model: 'contact' | 'opportunity';
}

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned';

/** apps/opportunities.json SearchOpportunitiesResponseSchema (the fields the sandbox keeps). */
export interface Opportunity {
  id: string;
  name: string;
  monetaryValue: number;
  pipelineId: string;
  pipelineStageId: string;
  assignedTo?: string;
  status: OpportunityStatus;
  source: string;
  lostReasonId?: string;
  contactId: string;
  locationId: string;
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
  lastActionDate: string;
}

export interface PipelineStage {
  id: string;
  name: string;
  position: number;
  showInFunnel: boolean;
  showInPieChart: boolean;
}

/** apps/opportunities.json PipelinesResponseSchema (stages as HighLevel answers them: objects). */
export interface Pipeline {
  id: string;
  name: string;
  stages: PipelineStage[];
  showInFunnel: boolean;
  showInPieChart: boolean;
  locationId: string;
}

/** apps/opportunities.json LostReasonResponseSchema. */
export interface LostReason {
  id: string;
  name: string;
  locationId: string;
  createdAt: string;
  updatedAt: string;
}

/** apps/workflows.json WorkflowSchema. */
export interface Workflow {
  id: string;
  name: string;
  status: 'published' | 'draft';
  version: number;
  createdAt: string;
  updatedAt: string;
  locationId: string;
}

/** A contact's run through a workflow (the API lists none of these; the admin API shows them). */
export interface Enrolment {
  workflowId: string;
  /** ISO time it was added */
  at: string;
  /** removed (DELETE) or finished */
  active: boolean;
}

export interface Location {
  id: string;
  companyId: string;
  name: string;
  address: string;
  city: string;
  state: string;
  country: string;
  postalCode: string;
  website: string;
  timezone: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  domain: string;
  settings: { allowDuplicateContact: boolean; allowDuplicateOpportunity: boolean; allowFacebookNameMerge: boolean; disableContactTimezone: boolean };
}

export interface Business {
  id: string;
  locationId: string;
  name: string;
  website: string;
}
