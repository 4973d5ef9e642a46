import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';
import { GoalSchema } from './goals.js';
import { UuidSchema } from './identity.js';
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

/**
 * A long collection in the setup, summarized: how many items the caller's view has, and the
 * paginated endpoint that lists them. The setup's size does not follow the data.
 */
const summaryProperties = {
  count: Type.Integer({ minimum: 0, description: 'Items in the caller’s view (public items only in the public view).' }),
  href: Type.String({ description: 'The paginated list (`?limit=` and `cursor`), a path on the API’s origin.' }),
};
export const CollectionSummarySchema = Type.Object(summaryProperties, { additionalProperties: false, title: 'CollectionSummary' });
const summary = (description: string) => Type.Object(summaryProperties, { additionalProperties: false, description });
export type CollectionSummary = Static<typeof CollectionSummarySchema>;

/**
 * A municipality's whole SLT setup in one read: the public view, or the internal one for its users.
 * Bounded: the organization (tiers with their current seats, coordinators, target groups, focus
 * areas, goals) is whole; measures and meetings, which grow with the years, are summarized with a
 * count and the link to their paginated lists, and the central actors are the first 50
 * organizations by name beside the count of all.
 */
/** How many organizations `centralActors` lists at most (by name); `organizations.count` counts them all. */
export const CENTRAL_ACTORS_LISTED = 50;

/** `?view=public`: the public view, whoever asks. */
export const SetupViewQuerySchema = Type.Object(
  {
    view: Type.Optional(
      Type.Literal('public', {
        description:
          'The public view whoever asks, as anonymous callers and intranets get it: what a coordinator checks before publishing, ' +
          'and an address of its own for that view (a browser that preloads it never serves it to a signed-in request).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SetupViewQuery = Static<typeof SetupViewQuerySchema>;

export const SltSetupSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    name: Type.String(),
    malform: Type.Enum(['nb', 'nn']),
    view: Type.Enum(['public', 'internal']),
    partners: Type.Array(MunicipalityRefSchema, { description: 'Partner municipalities this setup covers.' }),
    coordinators: Type.Array(SetupMemberSchema, { description: "The SLT coordinator's contact." }),
    profile: SetupProfileSchema,
    centralActors: Type.Array(CentralActorSchema, {
      maxItems: CENTRAL_ACTORS_LISTED,
      description: 'The organizations of the network (central actors), by name: the first 50 (`organizations` counts them all).',
    }),
    tiers: Type.Array(SetupTierSchema),
    targetGroups: Type.Array(TargetGroupSchema),
    focusAreas: Type.Array(FocusAreaSchema),
    goals: Type.Array(GoalSchema),
    measures: summary('How many measures (public ones in the public view, all in the internal view), and their paginated list.'),
    organizations: summary('How many organizations the network has (all public), and their list by name.'),
    meetings: summary('How many meetings (their public facts are public), and their paginated list in time order (`?from=` a day).'),
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
