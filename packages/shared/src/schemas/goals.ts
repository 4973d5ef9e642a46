import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const INDICATOR_UNITS = ['count', 'percent', 'rate_per_1000', 'other'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const IndicatorUnitSchema = Type.Enum([...INDICATOR_UNITS], {
  description: '`count`: a number of persons or cases; `percent`; `rate_per_1000` inhabitants; `other`.',
});
export const GOAL_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];
export const GoalDirectionSchema = Type.Enum([...GOAL_DIRECTIONS], { description: 'Which way the indicator should go.' });

/** Small groups are never reported exactly: a count of 1–4, or a value from fewer than 5 persons, is `"<5"`. */
export const SMALL_GROUP = '<5';
export const MeasuredValueSchema = Type.Union([Type.Number(), Type.Literal(SMALL_GROUP)], {
  description: 'The value, or "<5" when it stems from fewer than 5 persons (as Ungdata and SSB report).',
});
export type MeasuredValue = Static<typeof MeasuredValueSchema>;

/** Where a measurement came from: typed in by a coordinator, or read from an uploaded document. */
export const MEASUREMENT_ORIGINS = ['manual', 'file'] as const;
export type MeasurementOrigin = (typeof MEASUREMENT_ORIGINS)[number];

export const MeasurementSchema = Type.Object(
  {
    id: UuidSchema,
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    value: MeasuredValueSchema,
    source: Nullable(Type.String({ description: 'Police statistics, SSB, Ungdata…' })),
    caveat: Nullable(Type.String()),
    origin: Type.Enum([...MEASUREMENT_ORIGINS], {
      description:
        '`manual`: entered by a coordinator; `file`: read from an uploaded setup document. Values imported from open statistics are on the indicator’s source (with provider, table and licence).',
    }),
  },
  { additionalProperties: false, title: 'Measurement' },
);
export type Measurement = Static<typeof MeasurementSchema>;

export const IndicatorSchema = Type.Object(
  {
    id: UuidSchema,
    name: Type.String(),
    unit: IndicatorUnitSchema,
    direction: GoalDirectionSchema,
    targetValue: Nullable(Type.Number()),
    measurements: Type.Array(MeasurementSchema, { description: 'By period, oldest first.' }),
  },
  { additionalProperties: false, title: 'Indicator' },
);
export type Indicator = Static<typeof IndicatorSchema>;

/** An outcome the strategic tier sets, with its indicators and their measurements. */
export const GoalSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    description: Nullable(Type.String()),
    focusAreaId: Nullable(Type.String({ format: 'uuid' })),
    displayOrder: Type.Integer(),
    indicators: Type.Array(IndicatorSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Goal' },
);
export type Goal = Static<typeof GoalSchema>;
export const GoalListSchema = Type.Object({ items: Type.Array(GoalSchema) }, { additionalProperties: false });
export type GoalList = Static<typeof GoalListSchema>;

export const CreateGoalSchema = Type.Object(
  {
    title: NameText(),
    description: Type.Optional(FreeText()),
    focusAreaId: Type.Optional(UuidSchema),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type CreateGoal = Static<typeof CreateGoalSchema>;
export const UpdateGoalSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    focusAreaId: Clearable(UuidSchema),
    displayOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGoal = Static<typeof UpdateGoalSchema>;

export const CreateIndicatorSchema = Type.Object(
  {
    name: NameText(),
    unit: IndicatorUnitSchema,
    direction: GoalDirectionSchema,
    targetValue: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type CreateIndicator = Static<typeof CreateIndicatorSchema>;
export const UpdateIndicatorSchema = Type.Object(
  {
    name: Type.Optional(NameText()),
    unit: Type.Optional(IndicatorUnitSchema),
    direction: Type.Optional(GoalDirectionSchema),
    targetValue: Clearable(Type.Number()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateIndicator = Static<typeof UpdateIndicatorSchema>;

export const CreateMeasurementSchema = Type.Object(
  {
    periodStart: DateSchema,
    periodEnd: DateSchema,
    value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    groupSize: Type.Optional(
      Type.Integer({ minimum: 0, description: 'How many persons the value stems from (for percentages and rates).' }),
    ),
    source: Type.Optional(NameText()),
    caveat: Type.Optional(FreeText()),
  },
  { additionalProperties: false },
);
export type CreateMeasurement = Static<typeof CreateMeasurementSchema>;

export const GoalParamsSchema = Type.Object({ kommunenummer: KommunenummerSchema, goalId: UuidSchema }, { additionalProperties: false });
export const IndicatorParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, goalId: UuidSchema, indicatorId: UuidSchema },
  { additionalProperties: false },
);
export const MeasurementParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, goalId: UuidSchema, indicatorId: UuidSchema, measurementId: UuidSchema },
  { additionalProperties: false },
);
