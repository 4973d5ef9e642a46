import { Type, type TSchema } from 'typebox';
import { DateSchema, FreeText, NameText } from './common.js';
import { BudgetLineSchema } from './grants.js';
import { EvaluationPlanTypeSchema, PlanStatusSchema } from './plans.js';

/**
 * The plan cycle in the setup document: kartlegginger (status analyses), handlingsplaner (plans)
 * and grant applications. Like every item they carry an `externalId` and name other items by
 * theirs; a decision is named by its meeting and its place among the meeting's decisions (1 for
 * the first), an agenda item by its meeting and its position. A plan carries its current content
 * and its status history; its adopted versions (snapshots of the rendered plan) stay behind.
 */
const Ext = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\s].*$',
  description: 'Your key for the item: any text, unique per kind in the municipality (an export uses the id when none was given).',
});
const Ref = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const Amount = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: `${description} (NOK).` });
const Item = <P extends Record<string, TSchema>>(title: string, properties: P) =>
  Type.Object(properties, { additionalProperties: false, title });

/** A decision of a meeting: the meeting's externalId and the decision's place (1 for the first). */
export const DocDecisionRefSchema = Type.Object(
  {
    meeting: Ref('externalId of a meeting'),
    decision: Type.Integer({ minimum: 1, description: 'The decision among the meeting’s decisions: 1 for the first.' }),
  },
  { additionalProperties: false },
);

export const DocStatusAnalysisSchema = Item('DocStatusAnalysis', {
  externalId: Ext,
  title: NameText(),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  summary: Opt(FreeText()),
  observations: Type.Optional(
    Type.Array(Type.Object({ organization: Ref('externalId of an organization'), text: FreeText() }, { additionalProperties: false }), {
      maxItems: 100,
    }),
  ),
  priorities: Type.Optional(
    Type.Array(
      Type.Object(
        { title: NameText(), focusArea: Opt(Ref('externalId of a focus area')), rationale: Opt(FreeText()) },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'The proposed priority order, first the highest.' },
    ),
  ),
  presentedAt: Opt(
    Type.Object(
      {
        meeting: Ref('externalId of a meeting'),
        agendaItem: Type.Integer({ minimum: 1, description: 'Its agenda item: 1 for the first.' }),
      },
      { additionalProperties: false, description: 'The agenda item it was presented under.' },
    ),
  ),
});

export const DocPlanSchema = Item('DocPlan', {
  externalId: Ext,
  title: NameText(),
  description: Opt(FreeText()),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  status: Type.Optional(PlanStatusSchema),
  adoptingTier: Opt(Ref('externalId of a tier')),
  adoptedBy: Opt(DocDecisionRefSchema),
  statusAnalysis: Opt(Ref('externalId of a status analysis')),
  priorities: Type.Optional(
    Type.Array(
      Type.Object(
        {
          focusArea: Ref('externalId of a focus area'),
          text: Opt(FreeText()),
          goals: Type.Array(
            Type.Object(
              {
                goal: Ref('externalId of a goal'),
                measures: Type.Array(
                  Type.Object(
                    {
                      measure: Ref('externalId of a measure'),
                      deadline: Opt(DateSchema),
                      fundingAmount: Opt(Amount('Funding')),
                      fundingSource: Opt(NameText()),
                      evaluationType: Opt(EvaluationPlanTypeSchema),
                      evaluationDue: Opt(DateSchema),
                    },
                    { additionalProperties: false },
                  ),
                  { maxItems: 200 },
                ),
              },
              { additionalProperties: false },
            ),
            { maxItems: 50 },
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30, description: 'Priority area → goal → measure, in order. A goal and a measure appear at most once in a plan.' },
    ),
  ),
  statusHistory: Type.Optional(
    Type.Array(
      Type.Object(
        { status: PlanStatusSchema, at: Type.String({ format: 'date-time' }), decision: Opt(DocDecisionRefSchema), note: Opt(FreeText()) },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: 'Every status the plan has had, oldest first.' },
    ),
  ),
});

export const DocGrantApplicationSchema = Item('DocGrantApplication', {
  externalId: Ext,
  title: NameText(),
  periodStart: DateSchema,
  periodEnd: DateSchema,
  appliedAmount: Amount('Applied for'),
  grantedAmount: Opt(Amount('Granted')),
  ownFunding: Amount("The municipality's own funding"),
  goals: Type.Optional(
    Type.Array(Ref('externalId of a goal'), { maxItems: 100, uniqueItems: true, description: 'In the application’s order.' }),
  ),
  budgetLines: Type.Optional(Type.Array(BudgetLineSchema, { maxItems: 100 })),
  description: Opt(FreeText()),
});
