import { Type, type Static, type TSchema } from 'typebox';
import { DateSchema, FreeText, NameText } from './common.js';
import { GoalDirectionSchema, IndicatorUnitSchema } from './goals.js';
import { EmailSchema } from './identity.js';
import { EvaluationOutcomeSchema, EvidenceLevelSchema, MeasureStatusSchema } from './measures.js';
import { ActionItemStatusSchema, AttendanceStatusSchema, MeetingStatusSchema } from './meetings.js';
import { MembershipRoleSchema, PhoneSchema } from './members.js';
import { KommunenummerSchema } from './municipalities.js';
import { OrganizationKindSchema } from './organizations.js';
import { DocProfileSchema } from './profile.js';
import { DocGrantApplicationSchema, DocPlanSchema, DocStatusAnalysisSchema } from './setup-document-plans.js';
import { MeetingRuleSchema, TierLevelSchema } from './tiers.js';

/**
 * One document for a municipality's whole setup, for import and export. Every top-level item has
 * a caller-chosen `externalId` (unique per kind in the municipality), and items refer to each other
 * by those: a repeated import of the same document updates instead of duplicating. Parts of an item
 * (memberships, indicators, agenda…) are replaced with the item. Optional fields left out are
 * empty (null, false, none) — the document says what the item is, not what to change.
 */
export const SETUP_DOCUMENT_FORMAT = 'slt-setup/1';

export const ExternalIdSchema = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\s].*$',
  description: 'Your key for the item: any text, unique per kind in the municipality (an export uses the id when none was given).',
});
/** A reference to another item of the document (or one imported before) by its externalId. */
const Ref = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const Refs = (description: string) => Type.Array(Ref(description), { maxItems: 500, uniqueItems: true });
const Opt = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const Order = Type.Integer({ minimum: 0, maximum: 1000 });
const Item = <P extends Record<string, TSchema>>(title: string, properties: P) =>
  Type.Object(properties, { additionalProperties: false, title });

export const DocOrganizationSchema = Item('DocOrganization', {
  externalId: ExternalIdSchema,
  name: NameText(),
  kind: OrganizationKindSchema,
  description: Opt(Type.String({ maxLength: 2000 })),
});

export const DocMemberSchema = Item('DocMember', {
  externalId: ExternalIdSchema,
  name: NameText(),
  roleTitle: Opt(NameText()),
  organization: Opt(Ref('externalId of an organization')),
  email: Opt(EmailSchema),
  emailPublic: Type.Optional(Type.Boolean()),
  phone: Opt(PhoneSchema),
  phonePublic: Type.Optional(Type.Boolean()),
  isCoordinator: Type.Optional(Type.Boolean()),
});

export const DocTierSchema = Item('DocTier', {
  externalId: ExternalIdSchema,
  level: TierLevelSchema,
  name: NameText(),
  mandate: Opt(FreeText()),
  responsibilities: Opt(FreeText()),
  chair: Opt(Ref('externalId of a member')),
  secretary: Opt(Ref('externalId of a member')),
  individualCases: Type.Optional(Type.Boolean()),
  displayOrder: Type.Optional(Order),
  meetingRule: Opt(MeetingRuleSchema),
  memberships: Type.Optional(
    Type.Array(
      Type.Object(
        { member: Ref('externalId of a member'), role: MembershipRoleSchema, startDate: DateSchema, endDate: Opt(DateSchema) },
        { additionalProperties: false },
      ),
      { maxItems: 1000 },
    ),
  ),
});

export const DocTargetGroupSchema = Item('DocTargetGroup', {
  externalId: ExternalIdSchema,
  name: NameText(),
  description: Opt(FreeText()),
  ageFrom: Opt(Type.Integer({ minimum: 0, maximum: 120 })),
  ageTo: Opt(Type.Integer({ minimum: 0, maximum: 120 })),
  riskCriteria: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 })),
  displayOrder: Type.Optional(Order),
});

