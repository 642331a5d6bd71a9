// Builds the deterministic sandbox world from a seed: two locations with users, ~2,000 contacts,
// businesses, tasks, notes, appointments, DND flags, deliberate phone duplicates, and the partner
// people from sandbox/partners/people.ts placed in the first location as their `inGhl` says.
import { partnerPeople, type PartnerPerson } from './partners/people.ts';
import { Prng } from './prng.ts';
import * as D from './seed-data.ts';
import { addOpportunity, seedContactRecords, seedFieldTypes, seedLocationRecords, type RecordSeed } from './seed-record.ts';
import { Store } from './store.ts';
import type { Business, Contact, CustomFieldDef, Location, User } from './types.ts';

export interface SeedOptions {
  seed: number;
  /** Reference time (ms) for relative dates: due dates, appointments. */
  now: number;
  contactsPerLocation?: [number, number];
}

export interface SeededLocation {
  id: string;
  name: string;
  token: string; // private-integration token
}

export interface SeedResult {
  store: Store;
  companyId: string;
  locations: SeededLocation[];
  clientId: string;
  clientSecret: string;
  /** Phones shared by two contacts of the first location (for ambiguity tests). */
  duplicatePhones: string[];
  /** contactId of each partner person present in GHL, keyed by "First Last". */
  partnerContactIds: Record<string, string>;
}

type Kind = 'agency' | 'realty';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const calTime = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');
const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9-]/g, '');

export function seedWorld(opts: SeedOptions): SeedResult {
  const rng = new Prng(opts.seed);
  const secrets = new Prng(opts.seed ^ 0x5eed5eed); // separate stream: tokens stay stable if data changes
  const store = new Store();
  // separate stream for what came after the contacts (field types, opportunities, workflows)
  const extra: RecordSeed = { rng: new Prng(opts.seed ^ 0x0ddba11), store, now: Math.floor(opts.now / 60_000) * 60_000 };
  store.newId = () => rng.id();
  const now = Math.floor(opts.now / 60_000) * 60_000;
  const companyId = rng.id();
  const [n1, n2] = opts.contactsPerLocation ?? [1200, 800];

  const used = { emails: new Set<string>(), phones: new Set<string>(), names: new Set<string>() };
  for (const p of partnerPeople) {
    used.names.add(`${p.firstName} ${p.lastName}`);
    if (p.email) used.emails.add(p.email);
    if (p.phone) used.phones.add(p.phone);
  }

  const defs: { kind: Kind; loc: Omit<Location, 'id' | 'companyId'>; count: number }[] = [
    { kind: 'agency', count: n1, loc: { name: 'Northstar Growth Agency', address: '1801 Wynkoop St, Suite 400', city: 'Denver', state: 'CO', country: 'US', postalCode: '80202', website: 'https://northstargrowth.co', timezone: 'America/Denver', firstName: 'Jordan', lastName: 'Blake', email: 'hello@northstargrowth.co', phone: '+13035550142', domain: 'app.northstargrowth.co', settings: { allowDuplicateContact: true, allowDuplicateOpportunity: false, allowFacebookNameMerge: false, disableContactTimezone: false } } },
    { kind: 'realty', count: n2, loc: { name: 'Bayside Realty', address: '845 Harbor Dr', city: 'San Diego', state: 'CA', country: 'US', postalCode: '92101', website: 'https://baysiderealty.com', timezone: 'America/Los_Angeles', firstName: 'Dana', lastName: 'Whitaker', email: 'office@baysiderealty.com', phone: '+16195550177', domain: 'crm.baysiderealty.com', settings: { allowDuplicateContact: false, allowDuplicateOpportunity: false, allowFacebookNameMerge: false, disableContactTimezone: false } } },
  ];

  const locations: SeededLocation[] = [];
  const result: SeedResult = { store, companyId, locations, clientId: '', clientSecret: '', duplicatePhones: [], partnerContactIds: {} };

  for (const def of defs) {
    const loc: Location = { id: rng.id(), companyId, ...def.loc };
    store.locations.set(loc.id, loc);
    locations.push({ id: loc.id, name: loc.name, token: `pit-${secrets.uuid()}` });
    const users = seedUsers(rng, store, loc, def.kind);
    store.ensureTags(loc.id, D.tagCatalogue[def.kind]);
    const fields = seedCustomFields(rng, store, loc.id);
    const allFields = seedFieldTypes(extra, loc);
    seedLocationRecords(extra, loc);
    const ctx: Ctx = { rng, store, loc, users, fields, now, used, businesses: new Map(), calendars: [rng.id(), rng.id()] };
    if (def.kind === 'agency') {
      for (const p of partnerPeople) {
        if (p.inGhl === 'missing') continue;
        const c = personContact(ctx, p);
        result.partnerContactIds[`${p.firstName} ${p.lastName}`] = c.id;
      }
      partnerRecords(extra, store, result.partnerContactIds, allFields, users);
    }
    const generated: Contact[] = [];
    while (store.contactsOf(loc.id).length < def.count) {
      const c = randomContact(ctx, def.kind);
      seedContactRecords(extra, c, allFields, users);
      generated.push(c);
    }
    if (def.kind === 'agency') result.duplicatePhones = makeDuplicates(ctx, generated);
  }
  result.clientId = `${secrets.hex(24)}-${secrets.id().toLowerCase().slice(0, 8)}`;
  result.clientSecret = secrets.uuid();
  return result;
}

