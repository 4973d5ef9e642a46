import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  decisions,
  focusAreas,
  measures,
  meetings,
  members,
  municipalities,
  organizations,
  plans,
  planStatusChanges,
  planVersions,
  statusAnalyses,
  tiers,
} from '../../db/schema/index.js';

export type PlanRow = typeof plans.$inferSelect;
export type PlanStatusChangeRow = typeof planStatusChanges.$inferSelect;
export type PlanVersionRow = typeof planVersions.$inferSelect;
type PlanWritable = Pick<
  typeof plans.$inferInsert,
  | 'title'
  | 'description'
  | 'periodStart'
  | 'periodEnd'
  | 'adoptingTierId'
  | 'statusAnalysisId'
  | 'content'
  | 'status'
  | 'adoptedByDecisionId'
  | 'version'
>;

/** What a plan's content names, looked up for the whole municipality at once (a handful of statements, never one per item). */
export interface PlanLookups {
  malform: 'nb' | 'nn';
  municipalityName: string;
  focusAreas: Map<string, { name: string }>;
  measures: Map<
    string,
    {
      title: string;
      status: (typeof measures.$inferSelect)['status'];
      isPublic: boolean;
      responsibleOrganizationId: string | null;
      responsibleOrganizationName: string | null;
      responsibleMemberId: string | null;
      responsibleMemberName: string | null;
    }
  >;
  tiers: Map<string, { name: string }>;
  /** The municipality's kartlegginger (a plan names the one it builds on). */
  statusAnalyses: Map<string, { title: string }>;
}

/** A decision with the meeting (and so the tier and date) it was made in. */
export interface DecisionOfMeeting {
  decisionId: string;
  meetingId: string;
  tierId: string;
  startsAt: Date;
}

export function createPlansRepository(db: Executor) {
  return {
    list: (kommunenummer: string) =>
      db
        .select()
        .from(plans)
        .where(eq(plans.kommunenummer, kommunenummer))
        .orderBy(desc(plans.periodStart), asc(plans.title), asc(plans.id)),

    /** The plan; `forUpdate` locks its row, which guards its content, history and versions. */
    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<PlanRow | undefined> {
      const query = db
        .select()
        .from(plans)
        .where(and(eq(plans.kommunenummer, kommunenummer), eq(plans.id, id)));
      const [row] = options.forUpdate ? await query.for('update') : await query;
      return row;
    },

    async insert(kommunenummer: string, values: PlanWritable): Promise<PlanRow> {
      const [row] = await db
        .insert(plans)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<PlanWritable>): Promise<PlanRow> {
      const [row] = await db
        .update(plans)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(plans.id, id))
        .returning();
      return row!;
    },

    delete: async (id: string) => {
      await db.delete(plans).where(eq(plans.id, id));
    },

    history: (planId: string) =>
      db
        .select()
        .from(planStatusChanges)
        .where(eq(planStatusChanges.planId, planId))
        .orderBy(asc(planStatusChanges.at), asc(planStatusChanges.id)),

    addStatusChange: async (values: typeof planStatusChanges.$inferInsert) => {
      await db.insert(planStatusChanges).values(values);
    },

    versions: (planId: string) =>
      db
        .select({
          version: planVersions.version,
          adoptedAt: planVersions.adoptedAt,
          decisionId: planVersions.decisionId,
          createdAt: planVersions.createdAt,
        })
        .from(planVersions)
        .where(eq(planVersions.planId, planId))
        .orderBy(asc(planVersions.version)),

    async version(planId: string, version: number): Promise<PlanVersionRow | undefined> {
      const [row] = await db
        .select()
        .from(planVersions)
        .where(and(eq(planVersions.planId, planId), eq(planVersions.version, version)));
      return row;
    },

    addVersion: async (values: typeof planVersions.$inferInsert) => {
      await db.insert(planVersions).values(values);
    },

    /** Decisions of the municipality's meetings, by id. */
    async decisions(kommunenummer: string, ids: readonly string[]): Promise<Map<string, DecisionOfMeeting>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ decisionId: decisions.id, meetingId: meetings.id, tierId: meetings.tierId, startsAt: meetings.startsAt })
        .from(decisions)
        .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
        .where(and(eq(meetings.kommunenummer, kommunenummer), inArray(decisions.id, [...ids])));
      return new Map(rows.map((r) => [r.decisionId, r]));
    },

    async lookups(kommunenummer: string): Promise<PlanLookups> {
      const [municipality] = await db
        .select({ name: municipalities.name, malform: municipalities.malform })
        .from(municipalities)
        .where(eq(municipalities.kommunenummer, kommunenummer));
      const areas = await db
        .select({ id: focusAreas.id, name: focusAreas.name })
        .from(focusAreas)
        .where(eq(focusAreas.kommunenummer, kommunenummer));
      const measureRows = await db
        .select({
          id: measures.id,
          title: measures.title,
          status: measures.status,
          isPublic: measures.isPublic,
          responsibleOrganizationId: measures.responsibleOrganizationId,
          responsibleOrganizationName: organizations.name,
          responsibleMemberId: measures.responsibleMemberId,
          responsibleMemberName: members.name,
        })
        .from(measures)
        .leftJoin(organizations, eq(organizations.id, measures.responsibleOrganizationId))
        .leftJoin(members, eq(members.id, measures.responsibleMemberId))
        .where(eq(measures.kommunenummer, kommunenummer))
        .orderBy(asc(measures.title), asc(measures.id));
      const tierRows = await db.select({ id: tiers.id, name: tiers.name }).from(tiers).where(eq(tiers.kommunenummer, kommunenummer));
      const analysisRows = await db
        .select({ id: statusAnalyses.id, title: statusAnalyses.title })
        .from(statusAnalyses)
        .where(eq(statusAnalyses.kommunenummer, kommunenummer));
      return {
        malform: municipality?.malform ?? 'nb',
        municipalityName: municipality?.name ?? kommunenummer,
        focusAreas: new Map(areas.map((a) => [a.id, { name: a.name }])),
        measures: new Map(measureRows.map(({ id, ...m }) => [id, m])),
        tiers: new Map(tierRows.map((t) => [t.id, { name: t.name }])),
        statusAnalyses: new Map(analysisRows.map((a) => [a.id, { title: a.title }])),
      };
    },
  };
}
