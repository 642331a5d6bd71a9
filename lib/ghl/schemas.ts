// Shapes of HighLevel API v2 answers, checked once where they enter the extension.
// valibot, not a bigger schema library: it is modular and tree-shakable, so a bundle carries only
// the schemas (and validators) it actually uses. Objects are loose: HighLevel adds fields without
// notice (traceId, createdBy, additionalEmails, ...) and extra fields must not break us.
import * as v from 'valibot';

const text = v.nullish(v.string());
const flag = v.nullish(v.boolean());
const strings = v.nullish(v.array(v.string()));

export const CustomFieldValueSchema = v.looseObject({ id: v.string(), value: v.optional(v.unknown()) });

/** One channel's do-not-disturb (GetContectByIdSchema.dndSettings.<channel>). */
export const DndSettingSchema = v.looseObject({ status: v.string(), message: text, code: text });
export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const;
export type DndChannel = (typeof DND_CHANNELS)[number];

export const ContactSchema = v.looseObject({
  id: v.string(),
  locationId: text,
  name: text,
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
  companyName: text,
  website: text,
  timezone: text,
  source: text,
  type: text,
  assignedTo: text,
  address1: text,
  city: text,
  state: text,
  country: text,
  postalCode: text,
  dnd: flag,
  dndSettings: v.nullish(v.record(v.string(), v.nullish(DndSettingSchema))),
  tags: strings,
  /** user ids; not in GetContectByIdSchema, but in ContactsSearchSchema and HighLevel's live contact answers */
  followers: strings,
  customFields: v.nullish(v.array(CustomFieldValueSchema)),
  businessId: text,
  dateAdded: text,
  dateUpdated: text,
});
export type Contact = v.InferOutput<typeof ContactSchema>;

export const TaskSchema = v.looseObject({
  id: v.string(),
  title: text,
  body: text,
  assignedTo: text,
  dueDate: text,
  completed: flag,
  contactId: text,
});
export type Task = v.InferOutput<typeof TaskSchema>;

export const NoteSchema = v.looseObject({
  id: v.string(),
  body: text,
  title: text,
  color: text,
  pinned: flag,
  userId: text,
  contactId: text,
  dateAdded: text,
});
export type Note = v.InferOutput<typeof NoteSchema>;

export const AppointmentSchema = v.looseObject({
  id: v.string(),
  calendarId: text,
  locationId: text,
  contactId: text,
  title: text,
  status: text,
  appointmentStatus: text,
  assignedUserId: text,
  users: strings,
  notes: text,
  address: text,
  startTime: text,
  endTime: text,
  dateAdded: text,
  dateUpdated: text,
});
export type Appointment = v.InferOutput<typeof AppointmentSchema>;

export const LocationSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  companyId: text,
  timezone: text,
  email: text,
});
export type Location = v.InferOutput<typeof LocationSchema>;

export const LocationTagSchema = v.looseObject({ id: v.string(), name: v.string(), locationId: text });
export type LocationTag = v.InferOutput<typeof LocationTagSchema>;

export const UserSchema = v.looseObject({
  id: v.string(),
  name: text,
  firstName: text,
  lastName: text,
  email: text,
  phone: text,
});
export type User = v.InferOutput<typeof UserSchema>;

