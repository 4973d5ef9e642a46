import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { GoalSchema } from './goals.js';
import { UuidSchema } from './identity.js';
import { MeasureSchema } from './measures.js';
import { MembershipRoleSchema } from './members.js';
import { KommunenummerSchema } from './municipalities.js';
import { FocusAreaSchema, TargetGroupSchema } from './target-groups.js';
import { MeetingRuleSchema, TierLevelSchema } from './tiers.js';
import { CentralActorSchema, SetupProfileSchema } from './profile.js';

/**
 * A member as the setup shows them. In the public view `email` and `phone` are null unless flagged
 * public; the internal view has them all.
 */
export const SetupMemberSchema = Type.Object(
  {
    id: UuidSchema,
    name: Nullable(Type.String()),
    roleTitle: Nullable(Type.String()),
    organizationId: Nullable(Type.String({ format: 'uuid' })),
    organizationName: Nullable(Type.String()),
    email: Nullable(Type.String(), { description: 'Null when not public and the view is public, or unknown.' }),
    phone: Nullable(Type.String(), { description: 'Null when not public and the view is public, or unknown.' }),
  },
  { additionalProperties: false, title: 'SetupMember' },
);
export type SetupMember = Static<typeof SetupMemberSchema>;

export const SetupSeatSchema = Type.Object(
  {
    role: MembershipRoleSchema,
    since: Type.String({ format: 'date' }),
    member: SetupMemberSchema,
  },
  { additionalProperties: false, title: 'SetupSeat' },
);
export type SetupSeat = Static<typeof SetupSeatSchema>;

export const SetupTierSchema = Type.Object(
  {
    id: UuidSchema,
    level: TierLevelSchema,
    name: Type.String(),
    mandate: Nullable(Type.String()),
    responsibilities: Nullable(Type.String()),
    individualCases: Type.Boolean(),
    displayOrder: Type.Integer(),
    meetingRule: Type.Union([MeetingRuleSchema, Type.Null()]),
    chair: Type.Union([SetupMemberSchema, Type.Null()]),
    secretary: Type.Union([SetupMemberSchema, Type.Null()]),
    seats: Type.Array(SetupSeatSchema, { description: 'Current memberships, by role (chair, secretary, member, observer).' }),
  },
  { additionalProperties: false, title: 'SetupTier' },
);
export type SetupTier = Static<typeof SetupTierSchema>;

export const MunicipalityRefSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, name: Type.String() },
  { additionalProperties: false, title: 'MunicipalityRef' },
);

/** A municipality's whole SLT setup in one read: the public view, or the internal one for its users. */
export const SltSetupSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    malform: Type.Enum(['nb', 'nn']),
    view: Type.Enum(['public', 'internal']),
    partners: Type.Array(MunicipalityRefSchema, { description: 'Partner municipalities this setup covers.' }),
    coordinators: Type.Array(SetupMemberSchema, { description: "The SLT coordinator's contact." }),
    profile: SetupProfileSchema,
    centralActors: Type.Array(CentralActorSchema, { description: 'The organizations of the network (central actors), by name.' }),
    tiers: Type.Array(SetupTierSchema),
    targetGroups: Type.Array(TargetGroupSchema),
    focusAreas: Type.Array(FocusAreaSchema),
    goals: Type.Array(GoalSchema),
    measures: Type.Array(MeasureSchema, { description: 'Public measures; the internal view has them all.' }),
  },
  { additionalProperties: false, title: 'SltSetup' },
);
export type SltSetup = Static<typeof SltSetupSchema>;

export const PartnerParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, partnerKommunenummer: KommunenummerSchema },
  { additionalProperties: false },
);
export const PartnerListSchema = Type.Object({ items: Type.Array(MunicipalityRefSchema) }, { additionalProperties: false });
export type PartnerList = Static<typeof PartnerListSchema>;
