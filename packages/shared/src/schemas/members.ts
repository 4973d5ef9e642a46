import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, NameText, Nullable, TimestampSchema } from './common.js';
import { EmailSchema, UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const MEMBERSHIP_ROLES = ['chair', 'secretary', 'member', 'observer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const MembershipRoleSchema = Type.Enum([...MEMBERSHIP_ROLES]);

export const PhoneSchema = Type.String({
  minLength: 3,
  maxLength: 40,
  pattern: '^\\+?[0-9 ()-]+$',
  description: 'Digits, spaces, parentheses, hyphens and an optional leading +.',
});

/**
 * A professional in the SLT network (never a young person). Name, role title and organization are
 * public; e-mail and phone each carry a flag, and unflagged details are internal. An erased member
 * (GDPR) keeps its id, so that memberships and measures stay consistent, but has no identity left.
 */
export const MemberSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    name: Nullable(Type.String(), { description: 'Null once the member has been erased.' }),
    roleTitle: Nullable(Type.String({ description: 'Ordfører, politistasjonssjef, rektor, helsesykepleier…' })),
    organizationId: Nullable(Type.String({ format: 'uuid' })),
    email: Nullable(Type.String()),
    emailPublic: Type.Boolean(),
    phone: Nullable(Type.String()),
    phonePublic: Type.Boolean(),
    isCoordinator: Type.Boolean({ description: "The SLT coordinator: the setup's contact." }),
    erasedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Member' },
);
export type Member = Static<typeof MemberSchema>;
export const MemberListSchema = Type.Object({ items: Type.Array(MemberSchema) }, { additionalProperties: false });
export type MemberList = Static<typeof MemberListSchema>;

export const CreateMemberSchema = Type.Object(
  {
    name: NameText(),
    roleTitle: Type.Optional(NameText()),
    organizationId: Type.Optional(UuidSchema),
    email: Type.Optional(EmailSchema),
    emailPublic: Type.Optional(Type.Boolean({ default: false })),
    phone: Type.Optional(PhoneSchema),
    phonePublic: Type.Optional(Type.Boolean({ default: false })),
    isCoordinator: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateMember = Static<typeof CreateMemberSchema>;

export const UpdateMemberSchema = Type.Object(
  {
    name: Type.Optional(NameText()),
    roleTitle: Clearable(NameText()),
    organizationId: Clearable(UuidSchema),
    email: Clearable(EmailSchema),
    emailPublic: Type.Optional(Type.Boolean()),
    phone: Clearable(PhoneSchema),
    phonePublic: Type.Optional(Type.Boolean()),
    isCoordinator: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMember = Static<typeof UpdateMemberSchema>;

export const MemberParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, memberId: UuidSchema },
  { additionalProperties: false },
);

/** A seat on a tier for a period. Ending it keeps the history; `endDate` null means current. */
export const MembershipSchema = Type.Object(
  {
    id: UuidSchema,
    tierId: UuidSchema,
    memberId: UuidSchema,
    role: MembershipRoleSchema,
    startDate: Type.String({ format: 'date' }),
    endDate: Nullable(Type.String({ format: 'date' })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Membership' },
);
export type Membership = Static<typeof MembershipSchema>;
export const MembershipListSchema = Type.Object({ items: Type.Array(MembershipSchema) }, { additionalProperties: false });
export type MembershipList = Static<typeof MembershipListSchema>;

export const CreateMembershipSchema = Type.Object(
  {
    memberId: UuidSchema,
    role: MembershipRoleSchema,
    startDate: DateSchema,
    endDate: Type.Optional(DateSchema),
  },
  { additionalProperties: false },
);
export type CreateMembership = Static<typeof CreateMembershipSchema>;

export const UpdateMembershipSchema = Type.Object(
  {
    role: Type.Optional(MembershipRoleSchema),
    startDate: Type.Optional(DateSchema),
    endDate: Clearable(DateSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMembership = Static<typeof UpdateMembershipSchema>;

export const MembershipParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, tierId: UuidSchema, membershipId: UuidSchema },
  { additionalProperties: false },
);
export const MembershipListQuerySchema = Type.Object(
  {
    current: Type.Optional(Type.Boolean({ description: 'Only memberships without an end date, or ending today or later.' })),
  },
  { additionalProperties: false },
);