interface Ctx {
  rng: Prng;
  store: Store;
  loc: Location;
  users: User[];
  fields: CustomFieldDef[];
  now: number;
  used: { emails: Set<string>; phones: Set<string>; names: Set<string> };
  businesses: Map<string, Business>;
  calendars: string[];
}

function seedUsers(rng: Prng, store: Store, loc: Location, kind: Kind): User[] {
  const domain = new URL(loc.website).hostname;
  return D.userSeeds[kind].map(([firstName, lastName, role]) => {
    const u: User = {
      id: rng.id(), name: `${firstName} ${lastName}`, firstName, lastName,
      email: `${ascii(firstName)}.${ascii(lastName)}@${domain}`, phone: `+1303555${rng.digits(4)}`, extension: '',
      permissions: { contactsEnabled: true, appointmentsEnabled: true, conversationsEnabled: true, tagsEnabled: true, settingsEnabled: role === 'admin', assignedDataOnly: false },
      roles: { type: 'account', role, locationIds: [loc.id], restrictSubAccount: false }, deleted: false,
    };
    store.users.set(u.id, u);
    return u;
  });
}

function seedCustomFields(rng: Prng, store: Store, locationId: string): CustomFieldDef[] {
  const mk = (name: string, key: string, position: number, dataType: CustomFieldDef['dataType']): CustomFieldDef => ({ id: rng.id(), name, fieldKey: `contact.${key}`, placeholder: name, dataType, position, locationId, model: 'contact' });
  const list = [mk('Job Title', 'job_title', 0, 'TEXT'), mk('Lead Score', 'lead_score', 1, 'NUMERICAL')];
  store.customFields.set(locationId, list);
  return list;
}

/**
 * The partner people's opportunities and field values the demo shows: Maya Okafor (HeyReach) has an
 * open opportunity, a plan, a contract file (a type shown read-only) and a value of a field the
 * location no longer lists (kept hidden); Diego Santos has a won one.
 */
function partnerRecords(x: RecordSeed, store: Store, ids: Record<string, string>, fields: CustomFieldDef[], users: User[]): void {
  const field = (key: string) => fields.find((f) => f.fieldKey === `contact.${key}`)!.id;
  const maya = store.contacts.get(ids['Maya Okafor']!)!;
  addOpportunity(x, maya, users, { pipeline: 0, stage: 1, value: 4800, name: 'BrightPath – Growth retainer' });
  maya.customFields.push(
    { id: field('plan'), value: 'Growth' },
    { id: field('contract'), value: { f1: { url: 'https://files.example/brightpath-contract.pdf', meta: { originalname: 'brightpath-contract.pdf' } } } },
    { id: x.rng.id(), value: 'retired-field-value' },
  );
  const diego = store.contacts.get(ids['Diego Santos']!)!;
  addOpportunity(x, diego, users, { pipeline: 1, stage: 2, status: 'won', value: 12000, name: 'LumaCraft – Partnership' });
}

function baseContact(ctx: Ctx, first: string, last: string, added: number): Contact {
  const name = `${first} ${last}`.toLowerCase();
  return {
    id: ctx.rng.id(), locationId: ctx.loc.id, contactName: name, name, firstName: first, lastName: last,
    firstNameLowerCase: first.toLowerCase(), lastNameLowerCase: last.toLowerCase(), fullNameLowerCase: name,
    type: 'lead', dnd: false, tags: [], customFields: [], dateAdded: iso(added), dateUpdated: iso(added + ctx.rng.int(0, 30) * DAY / 10),
    followers: [], additionalEmails: [], additionalPhones: [],
  };
}