export const DocFocusAreaSchema = Item('DocFocusArea', {
  externalId: ExternalIdSchema,
  name: NameText(),
  description: Opt(FreeText()),
  decisionReference: Opt(NameText()),
  decisionDate: Opt(DateSchema),
  displayOrder: Type.Optional(Order),
});

export const DocGoalSchema = Item('DocGoal', {
  externalId: ExternalIdSchema,
  title: NameText(),
  description: Opt(FreeText()),
  focusArea: Opt(Ref('externalId of a focus area')),
  displayOrder: Type.Optional(Order),
  indicators: Type.Optional(
    Type.Array(
      Type.Object(
        {
          name: NameText(),
          unit: IndicatorUnitSchema,
          direction: GoalDirectionSchema,
          targetValue: Opt(Type.Number()),
          measurements: Type.Optional(
            Type.Array(
              Type.Object(
                {
                  periodStart: DateSchema,
                  periodEnd: DateSchema,
                  value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
                  groupSize: Opt(Type.Integer({ minimum: 0 })),
                  source: Opt(NameText()),
                  caveat: Opt(FreeText()),
                },
                { additionalProperties: false },
              ),
              { maxItems: 500 },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  ),
});

export const DocMeasureSchema = Item('DocMeasure', {
  externalId: ExternalIdSchema,
  title: NameText(),
  description: Opt(FreeText()),
  status: Type.Optional(MeasureStatusSchema),
  startDate: Opt(DateSchema),
  endDate: Opt(DateSchema),
  responsibleOrganization: Opt(Ref('externalId of an organization')),
  responsibleMember: Opt(Ref('externalId of a member')),
  decidedByTier: Opt(Ref('externalId of a tier')),
  evidenceLevel: Type.Optional(EvidenceLevelSchema),
  isPublic: Type.Optional(Type.Boolean()),
  targetGroups: Type.Optional(Refs('externalId of a target group')),
  focusAreas: Type.Optional(Refs('externalId of a focus area')),
  goals: Type.Optional(Refs('externalId of a goal')),
  evaluations: Type.Optional(
    Type.Array(
      Type.Object({ date: DateSchema, outcome: EvaluationOutcomeSchema, text: Opt(FreeText()) }, { additionalProperties: false }),
      { maxItems: 200 },
    ),
  ),
});

export const DocMeetingSchema = Item('DocMeeting', {
  externalId: ExternalIdSchema,
  tier: Ref('externalId of a tier'),
  title: NameText(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  place: Opt(NameText()),
  status: Type.Optional(MeetingStatusSchema),
  minutes: Opt(Type.String({ maxLength: 50_000 })),
  agenda: Type.Optional(
    Type.Array(
      Type.Object(
        {
          title: NameText(),
          description: Opt(FreeText()),
          owner: Opt(Ref('externalId of a member')),
          closed: Type.Optional(Type.Boolean()),
          visibleTo: Type.Optional(Refs('externalId of a member')),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  ),
  attendance: Type.Optional(
    Type.Array(Type.Object({ member: Ref('externalId of a member'), status: AttendanceStatusSchema }, { additionalProperties: false }), {
      maxItems: 500,
    }),
  ),
  decisions: Type.Optional(
    Type.Array(
      Type.Object(
        {
          text: Type.String({ minLength: 1, maxLength: 4000 }),
          agendaItem: Opt(Type.Integer({ minimum: 1, description: 'Its agenda item: 1 for the first.' })),
          measure: Opt(Ref('externalId of a measure')),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  ),
  actionItems: Type.Optional(
    Type.Array(
      Type.Object(
        {
          externalId: ExternalIdSchema,
          description: Type.String({ minLength: 1, maxLength: 4000 }),
          responsibleMember: Opt(Ref('externalId of a member')),
          dueDate: Opt(DateSchema),
          status: Type.Optional(ActionItemStatusSchema),
          reportBackMeeting: Opt(Ref('externalId of a later meeting')),
          decision: Opt(Type.Integer({ minimum: 1, description: 'The decision it follows from: 1 for the first.' })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  ),
});

/** The kinds of item a document holds, in the order they are applied. */
export const SETUP_SECTIONS = [
  'organizations',
  'members',
  'tiers',
  'targetGroups',
  'focusAreas',
  'goals',
  'measures',
  'meetings',
  'statusAnalyses',
  'plans',
  'grantApplications',
] as const;
export type SetupSection = (typeof SETUP_SECTIONS)[number];

export const SECTION_ITEM_SCHEMAS = {
  organizations: DocOrganizationSchema,
  members: DocMemberSchema,
  tiers: DocTierSchema,
  targetGroups: DocTargetGroupSchema,
  focusAreas: DocFocusAreaSchema,
  goals: DocGoalSchema,
  measures: DocMeasureSchema,
  meetings: DocMeetingSchema,
  statusAnalyses: DocStatusAnalysisSchema,
  plans: DocPlanSchema,
  grantApplications: DocGrantApplicationSchema,
} as const satisfies Record<SetupSection, TSchema>;

export const SetupDocumentSchema = Type.Object(
  {
    format: Type.Literal(SETUP_DOCUMENT_FORMAT),
    kommunenummer: Type.Optional(KommunenummerSchema),
    exportedAt: Type.Optional(Type.String({ format: 'date-time' })),
    organizations: Type.Optional(Type.Array(DocOrganizationSchema)),
    members: Type.Optional(Type.Array(DocMemberSchema)),
    tiers: Type.Optional(Type.Array(DocTierSchema)),
    targetGroups: Type.Optional(Type.Array(DocTargetGroupSchema)),
    focusAreas: Type.Optional(Type.Array(DocFocusAreaSchema)),
    goals: Type.Optional(Type.Array(DocGoalSchema)),
    measures: Type.Optional(Type.Array(DocMeasureSchema)),
    meetings: Type.Optional(Type.Array(DocMeetingSchema)),
    statusAnalyses: Type.Optional(Type.Array(DocStatusAnalysisSchema)),
    plans: Type.Optional(Type.Array(DocPlanSchema)),
    grantApplications: Type.Optional(Type.Array(DocGrantApplicationSchema)),
    profile: Type.Optional(DocProfileSchema),
  },
  {
    additionalProperties: false,
    title: 'SetupDocument',
    description:
      'A whole SLT setup. Items refer to each other by externalId. Exported documents list every kind; an import may hold any of them.',
  },
);
export type SetupDocument = Static<typeof SetupDocumentSchema>;

/** What an import did (or, with dryRun, would do). */
export const ImportResultSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    counts: Type.Record(
      Type.String(),
      Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }, { additionalProperties: false }),
      { description: 'Per kind of item.' },
    ),
    changes: Type.Array(
      Type.Object(
        {
          section: Type.String(),
          externalId: Type.String(),
          action: Type.Enum(['created', 'updated']),
          fields: Type.Array(Type.String(), { description: 'The fields that change (all given fields for a new item).' }),
        },
        { additionalProperties: false },
      ),
      {
        description:
          'The items created or updated, in document order, with the fields that change; unchanged ones are only counted. ' +
          'A dry run lists every one (the exact plan); an import lists the first 1,000 (the audit log has every change).',
      },
    ),
    changesOmitted: Type.Integer({ minimum: 0, description: 'How many created or updated items `changes` leaves out (0 for a dry run).' }),
  },
  { additionalProperties: false, title: 'ImportResult' },
);
export type ImportResult = Static<typeof ImportResultSchema>;

export const ImportQuerySchema = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Report the exact plan and write nothing.' })),
    entity: Type.Optional(Type.Enum(['members', 'measures'], { description: 'For a CSV body (text/csv): what its rows are.' })),
  },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuerySchema>;
