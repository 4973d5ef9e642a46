import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, DocumentFormatSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { GoalDirectionSchema, IndicatorUnitSchema, MeasuredValueSchema } from './goals.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

/**
 * The kartlegging (status analysis) of a period: the indicators of the municipality's goals with
 * their latest values and trend (computed, "<5" for small groups), what each organization observes
 * (group level only), a summary and a proposed priority order. Internal.
 */
const ObservationSchema = Type.Object(
  { organizationId: UuidSchema, text: Type.String() },
  { additionalProperties: false, title: 'StatusObservation' },
);
const PrioritySchema = Type.Object(
  { title: Type.String(), focusAreaId: Nullable(UuidSchema), rationale: Nullable(Type.String()) },
  { additionalProperties: false, title: 'StatusPriority' },
);
const PointSchema = Nullable(
  Type.Object(
    { measurementId: UuidSchema, periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema },
    { additionalProperties: false },
  ),
);

export const StatusAnalysisSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    summary: Nullable(Type.String()),
    observations: Type.Array(ObservationSchema, { description: 'What each organization observes, at group level.' }),
    priorities: Type.Array(PrioritySchema, { description: 'The proposed priority order, first the highest.' }),
    agendaItemId: Nullable(UuidSchema, { description: 'The agenda item it was presented under.' }),
    indicators: Type.Array(
      Type.Object(
        {
          goalId: UuidSchema,
          goalTitle: Type.String(),
          indicatorId: UuidSchema,
          name: Type.String(),
          unit: IndicatorUnitSchema,
          direction: GoalDirectionSchema,
          previous: PointSchema,
          latest: PointSchema,
          trend: Nullable(Type.String({ enum: ['improving', 'worsening', 'unchanged'] })),
        },
        { additionalProperties: false },
      ),
      { description: "Computed: every indicator of the municipality's goals, values up to the period's end." },
    ),
    plans: Type.Array(
      Type.Object(
        { planId: UuidSchema, title: Type.String(), status: Type.String(), periodStart: Type.String({ format: 'date' }) },
        { additionalProperties: false },
      ),
      { description: 'The handlingsplaner that build on this kartlegging (their statusAnalysisId), oldest period first.' },
    ),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'StatusAnalysis' },
);
export type StatusAnalysis = Static<typeof StatusAnalysisSchema>;
export const StatusAnalysisListSchema = Type.Object({ items: Type.Array(StatusAnalysisSchema) }, { additionalProperties: false });
export type StatusAnalysisList = Static<typeof StatusAnalysisListSchema>;

const ObservationInput = Type.Object({ organizationId: UuidSchema, text: FreeText() }, { additionalProperties: false });
const PriorityInput = Type.Object(
  { title: NameText(), focusAreaId: Type.Optional(UuidSchema), rationale: Type.Optional(FreeText()) },
  { additionalProperties: false },
);
export const CreateStatusAnalysisSchema = Type.Object(
  {
    title: NameText(),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    summary: Type.Optional(FreeText()),
    observations: Type.Optional(Type.Array(ObservationInput, { maxItems: 100 })),
    priorities: Type.Optional(Type.Array(PriorityInput, { maxItems: 50 })),
    agendaItemId: Type.Optional(UuidSchema),
  },
  { additionalProperties: false },
);
export type CreateStatusAnalysis = Static<typeof CreateStatusAnalysisSchema>;
export const UpdateStatusAnalysisSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    periodStart: Type.Optional(DateSchema),
    periodEnd: Type.Optional(DateSchema),
    summary: Clearable(FreeText()),
    observations: Type.Optional(Type.Array(ObservationInput, { maxItems: 100 })),
    priorities: Type.Optional(Type.Array(PriorityInput, { maxItems: 50 })),
    agendaItemId: Clearable(UuidSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStatusAnalysis = Static<typeof UpdateStatusAnalysisSchema>;
export const StatusAnalysisParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, statusAnalysisId: UuidSchema },
  { additionalProperties: false },
);
export const StatusAnalysisDocumentParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, statusAnalysisId: UuidSchema, format: DocumentFormatSchema },
  { additionalProperties: false },
);
