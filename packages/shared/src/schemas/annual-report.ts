import { Type, type Static } from 'typebox';
import { DocumentFormatSchema, FreeText, Nullable, TimestampSchema } from './common.js';
import { GoalDirectionSchema, IndicatorUnitSchema, MeasuredValueSchema } from './goals.js';
import { UuidSchema } from './identity.js';
import { MeasureStatusSchema } from './measures.js';
import { MEMBERSHIP_ROLES } from './members.js';
import { PlanProgressSchema, PlanStatusSchema } from './plans.js';
import { KommunenummerSchema } from './municipalities.js';
import { TierLevelSchema } from './tiers.js';
import { CompliancePeriodSchema, COMPLIANCE_STATUSES } from './year-plan.js';

/**
 * The annual report (årsrapport) of a municipality's SLT work for a calendar year, assembled from
 * its records. Shaped for documents: each section has a heading key, the coordinator's text
 * (paragraphs) and tables whose every figure names the records behind it (`records`: ids).
 */

export const ANNUAL_REPORT_SECTIONS = ['introduction', 'organization', 'meetings', 'decisions', 'measures', 'goals', 'summary'] as const;
export type AnnualReportSection = (typeof ANNUAL_REPORT_SECTIONS)[number];

/** A number in the report with the ids of the records it counts. */
export const FigureSchema = Type.Object(
  {
    value: Type.Integer({ minimum: 0 }),
    records: Type.Array(UuidSchema, { description: 'The ids of the records counted (measures, meetings, memberships…).' }),
  },
  { additionalProperties: false, title: 'ReportFigure' },
);
export type Figure = Static<typeof FigureSchema>;

/** The coordinator's text of a section; `isPublic` texts appear in the public version. */
export const SectionTextSchema = Type.Object(
  { text: Type.String(), isPublic: Type.Boolean() },
  { additionalProperties: false, title: 'ReportSectionText' },
);
export type SectionText = Static<typeof SectionTextSchema>;
const TextOf = Nullable(SectionTextSchema, { description: "The coordinator's text for the section; null when none is written." });

const RoleCountsSchema = Type.Object(
  Object.fromEntries(MEMBERSHIP_ROLES.map((role) => [role, FigureSchema])) as Record<
    (typeof MEMBERSHIP_ROLES)[number],
    typeof FigureSchema
  >,
  { additionalProperties: false, description: 'Seats held during the year, by role (records: membership ids).' },
);

export const TRENDS = ['improving', 'worsening', 'unchanged'] as const;
export type Trend = (typeof TRENDS)[number];

