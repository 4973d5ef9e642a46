import { Type, type Static } from 'typebox';
import { Clearable, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const TIER_LEVELS = ['strategic', 'coordinating', 'operational'] as const;
export type TierLevel = (typeof TIER_LEVELS)[number];
export const TierLevelSchema = Type.Enum([...TIER_LEVELS], {
  description:
    '`strategic` (styringsnivå: politirådet, styringsgruppen), `coordinating` (koordineringsnivå: ' +
    'koordineringsgruppe, arbeidsutvalg), `operational` (utøvende nivå: utøvergruppe).',
});

const Count = Type.Integer({ minimum: 0, maximum: 52 });

/**
 * How often a tier must meet, as data: at least `count` per calendar year, at least `count` per
 * half-year, or separate numbers for spring (January–June) and autumn (July–December).
 */
export const MeetingRuleSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('per_year'), count: Count }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('per_half_year'), count: Count }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('spring_autumn'), spring: Count, autumn: Count }, { additionalProperties: false }),
  ],
  { title: 'MeetingRule' },
);
export type MeetingRule = Static<typeof MeetingRuleSchema>;

/**
 * A tier's mail rule: its meetings' notice goes out by itself `noticeDaysBefore` days before the
 * meeting (at once when that is already past; `null`: only when the coordinator sends it), and
 * `reminders` says whether the owners of the tier's action items are reminded of due dates.
 */
export const MailRuleSchema = Type.Object(
  {
    noticeDaysBefore: Nullable(
      Type.Integer({ minimum: 0, maximum: 60, description: 'Days before the meeting; null: no automatic notice.' }),
    ),
    reminders: Type.Boolean({
      description: "Reminders of action items given at the tier's meetings: 3 days before the due date and when overdue.",
    }),
  },
  { additionalProperties: false, title: 'MailRule' },
);
export type MailRule = Static<typeof MailRuleSchema>;

export const TierSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    level: TierLevelSchema,
    name: Type.String({ description: 'The local name: Politirådet, Arbeidsutvalget, Utøvergruppen…' }),
    mandate: Nullable(Type.String()),
    responsibilities: Nullable(Type.String()),
    chairMemberId: Nullable(Type.String({ format: 'uuid' })),
    secretaryMemberId: Nullable(Type.String({ format: 'uuid' })),
    individualCases: Type.Boolean({ description: 'Whether the tier may discuss individual cases.' }),
    displayOrder: Type.Integer(),
    meetingRule: Type.Union([MeetingRuleSchema, Type.Null()]),
    mailRule: Type.Union([MailRuleSchema, Type.Null()], { description: 'Null: no automatic notice, reminders on.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Tier' },
);
export type Tier = Static<typeof TierSchema>;
export const TierListSchema = Type.Object({ items: Type.Array(TierSchema) }, { additionalProperties: false });
export type TierList = Static<typeof TierListSchema>;

export const CreateTierSchema = Type.Object(
  {
    level: TierLevelSchema,
    name: NameText(),
    mandate: Type.Optional(FreeText()),
    responsibilities: Type.Optional(FreeText()),
    chairMemberId: Type.Optional(UuidSchema),
    secretaryMemberId: Type.Optional(UuidSchema),
    individualCases: Type.Optional(Type.Boolean({ default: false })),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    meetingRule: Type.Optional(MeetingRuleSchema),
    mailRule: Type.Optional(MailRuleSchema),
  },
  { additionalProperties: false },
);
export type CreateTier = Static<typeof CreateTierSchema>;

export const UpdateTierSchema = Type.Object(
  {
    level: Type.Optional(TierLevelSchema),
    name: Type.Optional(NameText()),
    mandate: Clearable(FreeText()),
    responsibilities: Clearable(FreeText()),
    chairMemberId: Clearable(UuidSchema),
    secretaryMemberId: Clearable(UuidSchema),
    individualCases: Type.Optional(Type.Boolean()),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    meetingRule: Clearable(MeetingRuleSchema),
    mailRule: Clearable(MailRuleSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTier = Static<typeof UpdateTierSchema>;

export const TierParamsSchema = Type.Object({ kommunenummer: KommunenummerSchema, tierId: UuidSchema }, { additionalProperties: false });