function personContact(ctx: Ctx, p: PartnerPerson): Contact {
  const { rng } = ctx;
  const c = baseContact(ctx, p.firstName, p.lastName, ctx.now - rng.int(20, 300) * DAY);
  if (p.inGhl === 'email') {
    c.email = p.email;
    c.emailLowerCase = p.email?.toLowerCase();
    if (p.phone) c.phone = p.phone;
  } else if (p.inGhl === 'phone') {
    c.phone = p.phone;
  } else {
    c.website = p.linkedin;
  }
  if (p.company) c.companyName = p.company;
  if (p.title) c.customFields.push({ id: ctx.fields[0]!.id, value: p.title });
  c.tags = [...p.tags];
  c.source = p.site === 'heyreach' ? 'linkedin' : p.site === 'helloleads' ? 'import' : 'public api';
  c.assignedTo = rng.pick(ctx.users).id;
  ctx.store.addContact(c);
  addTask(ctx, c, ctx.now + rng.int(1, 14) * DAY, false);
  if (rng.chance(0.6)) addTask(ctx, c, ctx.now - rng.int(2, 20) * DAY, true);
  addNote(ctx, c);
  addAppointment(ctx, c, ctx.now + rng.int(1, 21) * DAY);
  if (rng.chance(0.5)) addAppointment(ctx, c, ctx.now - rng.int(3, 40) * DAY);
  return c;
}