// Envelopes, one per answer shape.
const deleted = { succeded: flag, succeeded: flag };
export const DeletedSchema = v.looseObject(deleted);
export const ContactEnvelopeSchema = v.looseObject({ contact: ContactSchema });
export const ContactListSchema = v.looseObject({ contacts: v.array(ContactSchema), count: v.nullish(v.number()) });
export const ContactSearchSchema = v.looseObject({ contacts: v.array(ContactSchema), total: v.nullish(v.number()) });
export const DuplicateSchema = v.looseObject({ contact: v.nullish(ContactSchema) });
export const UpsertSchema = v.looseObject({ new: flag, contact: ContactSchema });
export const ContactUpdatedSchema = v.looseObject({ ...deleted, contact: ContactSchema });
export const TaskEnvelopeSchema = v.looseObject({ task: TaskSchema });
export const TaskListSchema = v.looseObject({ tasks: v.array(TaskSchema) });
export const NoteEnvelopeSchema = v.looseObject({ note: NoteSchema });
export const NoteListSchema = v.looseObject({ notes: v.array(NoteSchema) });
export const ContactTagsSchema = v.looseObject({ tags: v.array(v.string()) });
export const BulkTagsSchema = v.looseObject({
  succeded: flag,
  errorCount: v.nullish(v.number()),
  responses: v.nullish(v.array(v.looseObject({ contactId: text, message: text, type: text }))),
});
export const LocationTagListSchema = v.looseObject({ tags: v.array(LocationTagSchema) });
export const AppointmentListSchema = v.looseObject({ events: v.array(AppointmentSchema) });
export const AppointmentEnvelopeSchema = v.looseObject({ event: AppointmentSchema });
export const LocationEnvelopeSchema = v.looseObject({ location: LocationSchema });
export const UserListSchema = v.looseObject({ users: v.array(UserSchema) });

// Opportunities (apps/opportunities.json): SearchOpportunitiesResponseSchema, PipelinesResponseSchema,
// LostReasonResponseSchema.
export const OpportunitySchema = v.looseObject({
  id: v.string(),
  name: text,
  monetaryValue: v.nullish(v.number()),
  pipelineId: text,
  pipelineStageId: text,
  assignedTo: text,
  status: text,
  lostReasonId: text,
  contactId: text,
  locationId: text,
  createdAt: text,
  updatedAt: text,
  lastStatusChangeAt: text,
  lastStageChangeAt: text,
});
export type Opportunity = v.InferOutput<typeof OpportunitySchema>;
export const OpportunitySearchSchema = v.looseObject({
  opportunities: v.array(OpportunitySchema),
  meta: v.nullish(v.looseObject({ total: v.nullish(v.number()) })),
});
export const OpportunityEnvelopeSchema = v.looseObject({ opportunity: OpportunitySchema });
/** The spec types `stages` as an array of arrays; HighLevel's answers carry stage objects. */
export const PipelineSchema = v.looseObject({
  id: v.string(),
  name: text,
  stages: v.nullish(v.array(v.looseObject({ id: v.string(), name: text, position: v.nullish(v.number()) }))),
});
export type Pipeline = v.InferOutput<typeof PipelineSchema>;
export const PipelineListSchema = v.looseObject({ pipelines: v.array(PipelineSchema) });
export const LostReasonSchema = v.looseObject({ id: v.string(), name: text });
export type LostReason = v.InferOutput<typeof LostReasonSchema>;
export const LostReasonListSchema = v.looseObject({ lostReasons: v.nullish(v.array(LostReasonSchema)) });
export const SucceededSchema = v.looseObject(deleted);

// Workflows (apps/workflows.json WorkflowSchema).
export const WorkflowSchema = v.looseObject({ id: v.string(), name: text, status: text, version: v.nullish(v.number()), updatedAt: text });
export type Workflow = v.InferOutput<typeof WorkflowSchema>;
export const WorkflowListSchema = v.looseObject({ workflows: v.array(WorkflowSchema) });

/** POST|DELETE /contacts/{id}/followers answers: the followers after the change. */
export const FollowersSchema = v.looseObject({ followers: strings });

/** `POST /oauth/token` and `/oauth/locationToken` answers (also what a token broker returns). */
export const TokenResponseSchema = v.looseObject({
  access_token: v.pipe(v.string(), v.minLength(1)),
  token_type: text,
  expires_in: v.nullish(v.number()),
  refresh_token: text,
  scope: text,
  userType: text,
  locationId: text,
  companyId: text,
  userId: text,
});
export type TokenResponse = v.InferOutput<typeof TokenResponseSchema>;

export type AnySchema = v.GenericSchema<unknown, unknown>;
