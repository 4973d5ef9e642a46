import { Type, type Static } from 'typebox';
import { Clearable, CursorSchema, DateSchema, FreeText, LimitSchema, NameText, Nullable, PageSchema, TimestampSchema } from './common.js';
import { UuidSchema } from './identity.js';
import { KommunenummerSchema } from './municipalities.js';

export const MEASURE_STATUSES = ['idea', 'planned', 'active', 'completed', 'discontinued'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MeasureStatusSchema = Type.Enum([...MEASURE_STATUSES]);

/** The allowed status changes: idea → planned → active → completed, and discontinued from any open status. */
export const MEASURE_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  idea: ['planned', 'discontinued'],
  planned: ['active', 'discontinued'],
  active: ['completed', 'discontinued'],
  completed: [],
  discontinued: [],
};

/** Ungsinn's evidence levels for preventive measures (1 described … 4 documented effect). */
export const EVIDENCE_LEVELS = ['not_assessed', 'described', 'theoretically_grounded', 'probable_effect', 'documented_effect'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export const EvidenceLevelSchema = Type.Enum([...EVIDENCE_LEVELS]);

export const EVALUATION_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved', 'inconclusive'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
export const EvaluationOutcomeSchema = Type.Enum([...EVALUATION_OUTCOMES]);

export const EvaluationSchema = Type.Object(
  {
    id: UuidSchema,
    date: Type.String({ format: 'date' }),
    outcome: EvaluationOutcomeSchema,
    text: Nullable(Type.String()),
  },
  { additionalProperties: false, title: 'Evaluation' },
);
export type Evaluation = Static<typeof EvaluationSchema>;

const IdList = Type.Array(UuidSchema, { maxItems: 100, uniqueItems: true });

/** A preventive measure. Anonymous callers see public measures only, without evaluations. */
export const MeasureSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    description: Nullable(Type.String()),
    status: MeasureStatusSchema,
    startDate: Nullable(Type.String({ format: 'date' })),
    endDate: Nullable(Type.String({ format: 'date' })),
    responsibleOrganizationId: Nullable(Type.String({ format: 'uuid' })),
    responsibleMemberId: Nullable(Type.String({ format: 'uuid' })),
    decidedByTierId: Nullable(Type.String({ format: 'uuid' })),
    evidenceLevel: EvidenceLevelSchema,
    isPublic: Type.Boolean(),
    targetGroupIds: Type.Array(UuidSchema),
    focusAreaIds: Type.Array(UuidSchema),
    goalIds: Type.Array(UuidSchema),
    evaluations: Type.Optional(Type.Array(EvaluationSchema, { description: 'Internal: absent in the public view.' })),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'Measure' },
);
export type Measure = Static<typeof MeasureSchema>;
export const MeasurePageSchema = PageSchema(MeasureSchema);
export type MeasurePage = Static<typeof MeasurePageSchema>;

export const MeasureListQuerySchema = Type.Object(
  {
    status: Type.Optional(MeasureStatusSchema),
    focusAreaId: Type.Optional(UuidSchema),
    targetGroupId: Type.Optional(UuidSchema),
    organizationId: Type.Optional(UuidSchema),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words in the title or description.' })),
    limit: Type.Optional(LimitSchema),
    cursor: Type.Optional(CursorSchema),
  },
  { additionalProperties: false },
);
export type MeasureListQuery = Static<typeof MeasureListQuerySchema>;

export const CreateMeasureSchema = Type.Object(
  {
    title: NameText(),
    description: Type.Optional(FreeText()),
    status: Type.Optional(MeasureStatusSchema),
    startDate: Type.Optional(DateSchema),
    endDate: Type.Optional(DateSchema),
    responsibleOrganizationId: Type.Optional(UuidSchema),
    responsibleMemberId: Type.Optional(UuidSchema),
    decidedByTierId: Type.Optional(UuidSchema),
    evidenceLevel: Type.Optional(EvidenceLevelSchema),
    isPublic: Type.Optional(Type.Boolean({ default: false })),
    targetGroupIds: Type.Optional(IdList),
    focusAreaIds: Type.Optional(IdList),
    goalIds: Type.Optional(IdList),
  },
  { additionalProperties: false },
);
export type CreateMeasure = Static<typeof CreateMeasureSchema>;

export const UpdateMeasureSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    description: Clearable(FreeText()),
    status: Type.Optional(MeasureStatusSchema),
    startDate: Clearable(DateSchema),
    endDate: Clearable(DateSchema),
    responsibleOrganizationId: Clearable(UuidSchema),
    responsibleMemberId: Clearable(UuidSchema),
    decidedByTierId: Clearable(UuidSchema),
    evidenceLevel: Type.Optional(EvidenceLevelSchema),
    isPublic: Type.Optional(Type.Boolean()),
    targetGroupIds: Type.Optional(IdList),
    focusAreaIds: Type.Optional(IdList),
    goalIds: Type.Optional(IdList),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeasure = Static<typeof UpdateMeasureSchema>;

export const CreateEvaluationSchema = Type.Object(
  { date: DateSchema, outcome: EvaluationOutcomeSchema, text: Type.Optional(FreeText()) },
  { additionalProperties: false },
);
export type CreateEvaluation = Static<typeof CreateEvaluationSchema>;

export const MeasureParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, measureId: UuidSchema },
  { additionalProperties: false },
);
export const EvaluationParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, measureId: UuidSchema, evaluationId: UuidSchema },
  { additionalProperties: false },
);