function uniquePhone(ctx: Ctx, country: D.CountryInfo): string {
  for (;;) {
    const pattern = ctx.rng.pick(country.patterns);
    const phone = country.prefix + pattern.replace(/#/g, () => String(ctx.rng.int(0, 9)));
    if (!ctx.used.phones.has(phone)) {
      ctx.used.phones.add(phone);
      return phone;
    }
  }
}

function uniqueEmail(ctx: Ctx, local: string, domain: string): string {
  let email = `${local}@${domain}`;
  for (let i = 2; ctx.used.emails.has(email); i++) email = `${local}${i}@${domain}`;
  ctx.used.emails.add(email);
  return email;
}

function pickCountry(rng: Prng): D.CountryInfo {
  const total = D.countries.reduce((n, c) => n + c.weight, 0);
  let r = rng.next() * total;
  for (const c of D.countries) if ((r -= c.weight) < 0) return c.info;
  return D.countries[0]!.info;
}

function randomContact(ctx: Ctx, kind: Kind): Contact {
  const { rng, now } = ctx;
  let first = rng.pick(D.firstNames);
  let last = rng.pick(D.lastNames);
  while (ctx.used.names.has(`${first} ${last}`)) [first, last] = [rng.pick(D.firstNames), rng.pick(D.lastNames)]; // never a partner person
  const c = baseContact(ctx, first, last, now - rng.int(1, 730) * DAY - rng.int(0, DAY));
  const country = pickCountry(rng);
  const company = rng.chance(kind === 'agency' ? 0.75 : 0.35) ? rng.pick(D.companies) : undefined;
  const hasEmail = rng.chance(0.87);
  const hasPhone = !hasEmail || rng.chance(0.85);
  if (hasEmail) {
    const local = rng.chance(0.7) ? `${ascii(first)}.${ascii(last)}` : `${ascii(first)[0]}${ascii(last)}`;
    c.email = uniqueEmail(ctx, local, company && rng.chance(0.8) ? company[1] : rng.pick(D.freeMail));
    c.emailLowerCase = c.email;
  }
  if (hasPhone) c.phone = uniquePhone(ctx, country);
  c.country = country.country;
  c.timezone = country.timezone;
  if (rng.chance(0.5)) {
    const [city, state, postal] = rng.pick(country.cities);
    Object.assign(c, { address1: `${rng.int(2, 9800)} ${rng.pick(D.streets)}`, city, state, postalCode: postal });
  }
  if (company) {
    c.companyName = company[0];
    c.website = `https://www.${company[1]}`;
    c.businessId = businessFor(ctx, company).id;
  } else if (rng.chance(0.06)) {
    c.website = `https://www.linkedin.com/in/${ascii(first)}-${ascii(last)}-${rng.hex(5)}`;
  }
  c.tags = rng.sample(D.tagCatalogue[kind], rng.int(0, 3));
  if (rng.chance(0.6)) c.customFields.push({ id: ctx.fields[0]!.id, value: rng.pick(D.jobTitles) });
  if (rng.chance(0.4)) c.customFields.push({ id: ctx.fields[1]!.id, value: rng.int(1, 100) });
  c.type = rng.chance(0.25) ? 'customer' : 'lead';
  c.source = rng.pick(D.sources);
  if (rng.chance(0.65)) c.assignedTo = rng.pick(ctx.users).id;
  const dndRoll = rng.next();
  if (dndRoll < 0.03) {
    c.dnd = true;
    c.dndSettings = Object.fromEntries((['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const).map((ch) => [ch, { status: 'active', message: 'Opted out', code: '' }]));
  } else if (dndRoll < 0.06) {
    c.dndSettings = { SMS: { status: 'active', message: 'Replied STOP', code: '' }, Email: { status: 'inactive' } };
  }
  if (rng.chance(0.2)) c.attributionSource = { url: `https://${new URL(ctx.loc.website).hostname}/get-started`, utmSource: rng.pick(['google', 'facebook', 'linkedin', null]), utmMedium: 'cpc', medium: 'form' };
  if (rng.chance(0.1)) c.lastActivity = iso(now - rng.int(0, 60) * DAY);
  ctx.store.addContact(c);
  const nTasks = rng.chance(0.3) ? rng.int(1, 3) : 0;
  for (let i = 0; i < nTasks; i++) {
    const due = now + rng.int(-30, 30) * DAY + rng.int(8, 17) * 3_600_000;
    addTask(ctx, c, due, due < now ? rng.chance(0.6) : rng.chance(0.1));
  }
  const nNotes = rng.chance(0.3) ? rng.int(1, 3) : 0;
  for (let i = 0; i < nNotes; i++) addNote(ctx, c);
  if (rng.chance(0.12)) addAppointment(ctx, c, now + rng.int(-45, 45) * DAY);
  return c;
}

function businessFor(ctx: Ctx, [name, domain]: [string, string]): Business {
  let b = ctx.businesses.get(name);
  if (!b) {
    b = { id: ctx.rng.hex(24), locationId: ctx.loc.id, name, website: `https://www.${domain}` };
    ctx.businesses.set(name, b);
    ctx.store.businesses.set(b.id, b);
  }
  return b;
}

function addTask(ctx: Ctx, c: Contact, due: number, completed: boolean): void {
  const { rng } = ctx;
  ctx.store.tasksOf(c.id).push({ id: rng.id(), contactId: c.id, title: rng.pick(D.taskTitles), body: rng.pick(D.taskBodies), assignedTo: rng.pick(ctx.users).id, dueDate: iso(due), completed });
}

function addNote(ctx: Ctx, c: Contact): void {
  const { rng } = ctx;
  const added = Math.min(ctx.now - 3_600_000, Date.parse(c.dateAdded) + rng.int(0, 60) * DAY);
  ctx.store.notesOf(c.id).push({ id: rng.id(), contactId: c.id, body: rng.pick(D.noteBodies), userId: rng.pick(ctx.users).id, title: rng.pick(D.noteTitles), color: rng.pick(D.noteColors), pinned: rng.chance(0.1), dateAdded: iso(added) });
}

function addAppointment(ctx: Ctx, c: Contact, day: number): void {
  const { rng } = ctx;
  const start = Math.floor(day / DAY) * DAY + rng.int(15, 22) * 3_600_000 + rng.pick([0, 30]) * 60_000;
  const user = rng.pick(ctx.users);
  const past = start < ctx.now;
  const list = ctx.store.appointments.get(c.id) ?? [];
  ctx.store.appointments.set(c.id, list);
  list.push({
    id: rng.id(), calendarId: rng.pick(ctx.calendars), locationId: ctx.loc.id, contactId: c.id, title: `${rng.pick(D.appointmentTitles)} with ${c.firstName ?? ''} ${c.lastName ?? ''}`.trim(),
    status: past ? rng.pick(['showed', 'noshow', 'confirmed']) : 'booked', appointmentStatus: past ? rng.pick(['showed', 'noshow']) : rng.pick(['confirmed', 'new']),
    assignedUserId: user.id, users: [user.id], notes: '', address: 'https://meet.google.com/abc-defg-hij', groupId: '',
    startTime: calTime(start), endTime: calTime(start + 30 * 60_000), dateAdded: calTime(Math.min(start, ctx.now) - 5 * DAY), dateUpdated: calTime(Math.min(start, ctx.now) - 5 * DAY), assignedResources: [],
  });
}

/** Give two pairs of generated contacts the same phone: one shared office line, one re-imported person. */
function makeDuplicates(ctx: Ctx, generated: Contact[]): string[] {
  const withPhone = generated.filter((c) => c.phone && !c.dnd);
  const [a, b, c, d] = [withPhone[10], withPhone[11], withPhone[40], withPhone[41]];
  if (!a || !b || !c || !d) return [];
  b.phone = a.phone;
  d.phone = c.phone;
  Object.assign(d, { firstName: c.firstName, lastName: c.lastName, firstNameLowerCase: c.firstNameLowerCase, lastNameLowerCase: c.lastNameLowerCase, fullNameLowerCase: c.fullNameLowerCase, name: c.name, contactName: c.contactName });
  return [a.phone!, c.phone!];
}
