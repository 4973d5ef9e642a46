import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';
import { MeetingRuleSchema, TierLevelSchema } from './tiers.js';
import { MeetingSchema } from './meetings.js';

// --- compliance with the meeting rules -----------------------------------------------------

export const COMPLIANCE_STATUSES = ['met', 'on_track', 'at_risk', 'behind'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

export const CompliancePeriodSchema = Type.Object(
  {
    period: Type.Enum(['year', 'spring', 'autumn'], { description: 'The calendar year, or January–June / July–December.' }),
    start: Type.String({ format: 'date' }),
    end: Type.String({ format: 'date', description: 'Last day of the period.' }),
    required: Type.Integer(),
    held: Type.Integer(),
    planned: Type.Integer({ description: 'Planned meetings still ahead in the period.' }),
    cancelled: Type.Integer(),
    status: Type.Enum([...COMPLIANCE_STATUSES], {
      description:
        '`met`: held ≥ required. `behind`: the period is over with fewer held. `at_risk`: the period is not over ' +
        'and held + planned ahead < required (not enough planned meetings left). `on_track`: not over, enough planned.',
    }),
  },
  { additionalProperties: false, title: 'CompliancePeriod' },
);
export type CompliancePeriod = Static<typeof CompliancePeriodSchema>;

export const ComplianceSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    year: Type.Integer(),
    tiers: Type.Array(
      Type.Object(
        {
          tierId: UuidSchema,
          name: Type.String(),
          level: TierLevelSchema,
          meetingRule: Type.Union([MeetingRuleSchema, Type.Null()]),
          status: Nullable(Type.String({ enum: [...COMPLIANCE_STATUSES] }), { description: 'The worst period; null without a rule.' }),
          periods: Type.Array(CompliancePeriodSchema),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'Compliance' },
);
export type Compliance = Static<typeof ComplianceSchema>;

export const YearQuerySchema = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });

// --- the year plan (årshjul) -------------------------------------------------------------

export const KEY_DATE_KINDS = [
  'budget',
  'ungdata',
  'grant_application',
  'grant_report',
  'self_evaluation',
  'action_plan',
  'agreement_renewal',
  'other',
] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];
export const KeyDateKindSchema = Type.Enum([...KEY_DATE_KINDS]);

export const KeyDateSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    kind: KeyDateKindSchema,
    date: Type.String({ format: 'date', description: 'For a yearly date: the first year it applies.' }),
    yearly: Type.Boolean({ description: 'Recurs every year on the same day (the SLT grant: apply by 1 December).' }),
    description: Nullable(Type.String()),
    isPublic: Type.Boolean(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'KeyDate' },
);
export type KeyDate = Static<typeof KeyDateSchema>;
export const KeyDateListSchema = Type.Object({ items: Type.Array(KeyDateSchema) }, { additionalProperties: false });

export const CreateKeyDateSchema = Type.Object(
  {
    title: NameText(),
    kind: Type.Optional(KeyDateKindSchema),
    date: DateSchema,
    yearly: Type.Optional(Type.Boolean({ default: false })),
    description: Type.Optional(FreeText()),
    isPublic: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateKeyDate = Static<typeof CreateKeyDateSchema>;
export const UpdateKeyDateSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    kind: Type.Optional(KeyDateKindSchema),
    date: Type.Optional(DateSchema),
    yearly: Type.Optional(Type.Boolean()),
    description: Clearable(FreeText()),
    isPublic: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateKeyDate = Static<typeof UpdateKeyDateSchema>;
export const KeyDateParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, keyDateId: UuidSchema },
  { additionalProperties: false },
);

export const YearPlanSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    year: Type.Integer(),
    meetings: Type.Array(MeetingSchema, { description: "All tiers' meetings in the year (public facts)." }),
    keyDates: Type.Array(
      Type.Object(
        {
          keyDateId: UuidSchema,
          title: Type.String(),
          kind: KeyDateKindSchema,
          date: Type.String({ format: 'date', description: 'The date in this year.' }),
          description: Nullable(Type.String()),
          isPublic: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'YearPlan' },
);
export type YearPlan = Static<typeof YearPlanSchema>;

// --- calendar feeds ----------------------------------------------------------------------

export const CalendarFeedSchema = Type.Object(
  { id: UuidSchema, label: Type.String(), createdAt: TimestampSchema, lastUsedAt: Nullable(Type.String({ format: 'date-time' })) },
  { additionalProperties: false, title: 'CalendarFeed' },
);
export type CalendarFeed = Static<typeof CalendarFeedSchema>;
export const CalendarFeedListSchema = Type.Object({ items: Type.Array(CalendarFeedSchema) }, { additionalProperties: false });
export const CreatedCalendarFeedSchema = Type.Object(
  {
    feed: CalendarFeedSchema,
    url: Type.String({ description: 'The secret feed URL: shown once; anyone holding it can read your meetings. Revoke it to end that.' }),
  },
  { additionalProperties: false },
);
export type CreatedCalendarFeed = Static<typeof CreatedCalendarFeedSchema>;
export const CreateCalendarFeedSchema = Type.Object(
  { label: Type.Optional(NameText({ description: 'Where you use it: "Outlook at work".' })) },
  { additionalProperties: false },
);
export const CalendarFeedParamsSchema = Type.Object({ feedId: UuidSchema }, { additionalProperties: false });
export const CalendarFeedSecretParamsSchema = Type.Object(
  { secret: Type.String({ pattern: '^slc_[A-Za-z0-9_-]{43}$' }) },
  { additionalProperties: false },
);
export const TierCalendarParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, tierId: UuidSchema },
  { additionalProperties: false },
);
