import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { MeasuredValueSchema, IndicatorUnitSchema, GoalDirectionSchema } from './goals.js';
import { UuidSchema } from './identity.js';
import { MeasureStatusSchema } from './measures.js';
import { KommunenummerSchema, MalformSchema } from './municipalities.js';

/** A handlingsplan's life: drafted, sent on consultation (høring), adopted by a tier, revised, expired. */
export const PLAN_STATUSES = ['draft', 'consultation', 'adopted', 'revised', 'expired'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PlanStatusSchema = Type.Enum([...PLAN_STATUSES]);

/**
 * The allowed status changes. `adopted` needs the decision of a meeting of the plan's adopting
 * tier (`decisionId`); a revision (`revised`) opens the content again until the next adoption.
 */
export const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['consultation', 'adopted'],
  consultation: ['draft', 'adopted'],
  adopted: ['revised', 'expired'],
  revised: ['consultation', 'adopted', 'expired'],
  expired: [],
};
/** Statuses whose content (priorities, goals, measures) may be changed. */
export const PLAN_EDITABLE_STATUSES: readonly PlanStatus[] = ['draft', 'consultation', 'revised'];
/** Statuses the public (anonymous callers, other municipalities) may see: a draft is internal. */
export const PLAN_PUBLIC_STATUSES: readonly PlanStatus[] = ['consultation', 'adopted', 'revised', 'expired'];

/** How a measure in the plan will be evaluated. */
export const EVALUATION_PLAN_TYPES = ['none', 'self_assessment', 'internal', 'external', 'research'] as const;
export type EvaluationPlanType = (typeof EVALUATION_PLAN_TYPES)[number];
export const EvaluationPlanTypeSchema = Type.Enum([...EVALUATION_PLAN_TYPES]);

/** The document formats of a plan: Word, PDF, and a printable web page. */
export const PLAN_DOCUMENT_FORMATS = ['docx', 'pdf', 'html'] as const;
export const PlanDocumentFormatSchema = Type.Enum([...PLAN_DOCUMENT_FORMATS]);

const Amount = Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'Whole kroner.' });

// --- what a client sends ------------------------------------------------------------------

export const PlanMeasureInputSchema = Type.Object(
  {
    measureId: UuidSchema,
    deadline: Type.Optional(DateSchema),
    fundingAmount: Type.Optional(Amount),
    fundingSource: Type.Optional(NameText({ description: 'Where the money comes from: budget, grant, partner…' })),
    evaluationType: Type.Optional(EvaluationPlanTypeSchema),
    evaluationDue: Type.Optional(DateSchema),
  },
  { additionalProperties: false },
);
export type PlanMeasureInput = Static<typeof PlanMeasureInputSchema>;

export const PlanGoalInputSchema = Type.Object(
  {
    goalId: UuidSchema,
    measures: Type.Array(PlanMeasureInputSchema, { maxItems: 200 }),
  },
  { additionalProperties: false },
);

