// The seeded world beyond contacts: custom fields of every type (and values on some contacts),
// pipelines with stages, lost reasons, opportunities and workflows, per location. Drawn from a
// PRNG stream of its own, so the contacts, ids and tokens of sandbox/seed.ts stay as they were.
import { Prng } from './prng.ts';
import type { Store } from './store.ts';
import type { Contact, CustomFieldDef, CustomFieldType, Location, Opportunity, OpportunityStatus, Pipeline, User } from './types.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The custom fields added after Job Title and Lead Score: one per type (and two the sidebar shows read-only). */
const FIELDS: [name: string, key: string, type: CustomFieldType, options?: string[]][] = [
  ['About', 'about', 'LARGE_TEXT'],
  ['Deal Size', 'deal_size', 'MONETORY'],
  ['Renewal Date', 'renewal_date', 'DATE'],
  ['Plan', 'plan', 'SINGLE_OPTIONS', ['Starter', 'Growth', 'Scale', 'Enterprise']],
  ['Interests', 'interests', 'MULTIPLE_OPTIONS', ['SEO', 'Ads', 'Video', 'Email', 'Events']],
  ['Preferred Channel', 'preferred_channel', 'RADIO', ['Phone', 'Email', 'SMS']],
  ['Consents', 'consents', 'CHECKBOX', ['Newsletter', 'Case studies', 'Event invites']],
  ['Assistant Phone', 'assistant_phone', 'PHONE'],
  ['Billing Email', 'billing_email', 'EMAIL'],
  ['Portfolio', 'portfolio', 'URL'],
  ['Contract', 'contract', 'FILE_UPLOAD'],
  ['Sub-accounts', 'sub_accounts', 'TEXTBOX_LIST'],
];

const PIPELINES: [string, string[]][] = [
  ['Sales Pipeline', ['New Lead', 'Contacted', 'Proposal Sent', 'Negotiation', 'Closed']],
  ['Partnerships', ['Intro', 'Evaluating', 'Signed']],
];
const LOST_REASONS = ['Price too high', 'Chose a competitor', 'No budget', 'No response'];
const WORKFLOWS: [string, 'published' | 'draft'][] = [
  ['New lead nurture', 'published'],
  ['Webinar follow-up', 'published'],
  ['Appointment reminders', 'published'],
  ['Re-engagement (draft)', 'draft'],
];

export interface RecordSeed {
  rng: Prng;
  store: Store;
  now: number;
}

/** A contact field value as HighLevel reads it, for the field's type. */
function valueFor(rng: Prng, def: CustomFieldDef, now: number): Contact['customFields'][number]['value'] | undefined {
  switch (def.dataType) {
    case 'LARGE_TEXT':
      return 'Met at the spring expo.\nInterested in a pilot.';
    case 'MONETORY':
      return rng.int(10, 200) * 100;
    case 'DATE':
      return iso(now + rng.int(20, 300) * DAY).slice(0, 10);
    case 'SINGLE_OPTIONS':
    case 'RADIO':
      return rng.pick(def.picklistOptions ?? []);
    case 'MULTIPLE_OPTIONS':
    case 'CHECKBOX':
      return rng.sample(def.picklistOptions ?? [], rng.int(1, 2));
    default:
      return undefined;
  }
}

/** Adds the extra field definitions to the location's list (after the two of seed.ts). */
export function seedFieldTypes(x: RecordSeed, loc: Location): CustomFieldDef[] {
  const list = x.store.customFields.get(loc.id) ?? [];
  const start = list.length;
  for (const [i, [name, key, dataType, options]] of FIELDS.entries()) {
    list.push({ id: x.rng.id(), name, fieldKey: `contact.${key}`, placeholder: name, dataType, position: start + i, locationId: loc.id, model: 'contact', ...(options ? { picklistOptions: options } : {}) });
  }
  // an opportunity field: never listed for contacts, never accepted on a contact
  list.push({ id: x.rng.id(), name: 'Source Campaign', fieldKey: 'opportunity.source_campaign', placeholder: 'Campaign', dataType: 'TEXT', position: 0, locationId: loc.id, model: 'opportunity' });
  x.store.customFields.set(loc.id, list);
  return list;
}

/** Pipelines, lost reasons and workflows of a location. */
export function seedLocationRecords(x: RecordSeed, loc: Location): void {
  const at = iso(x.now - 400 * DAY);
  const pipelines: Pipeline[] = PIPELINES.map(([name, stages]) => ({
    id: x.rng.id(), name, locationId: loc.id, showInFunnel: true, showInPieChart: true,
    stages: stages.map((s, position) => ({ id: x.rng.uuid(), name: s, position, showInFunnel: true, showInPieChart: true })),
  }));
  x.store.pipelines.set(loc.id, pipelines);
  x.store.lostReasons.set(loc.id, LOST_REASONS.map((name) => ({ id: x.rng.id(), name, locationId: loc.id, createdAt: at, updatedAt: at })));
  x.store.workflows.set(loc.id, WORKFLOWS.map(([name, status], i) => ({ id: x.rng.uuid(), name, status, version: i + 1, createdAt: at, updatedAt: at, locationId: loc.id })));
}

export function addOpportunity(x: RecordSeed, c: Contact, users: User[], o: { pipeline?: number; stage?: number; status?: OpportunityStatus; value?: number; name?: string } = {}): Opportunity {
  const pipelines = x.store.pipelines.get(c.locationId)!;
  const pipeline = pipelines[o.pipeline ?? 0]!;
  const stage = pipeline.stages[o.stage ?? x.rng.int(0, pipeline.stages.length - 2)]!;
  const created = Math.min(x.now - DAY, Date.parse(c.dateAdded) + x.rng.int(1, 30) * DAY);
  const updated = iso(created + x.rng.int(0, 10) * DAY);
  const company = c.companyName ?? [c.firstName, c.lastName].filter(Boolean).join(' ');
  const opp: Opportunity = {
    id: x.rng.id(), name: o.name ?? `${company} – ${x.rng.pick(['Retainer', 'Pilot', 'Website', 'Campaign'])}`,
    monetaryValue: o.value ?? x.rng.int(5, 120) * 100, pipelineId: pipeline.id, pipelineStageId: stage.id, assignedTo: x.rng.pick(users).id,
    status: o.status ?? 'open', source: 'sandbox', contactId: c.id, locationId: c.locationId, createdAt: iso(created), updatedAt: updated,
    lastStatusChangeAt: updated, lastStageChangeAt: updated, lastActionDate: updated,
  };
  x.store.opportunities.set(opp.id, opp);
  return opp;
}

/** Values for the extra fields and opportunities on some generated contacts (about one in six). */
export function seedContactRecords(x: RecordSeed, c: Contact, fields: CustomFieldDef[], users: User[]): void {
  if (x.rng.chance(0.3)) {
    for (const def of fields.filter((f) => f.model === 'contact' && f.position >= 2)) {
      const value = x.rng.chance(0.4) ? valueFor(x.rng, def, x.now) : undefined;
      if (value !== undefined) c.customFields.push({ id: def.id, value });
    }
  }
  if (x.rng.chance(0.15)) addOpportunity(x, c, users, { status: x.rng.pick(['open', 'open', 'won', 'lost'] as const) });
}
