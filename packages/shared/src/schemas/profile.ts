import { Type, type Static } from 'typebox';
import { DateSchema, FreeText, NameText, Nullable } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';
import { OrganizationKindSchema } from './organizations.js';

/**
 * The setup profile of a municipality (or of an inter-municipal setup, kept by its host): what the
 * collaboration is, why, since when, who coordinates it and where, whom to contact about what, the
 * parties beyond municipalities, the agreements between them and the plans that govern the work.
 * Written whole (PUT with If-Match); every field can be marked internal, every list item public or not.
 */

export const COORDINATOR_STATES = ['vacant', 'new', 'established'] as const;
export type CoordinatorState = (typeof COORDINATOR_STATES)[number];
export const CoordinatorStateSchema = Type.Enum([...COORDINATOR_STATES], {
  description: '`new`: the position is newly created and starting up; `established`: in ordinary operation; `vacant`: not filled.',
});

export const PARTY_KINDS = ['police_district', 'police_station', 'county', 'municipality', 'state_agency', 'other'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PartyKindSchema = Type.Enum([...PARTY_KINDS]);

export const PLAN_KINDS = ['action_plan', 'plan', 'strategy', 'mandate', 'report', 'other'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PlanKindSchema = Type.Enum([...PLAN_KINDS]);

/** The profile's single-valued fields: each can be listed in `internalFields`. */
export const PROFILE_FIELDS = [
  'collaborationName',
  'leadText',
  'purpose',
  'principles',
  'establishedDate',
  'fundingSource',
  'projectStart',
  'projectYears',
  'historyText',
  'coordinatorRole',
  'coordinatorPlacement',
  'coordinatorPercent',
  'coordinatorState',
  'visitingAddress',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const ProfileFieldSchema = Type.Enum([...PROFILE_FIELDS]);

const Url = Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'An http(s) link.' });
const Key = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z0-9_.:-]+$',
  description: 'Your short key for the party, unique in the profile (agreements name their parties by it).',
});
const Year = Type.Integer({ minimum: 1900, maximum: 2200 });
const Opt = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer> | typeof CoordinatorStateSchema>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

/** The single-valued fields as written; a field left out or null is empty. */
const fieldsIn = {
  collaborationName: Opt(NameText({ description: 'Name of the collaboration: "SLT Nøtterøy og Tønsberg".' })),
  leadText: Opt(FreeText({ description: 'The opening text: "SLT handler om å …".' })),
  purpose: Opt(FreeText({ description: 'Purpose and mandate of the collaboration.' })),
  principles: Opt(FreeText({ description: 'Zero tolerance or other principles, as text.' })),
  establishedDate: Opt(DateSchema),
  fundingSource: Opt(NameText({ description: 'Who funded the start: "Kråd (oppstartsmidler)".' })),
  projectStart: Opt(DateSchema),
  projectYears: Opt(Type.Integer({ minimum: 1, maximum: 50, description: 'Length of the initial project in years.' })),
  historyText: Opt(FreeText()),
  coordinatorRole: Opt(FreeText({ description: "The coordinator's role and tasks." })),
  coordinatorPlacement: Opt(NameText({ description: 'Where the coordinator is placed: "administrativt underlagt rådmannen".' })),
  coordinatorPercent: Opt(Type.Integer({ minimum: 0, maximum: 100, description: 'Percentage of a full-time post.' })),
  coordinatorState: Opt(CoordinatorStateSchema),
  visitingAddress: Opt(FreeText({ description: 'Visiting address, one line each.' })),
};

const internalFieldsIn = Type.Optional(
  Type.Array(ProfileFieldSchema, { uniqueItems: true, maxItems: PROFILE_FIELDS.length, description: 'Fields only the municipality sees.' }),
);
const isPublicIn = Type.Optional(Type.Boolean({ default: true }));

export const ConcernChannelInSchema = Type.Object(
  {
    situation: FreeText({ description: 'When to contact: "Er bekymra for eit ungdomsmiljø på din skole".' }),
    how: Opt(FreeText({ description: 'How, or whom, to contact in that case.' })),
    isPublic: isPublicIn,
  },
  { additionalProperties: false },
);
export const PartyInSchema = Type.Object(
  {
    key: Key,
    name: NameText(),
    kind: PartyKindSchema,
    description: Opt(FreeText()),
    isPublic: isPublicIn,
  },
  { additionalProperties: false },
);
export const AgreementInSchema = Type.Object(
  {
    title: NameText(),
    parties: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        uniqueItems: true,
        maxItems: 50,
        description: 'Keys of the parties; the municipality itself is always a party.',
      }),
    ),
    signedDate: Opt(DateSchema),
    validUntil: Opt(Type.String({ format: 'date', description: 'Renewal is due by this date (shown in the year plan).' })),
    url: Opt(Url),
    description: Opt(FreeText()),
    isPublic: isPublicIn,
  },
  { additionalProperties: false },
);
export const PlanInSchema = Type.Object(
  {
    title: NameText(),
    kind: PlanKindSchema,
    startYear: Opt(Year),
    endYear: Opt(Year),
    url: Opt(Url),
    description: Opt(FreeText()),
    isPublic: isPublicIn,
  },
  { additionalProperties: false },
);

