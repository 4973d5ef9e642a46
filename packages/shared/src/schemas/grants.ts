import { Type, type Static } from 'typebox';
import { Clearable, DateSchema, DocumentFormatSchema, FreeText, NameText, Nullable, TimestampSchema } from './common.js';
import { GoalDirectionSchema, IndicatorUnitSchema, MeasuredValueSchema } from './goals.js';
import { UuidSchema } from './identity.js';
import { EvaluationOutcomeSchema, MeasureStatusSchema } from './measures.js';
import { KommunenummerSchema } from './municipalities.js';

/**
 * The state grant for SLT coordinator positions (KFK): apply by 1 December, report by 1 April,
 * for up to 3 years, with own funding of at least 20 % of the whole. The rules, declared once.
 */
export const GRANT_RULES = {
  /** Own funding below this share of (own funding + grant) is flagged. */
  minOwnFundingShare: 0.2,
  /** The application deadline (MM-DD) in the year before the period starts. */
  applyBy: '12-01',
  /** The report deadline (MM-DD) in the year after each year of the period. */
  reportBy: '04-01',
  /** The longest period a grant covers, in years. */
  maxYears: 3,
} as const;

export const GRANT_WARNINGS = ['own_funding_below_20_percent'] as const;
export type GrantWarning = (typeof GRANT_WARNINGS)[number];

const Amount = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: `${description} (NOK).` });

export const BudgetLineSchema = Type.Object(
  {
    label: NameText({ description: 'What the money is for: "Lønn SLT-koordinator", "Kurs"…' }),
    budget: Amount('Budgeted'),
    accounts: Type.Optional(Type.Union([Amount('Spent according to the accounts'), Type.Null()])),
  },
  { additionalProperties: false, title: 'BudgetLine' },
);
export type BudgetLine = Static<typeof BudgetLineSchema>;

export const GrantApplicationSchema = Type.Object(
  {
    id: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    appliedAmount: Type.Integer(),
    grantedAmount: Nullable(Type.Integer(), { description: 'null until the grant is decided.' }),
    ownFunding: Type.Integer(),
    ownFundingShare: Type.Number({ description: 'Own funding / (own funding + granted, or applied while undecided).' }),
    warnings: Type.Array(Type.String({ enum: [...GRANT_WARNINGS] }), {
      description: '`own_funding_below_20_percent`: the grant requires at least 20 % own funding.',
    }),
    goalIds: Type.Array(UuidSchema, { description: 'The goals named in the application.' }),
    budgetLines: Type.Array(BudgetLineSchema),
    description: Nullable(Type.String()),
    deadlines: Type.Object(
      {
        apply: Type.String({ format: 'date', description: '1 December of the year before the period.' }),
        report: Type.Array(Type.String({ format: 'date' }), { description: '1 April after each year of the period.' }),
      },
      { additionalProperties: false },
    ),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  },
  { additionalProperties: false, title: 'GrantApplication' },
);
export type GrantApplication = Static<typeof GrantApplicationSchema>;
export const GrantApplicationListSchema = Type.Object({ items: Type.Array(GrantApplicationSchema) }, { additionalProperties: false });
export type GrantApplicationList = Static<typeof GrantApplicationListSchema>;

const IdList = Type.Array(UuidSchema, { maxItems: 100, uniqueItems: true });
export const CreateGrantApplicationSchema = Type.Object(
  {
    title: NameText(),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    appliedAmount: Amount('Applied for'),
    grantedAmount: Type.Optional(Amount('Granted')),
    ownFunding: Amount("The municipality's own funding"),
    goalIds: Type.Optional(IdList),
    budgetLines: Type.Optional(Type.Array(BudgetLineSchema, { maxItems: 100 })),
    description: Type.Optional(FreeText()),
  },
  { additionalProperties: false },
);
export type CreateGrantApplication = Static<typeof CreateGrantApplicationSchema>;
export const UpdateGrantApplicationSchema = Type.Object(
  {
    title: Type.Optional(NameText()),
    periodStart: Type.Optional(DateSchema),
    periodEnd: Type.Optional(DateSchema),
    appliedAmount: Type.Optional(Amount('Applied for')),
    grantedAmount: Clearable(Amount('Granted')),
    ownFunding: Type.Optional(Amount("The municipality's own funding")),
    goalIds: Type.Optional(IdList),
    budgetLines: Type.Optional(Type.Array(BudgetLineSchema, { maxItems: 100 })),
    description: Clearable(FreeText()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateGrantApplication = Static<typeof UpdateGrantApplicationSchema>;
export const GrantApplicationParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, grantApplicationId: UuidSchema },
  { additionalProperties: false },
);

const PointSchema = Nullable(
  Type.Object(
    { measurementId: UuidSchema, periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema },
    { additionalProperties: false },
  ),
);

/** The report to KFK: each goal of the application against what was achieved, and budget against accounts. */
export const GrantReportSchema = Type.Object(
  {
    grantApplicationId: UuidSchema,
    kommunenummer: KommunenummerSchema,
    title: Type.String(),
    periodStart: Type.String({ format: 'date' }),
    periodEnd: Type.String({ format: 'date' }),
    goals: Type.Array(
      Type.Object(
        {
          goalId: UuidSchema,
          title: Type.String(),
          measures: Type.Array(
            Type.Object(
              {
                measureId: UuidSchema,
                title: Type.String(),
                status: MeasureStatusSchema,
                startDate: Nullable(Type.String({ format: 'date' })),
                endDate: Nullable(Type.String({ format: 'date' })),
                evaluations: Type.Array(
                  Type.Object(
                    { evaluationId: UuidSchema, date: Type.String({ format: 'date' }), outcome: EvaluationOutcomeSchema },
                    { additionalProperties: false },
                  ),
                  { description: 'Evaluations dated in the period.' },
                ),
              },
              { additionalProperties: false },
            ),
            { description: "The goal's measures that ran during the period." },
          ),
          indicators: Type.Array(
            Type.Object(
              {
                indicatorId: UuidSchema,
                name: Type.String(),
                unit: IndicatorUnitSchema,
                direction: GoalDirectionSchema,
                targetValue: Nullable(Type.Number()),
                baseline: PointSchema,
                latest: PointSchema,
                trend: Nullable(Type.String({ enum: ['improving', 'worsening', 'unchanged'] })),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    budget: Type.Object(
      {
        lines: Type.Array(
          Type.Object(
            {
              label: Type.String(),
              budget: Type.Integer(),
              accounts: Nullable(Type.Integer()),
              difference: Nullable(Type.Integer({ description: 'accounts − budget' })),
            },
            { additionalProperties: false },
          ),
        ),
        totalBudget: Type.Integer(),
        totalAccounts: Type.Integer({ description: 'Sum of the accounts entered.' }),
        grantedAmount: Nullable(Type.Integer()),
        ownFunding: Type.Integer(),
      },
      { additionalProperties: false },
    ),
    warnings: Type.Array(Type.String({ enum: [...GRANT_WARNINGS] })),
  },
  { additionalProperties: false, title: 'GrantReport' },
);
export type GrantReport = Static<typeof GrantReportSchema>;
export const GrantReportDocumentParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, grantApplicationId: UuidSchema, format: DocumentFormatSchema },
  { additionalProperties: false },
);