export const AnnualReportSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    year: Type.Integer(),
    view: Type.Enum(['public', 'internal'], { description: '`public`: only what intranets may publish.' }),
    generatedOn: Type.String({ format: 'date', description: 'The day (Europe/Oslo) the report was generated.' }),
    introduction: Type.Object({ text: TextOf }, { additionalProperties: false }),
    organization: Type.Object(
      {
        text: TextOf,
        tiers: Type.Array(
          Type.Object(
            { tierId: UuidSchema, name: Type.String(), level: TierLevelSchema, roles: RoleCountsSchema },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    meetings: Type.Object(
      {
        text: TextOf,
        tiers: Type.Array(
          Type.Object(
            {
              tierId: UuidSchema,
              name: Type.String(),
              level: TierLevelSchema,
              status: Nullable(Type.String({ enum: [...COMPLIANCE_STATUSES] })),
              periods: Type.Array(CompliancePeriodSchema, { description: 'Exactly as GET …/compliance states them.' }),
              held: FigureSchema,
              cancelled: FigureSchema,
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    decisions: Nullable(
      Type.Object(
        {
          text: TextOf,
          count: FigureSchema,
          items: Type.Array(
            Type.Object(
              {
                decisionId: UuidSchema,
                meetingId: UuidSchema,
                tierId: UuidSchema,
                date: Type.String({ format: 'date' }),
                text: Type.String(),
                measureId: Nullable(UuidSchema),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { description: 'Internal: null in the public version.' },
    ),
    measures: Type.Object(
      {
        text: TextOf,
        started: FigureSchema,
        completed: FigureSchema,
        evaluated: Nullable(FigureSchema, { description: 'Measures with an evaluation dated in the year; internal (null in public).' }),
        byStatus: Type.Object(
          Object.fromEntries(['idea', 'planned', 'active', 'completed', 'discontinued'].map((s) => [s, FigureSchema])) as Record<
            'idea' | 'planned' | 'active' | 'completed' | 'discontinued',
            typeof FigureSchema
          >,
          { additionalProperties: false, description: 'All measures by their status now.' },
        ),
        items: Type.Array(
          Type.Object(
            {
              measureId: UuidSchema,
              title: Type.String(),
              status: MeasureStatusSchema,
              startDate: Nullable(Type.String({ format: 'date' })),
              endDate: Nullable(Type.String({ format: 'date' })),
            },
            { additionalProperties: false },
          ),
          { description: 'The measures started, completed or evaluated in the year.' },
        ),
      },
      { additionalProperties: false },
    ),
    goals: Type.Object(
      {
        text: TextOf,
        indicatorCount: FigureSchema,
        measurementCount: FigureSchema,
        items: Type.Array(
          Type.Object(
            {
              goalId: UuidSchema,
              title: Type.String(),
              measures: FigureSchema,
              indicators: Type.Array(
                Type.Object(
                  {
                    indicatorId: UuidSchema,
                    name: Type.String(),
                    unit: IndicatorUnitSchema,
                    direction: GoalDirectionSchema,
                    targetValue: Nullable(Type.Number()),
                    previous: Nullable(
                      Type.Object({ measurementId: UuidSchema, periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema }),
                    ),
                    latest: Nullable(
                      Type.Object({ measurementId: UuidSchema, periodEnd: Type.String({ format: 'date' }), value: MeasuredValueSchema }),
                    ),
                    trend: Nullable(Type.String({ enum: [...TRENDS] }), {
                      description: 'Latest against previous in the wanted direction; null when either is missing or "<5".',
                    }),
                  },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    plans: Type.Object(
      {
        items: Type.Array(
          Type.Object(
            {
              planId: UuidSchema,
              title: Type.String(),
              periodStart: Type.String({ format: 'date' }),
              periodEnd: Type.String({ format: 'date' }),
              status: PlanStatusSchema,
              progress: PlanProgressSchema,
            },
            { additionalProperties: false },
          ),
          {
            description:
              'The handlingsplaner in force in the year (adopted, revised or expired, their period overlapping it), with the same ' +
              'progress as GET …/plans/{planId}: measures by status, % completed, indicators moving the wanted way. The public ' +
              'version counts public measures only.',
          },
        ),
      },
      { additionalProperties: false },
    ),
    summary: Type.Object({ text: TextOf }, { additionalProperties: false }),
  },
  { additionalProperties: false, title: 'AnnualReport' },
);
export type AnnualReport = Static<typeof AnnualReportSchema>;

export const AnnualReportTextsSchema = Type.Object(
  {
    kommunenummer: KommunenummerSchema,
    year: Type.Integer(),
    sections: Type.Object(
      Object.fromEntries(ANNUAL_REPORT_SECTIONS.map((s) => [s, TextOf])) as Record<AnnualReportSection, typeof TextOf>,
      { additionalProperties: false },
    ),
    updatedAt: Nullable(TimestampSchema, { description: 'null until a text is written.' }),
  },
  { additionalProperties: false, title: 'AnnualReportTexts' },
);
export type AnnualReportTexts = Static<typeof AnnualReportTextsSchema>;

const SectionTextInput = Type.Union(
  [
    Type.Object({ text: FreeText(), isPublic: Type.Optional(Type.Boolean({ default: false })) }, { additionalProperties: false }),
    Type.Null(),
  ],
  { description: 'The text and whether it is public; null removes it.' },
);
export const UpdateAnnualReportTextsSchema = Type.Object(
  Object.fromEntries(ANNUAL_REPORT_SECTIONS.map((s) => [s, Type.Optional(SectionTextInput)])) as Record<
    AnnualReportSection,
    ReturnType<typeof Type.Optional<typeof SectionTextInput>>
  >,
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAnnualReportTexts = Static<typeof UpdateAnnualReportTextsSchema>;

export const AnnualReportParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
  { additionalProperties: false },
);
export const AnnualReportDocumentParamsSchema = Type.Object(
  { kommunenummer: KommunenummerSchema, year: Type.Integer({ minimum: 2000, maximum: 2100 }), format: DocumentFormatSchema },
  { additionalProperties: false },
);