export const PlanPriorityInputSchema = Type.Object(
  {
    focusAreaId: UuidSchema,
    text: Type.Optional(FreeText({ description: 'Why this area is a priority in the period.' })),
    goals: Type.Array(PlanGoalInputSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type PlanPriorityInput = Static<typeof PlanPriorityInputSchema>;

const PrioritiesInput = Type.Array(PlanPriorityInputSchema, {
  maxItems: 30,
  description: 'Priority area → goal → measure, in the order given. A goal and a measure appear at most once in a plan.',
});

export const CreatePlanSchema = Type.Object(
  {
    title: NameText(),
    description: Type.Optional(FreeText()),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    adoptingTierId: Type.Optional(UuidSchema),
    statusAnalysisId: Type.Optional(UuidSchema),
    priorities: Type.Optional(PrioritiesInput),
  },
  { additionalProperties: false },
);
export type CreatePlan = Static<typeof CreatePlanSchema>;

export const UpdatePlanSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    periodStart: Type.Optional(DateSchema),
    periodEnd: Type.Optional(DateSchema),
    adoptingTierId: Clearable(UuidSchema),
    statusAnalysisId: Clearable(UuidSchema),
    priorities: Type.Optional(PrioritiesInput),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePlan = Static<typeof UpdatePlanSchema>;

export const ChangePlanStatusSchema = Type.Object(
  {
    status: PlanStatusSchema,
    decisionId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Required for `adopted`: a decision of a meeting of the adopting tier.' }),
    ),
    note: Type.Optional(FreeText()),
  },
  { additionalProperties: false },
);
export type ChangePlanStatus = Static<typeof ChangePlanStatusSchema>;

// --- what the API answers ------------------------------------------------------------------

export const PlanMeasureSchema = Type.Object(
  {
    measureId: UuidSchema,
    title: Type.String(),
    status: MeasureStatusSchema,
    isPublic: Type.Boolean({ description: 'Whether the measure is public: the public view shows only those.' }),
    responsibleOrganizationId: Nullable(Type.String({ format: 'uuid' })),
    responsibleOrganizationName: Nullable(Type.String()),
    responsibleMemberId: Nullable(Type.String({ format: 'uuid' })),
    responsibleMemberName: Nullable(Type.String()),
    deadline: Nullable(Type.String({ format: 'date' })),
    fundingAmount: Type.Optional(Nullable(Type.Integer(), { description: 'Internal: absent in the public view.' })),
    fundingSource: Type.Optional(Nullable(Type.String(), { description: 'Internal: absent in the public view.' })),
    evaluationType: Type.Union([EvaluationPlanTypeSchema, Type.Null()]),
    evaluationDue: Nullable(Type.String({ format: 'date' })),
  },
  { additionalProperties: false, title: 'PlanMeasure' },
);
export type PlanMeasure = Static<typeof PlanMeasureSchema>;

export const PlanIndicatorSchema = Type.Object(
  {
    id: UuidSchema,
    name: Type.String(),
    unit: IndicatorUnitSchema,
    direction: GoalDirectionSchema,
    targetValue: Nullable(Type.Number()),
    latest: Nullable(
      Type.Object(
        { periodStart: Type.String({ format: 'date' }), periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema },
        { additionalProperties: false },
      ),
    ),
    previous: Nullable(
      Type.Object(
        { periodStart: Type.String({ format: 'date' }), periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'PlanIndicator' },
);

export const PlanGoalSchema = Type.Object(
  {
    goalId: UuidSchema,
    title: Type.String(),
    indicators: Type.Array(PlanIndicatorSchema),
    measures: Type.Array(PlanMeasureSchema),
  },
  { additionalProperties: false, title: 'PlanGoal' },
);

export const PlanPrioritySchema = Type.Object(
  {
    focusAreaId: UuidSchema,
    name: Type.String(),
    text: Nullable(Type.String()),
    goals: Type.Array(PlanGoalSchema),
  },
  { additionalProperties: false, title: 'PlanPriority' },
);

export const PlanStatusChangeSchema = Type.Object(
  {
    status: PlanStatusSchema,
    at: TimestampSchema,
    decisionId: Nullable(Type.String({ format: 'uuid' })),
    note: Type.Optional(Nullable(Type.String(), { description: 'Internal: absent in the public view.' })),
  },
  { additionalProperties: false },
);

export const PlanProgressSchema = Type.Object(
  {
    measures: Type.Integer({ description: 'Measures in the plan.' }),
    byStatus: Type.Object(
      { idea: Type.Integer(), planned: Type.Integer(), active: Type.Integer(), completed: Type.Integer(), discontinued: Type.Integer() },
      { additionalProperties: false },
    ),
    completedPercent: Type.Integer({ description: 'Completed of the measures not discontinued, rounded.' }),
    indicators: Type.Integer(),
    indicatorsOnTrack: Type.Integer({
      description: 'Indicators whose latest value moved the wanted way since the previous one (or met the target).',
    }),
  },
  { additionalProperties: false },
);

export const PlanFlaggedSchema = Type.Object(
  {
    goals: Type.Array(Type.Object({ id: UuidSchema, title: Type.String() }, { additionalProperties: false })),
    measures: Type.Array(
      Type.Object({ id: UuidSchema, title: Type.String(), status: MeasureStatusSchema }, { additionalProperties: false }),
    ),
  },
  {
    additionalProperties: false,
    description: "The municipality's goals and open measures (not completed or discontinued) that are not in this plan.",
  },
);

/** A handlingsplan. Anonymous callers and other municipalities see plans past draft, public measures only, no funding. */
export const PlanSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    description: Nullable(Type.String()),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    status: PlanStatusSchema,
    language: MalformSchema,
    adoptingTierId: Nullable(Type.String({ format: 'uuid' })),
    adoptingTierName: Nullable(Type.String()),
    adoptedByDecisionId: Nullable(Type.String({ format: 'uuid' })),
    adoptedByMeetingId: Nullable(Type.String({ format: 'uuid' })),
    adoptedAt: Nullable(Type.String({ format: 'date' }), { description: 'The date of the meeting that adopted it.' }),
    statusAnalysisId: Type.Optional(
      Nullable(Type.String({ format: 'uuid' }), {
        description: 'The kartlegging the plan builds on (a status analysis of the municipality); internal: null in the public view.',
      }),
    ),
    statusAnalysisTitle: Type.Optional(Nullable(Type.String(), { description: "That kartlegging's title." })),
    version: Type.Integer({ description: 'Adopted versions so far (0 before the first adoption).' }),
    priorities: Type.Array(PlanPrioritySchema),
    progress: PlanProgressSchema,
    notInPlan: PlanFlaggedSchema,
    statusHistory: Type.Array(PlanStatusChangeSchema, { description: 'Oldest first.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Plan' },
);
export type Plan = Static<typeof PlanSchema>;

export const PlanSummarySchema = Type.Object(
  {
    id: UuidSchema,
    title: Type.String(),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    status: PlanStatusSchema,
    version: Type.Integer(),
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'PlanSummary' },
);
export const PlanListSchema = Type.Object({ items: Type.Array(PlanSummarySchema) }, { additionalProperties: false });
export type PlanList = Static<typeof PlanListSchema>;

/** An adopted version as it was adopted: the plan's document at that moment. */
export const PlanVersionSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    adoptedAt: Nullable(Type.String({ format: 'date' })),
    decisionId: Nullable(Type.String({ format: 'uuid' })),
    createdAt: TimestampSchema,
    plan: PlanSchema,
  },
  { additionalProperties: false, title: 'PlanVersion' },
);
export type PlanVersion = Static<typeof PlanVersionSchema>;
export const PlanVersionListSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          version: Type.Integer({ minimum: 1 }),
          adoptedAt: Nullable(Type.String({ format: 'date' })),
          decisionId: Nullable(Type.String({ format: 'uuid' })),
          createdAt: TimestampSchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PlanParamsSchema = Type.Object({ kommunenummer: KommunenummerSchema, planId: UuidSchema }, { additionalProperties: false });
export const PlanVersionParamsSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    planId: UuidSchema,
    version: Type.String({ pattern: '^[1-9][0-9]{0,4}$', description: 'An adopted version: 1, 2, …' }),
  },
  { additionalProperties: false },
);
export const PlanDocumentParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, planId: UuidSchema, format: PlanDocumentFormatSchema },
  { additionalProperties: false },
);