const lists = <M extends ReturnType<typeof Type.Object>>(contact: M) => ({
  contacts: Type.Optional(Type.Array(contact, { maxItems: 50, description: 'Public contacts, in order.' })),
  concernChannels: Type.Optional(
    Type.Array(ConcernChannelInSchema, { maxItems: 50, description: 'When to contact the network, in order.' }),
  ),
  parties: Type.Optional(Type.Array(PartyInSchema, { maxItems: 50, description: 'Parties beyond the municipalities.' })),
  agreements: Type.Optional(Type.Array(AgreementInSchema, { maxItems: 100 })),
  plans: Type.Optional(Type.Array(PlanInSchema, { maxItems: 100, description: 'Governing plans and documents.' })),
});

/** PUT body: the whole profile. Lists are replaced in the order given. */
export const SetupProfileInputSchema = Type.Object(
  {
    ...fieldsIn,
    internalFields: internalFieldsIn,
    ...lists(
      Type.Object(
        { memberId: UuidSchema, label: NameText({ description: '"SLT-koordinator", "Politikontakt".' }), isPublic: isPublicIn },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'SetupProfileInput' },
);
export type SetupProfileInput = Static<typeof SetupProfileInputSchema>;

/** The profile in the import/export document: contacts name their member by externalId. */
export const DocProfileSchema = Type.Object(
  {
    ...fieldsIn,
    internalFields: internalFieldsIn,
    ...lists(
      Type.Object(
        {
          member: Type.String({ minLength: 1, maxLength: 200, description: 'externalId of a member' }),
          label: NameText(),
          isPublic: isPublicIn,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'DocProfile' },
);
export type DocProfile = Static<typeof DocProfileSchema>;

// --- as read -----------------------------------------------------------------------------

const Text = Nullable(Type.String());
const fieldsOut = {
  collaborationName: Type.Optional(Text),
  leadText: Type.Optional(Text),
  purpose: Type.Optional(Text),
  principles: Type.Optional(Text),
  establishedDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  fundingSource: Type.Optional(Text),
  projectStart: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  projectYears: Type.Optional(Nullable(Type.Integer())),
  historyText: Type.Optional(Text),
  coordinatorRole: Type.Optional(Text),
  coordinatorPlacement: Type.Optional(Text),
  coordinatorPercent: Type.Optional(Nullable(Type.Integer())),
  coordinatorState: Type.Optional(Type.Union([CoordinatorStateSchema, Type.Null()])),
  visitingAddress: Type.Optional(Text),
};

const ProfileMemberSchema = Type.Object(
  {
    id: UuidSchema,
    name: Nullable(Type.String()),
    roleTitle: Nullable(Type.String()),
    organizationId: Nullable(Type.String({ format: 'uuid' })),
    organizationName: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  },
  { additionalProperties: false, title: 'ProfileMember' },
);

export const ProfileContactSchema = Type.Object(
  { label: Type.String(), isPublic: Type.Boolean(), member: ProfileMemberSchema },
  { additionalProperties: false, title: 'ProfileContact' },
);
export type ProfileContact = Static<typeof ProfileContactSchema>;
export const ConcernChannelSchema = Type.Object(
  { situation: Type.String(), how: Text, isPublic: Type.Boolean() },
  { additionalProperties: false, title: 'ConcernChannel' },
);
export type ConcernChannel = Static<typeof ConcernChannelSchema>;
export const PartySchema = Type.Object(
  { key: Type.String(), name: Type.String(), kind: PartyKindSchema, description: Text, isPublic: Type.Boolean() },
  { additionalProperties: false, title: 'Party' },
);
export type Party = Static<typeof PartySchema>;
export const AgreementSchema = Type.Object(
  {
    title: Type.String(),
    parties: Type.Array(Type.String()),
    signedDate: Nullable(Type.String({ format: 'date' })),
    validUntil: Nullable(Type.String({ format: 'date' })),
    url: Text,
    description: Text,
    isPublic: Type.Boolean(),
  },
  { additionalProperties: false, title: 'Agreement' },
);
export type Agreement = Static<typeof AgreementSchema>;
export const GoverningPlanSchema = Type.Object(
  {
    title: Type.String(),
    kind: PlanKindSchema,
    startYear: Nullable(Type.Integer()),
    endYear: Nullable(Type.Integer()),
    url: Text,
    description: Text,
    isPublic: Type.Boolean(),
  },
  { additionalProperties: false, title: 'GoverningPlan' },
);
export type GoverningPlan = Static<typeof GoverningPlanSchema>;

/**
 * The profile as read. In the public view, fields marked internal are left out (and so is
 * `internalFields`), and so are list items that are not public.
 */
export const SetupProfileSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    ...fieldsOut,
    internalFields: Type.Optional(Type.Array(ProfileFieldSchema, { description: 'Internal view only.' })),
    contacts: Type.Array(ProfileContactSchema),
    concernChannels: Type.Array(ConcernChannelSchema),
    parties: Type.Array(PartySchema),
    agreements: Type.Array(AgreementSchema),
    plans: Type.Array(GoverningPlanSchema),
  },
  { additionalProperties: false, title: 'SetupProfile' },
);
export type SetupProfile = Static<typeof SetupProfileSchema>;

/** An organization as a central actor of the public setup. */
export const CentralActorSchema = Type.Object(
  { id: UuidSchema, name: Type.String(), kind: OrganizationKindSchema, description: Nullable(Type.String()) },
  { additionalProperties: false, title: 'CentralActor' },
);
export type CentralActor = Static<typeof CentralActorSchema>;
