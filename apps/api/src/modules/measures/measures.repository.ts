import { and, asc, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../db/client.js';
import { measureEvaluations, measureFocusAreas, measureGoals, measures, measureTargetGroups } from '../../db/schema/index.js';
import { ts } from '../../lib/sql-json.js';

export type MeasureRow = typeof measures.$inferSelect;
export type EvaluationRow = typeof measureEvaluations.$inferSelect;
export interface Links {
  targetGroupIds: string[];
  focusAreaIds: string[];
  goalIds: string[];
}
export interface MeasureTree extends Links {
  measure: MeasureRow;
  evaluations: EvaluationRow[];
}
type Writable = Pick<
  typeof measures.$inferInsert,
  | 'title'
  | 'description'
  | 'status'
  | 'startDate'
  | 'endDate'
  | 'responsibleOrganizationId'
  | 'responsibleMemberId'
  | 'decidedByTierId'
  | 'evidenceLevel'
  | 'isPublic'
>;

/**
 * A page of the register in ONE statement, serialized by PostgreSQL. $1 kommunenummer, $2 internal
 * view, $3 status, $4 focus area, $5 target group, $6 responsible organization, $7 ILIKE pattern,
 * $8/$9 the cursor (title, id), $10 the page size + 1. The page is chosen first; its link ids (and,
 * for the internal view only, its evaluations) are then aggregated for the whole page at once.
 */
export const MEASURES_SQL = `
with page as (
  select me.*
  from measures me
  where me.kommunenummer = $1
    and ($2::boolean or me.is_public)
    and ($3::measure_status is null or me.status = $3::measure_status)
    and ($4::uuid is null or exists (select 1 from measure_focus_areas f where f.measure_id = me.id and f.focus_area_id = $4::uuid))
    and ($5::uuid is null or exists (select 1 from measure_target_groups t where t.measure_id = me.id and t.target_group_id = $5::uuid))
    and ($6::uuid is null or me.responsible_organization_id = $6::uuid)
    and ($7::text is null or me.title ilike $7::text or me.description ilike $7::text)
    and ($8::text is null or (me.title, me.id) > ($8::text, $9::uuid))
  order by me.title, me.id
  limit $10
),
-- The page's link ids, one aggregate per link table; evaluations for the internal view only.
tg as (select l.measure_id, json_agg(l.target_group_id order by l.target_group_id) as ids
  from measure_target_groups l where l.measure_id in (select id from page) group by l.measure_id),
fa as (select l.measure_id, json_agg(l.focus_area_id order by l.focus_area_id) as ids
  from measure_focus_areas l where l.measure_id in (select id from page) group by l.measure_id),
gl as (select l.measure_id, json_agg(l.goal_id order by l.goal_id) as ids
  from measure_goals l where l.measure_id in (select id from page) group by l.measure_id),
ev as (select e.measure_id,
    json_agg(json_build_object('id', e.id, 'date', e.date, 'outcome', e.outcome, 'text', e.text) order by e.date, e.id) as list
  from measure_evaluations e where $2::boolean and e.measure_id in (select id from page) group by e.measure_id)
select (jsonb_build_object(
    'id', me.id, 'kommunenummer', me.kommunenummer, 'title', me.title, 'description', me.description,
    'status', me.status, 'startDate', me.start_date, 'endDate', me.end_date,
    'responsibleOrganizationId', me.responsible_organization_id,
    'responsibleMemberId', me.responsible_member_id, 'decidedByTierId', me.decided_by_tier_id,
    'evidenceLevel', me.evidence_level, 'isPublic', me.is_public,
    'targetGroupIds', coalesce(tg.ids, '[]'::json), 'focusAreaIds', coalesce(fa.ids, '[]'::json),
    'goalIds', coalesce(gl.ids, '[]'::json),
    'createdAt', ${ts('me.created_at')}, 'updatedAt', ${ts('me.updated_at')})
  || case when $2::boolean then jsonb_build_object('evaluations', coalesce(ev.list, '[]'::json)) else '{}'::jsonb end)::text,
  me.title, me.id::text
from page me
left join tg on tg.measure_id = me.id
left join fa on fa.measure_id = me.id
left join gl on gl.measure_id = me.id
left join ev on ev.measure_id = me.id
order by me.title, me.id`;

export interface MeasureFilter {
  internal: boolean;
  status?: string;
  focusAreaId?: string;
  targetGroupId?: string;
  organizationId?: string;
  q?: string;
  after?: { title: string; id: string };
  limit: number;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const measuresParams = (kommunenummer: string, f: MeasureFilter): unknown[] => [
  kommunenummer,
  f.internal,
  f.status ?? null,
  f.focusAreaId ?? null,
  f.targetGroupId ?? null,
  f.organizationId ?? null,
  f.q === undefined ? null : `%${escapeLike(f.q)}%`,
  f.after?.title ?? null,
  f.after?.id ?? null,
  f.limit + 1,
];

/** The register page's rows: each measure's JSON text and its sort key. */
export async function listMeasureDocs(database: Database, kommunenummer: string, filter: MeasureFilter) {
  const rows = await database.rows('measures_page', { sql: MEASURES_SQL, params: measuresParams(kommunenummer, filter) });
  return rows.map(([json, title, id]) => ({ json: json as string, title: title as string, id: id as string }));
}

export function createMeasuresRepository(db: Executor) {
  return {
    /** One measure with its links and evaluations; `forUpdate` locks the measure row. */
    async find(kommunenummer: string, id: string, options: { forUpdate?: boolean } = {}): Promise<MeasureTree | undefined> {
      const query = db
        .select()
        .from(measures)
        .where(and(eq(measures.kommunenummer, kommunenummer), eq(measures.id, id)));
      const [measure] = options.forUpdate ? await query.for('update') : await query;
      if (!measure) return undefined;
      const linked = async (table: typeof measureTargetGroups | typeof measureFocusAreas | typeof measureGoals, column: AnyPgColumn) =>
        (await db.select({ id: column }).from(table).where(eq(table.measureId, id)).orderBy(asc(column))).map((r) => r.id as string);
      const targetGroupIds = await linked(measureTargetGroups, measureTargetGroups.targetGroupId);
      const focusAreaIds = await linked(measureFocusAreas, measureFocusAreas.focusAreaId);
      const goalIds = await linked(measureGoals, measureGoals.goalId);
      const evaluations = await db
        .select()
        .from(measureEvaluations)
        .where(eq(measureEvaluations.measureId, id))
        .orderBy(asc(measureEvaluations.date), asc(measureEvaluations.id));
      return { measure, targetGroupIds, focusAreaIds, goalIds, evaluations };
    },

    async insert(kommunenummer: string, values: Writable): Promise<MeasureRow> {
      const [row] = await db
        .insert(measures)
        .values({ ...values, kommunenummer })
        .returning();
      return row!;
    },

    async update(id: string, values: Partial<Writable>): Promise<void> {
      await db
        .update(measures)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(measures.id, id));
    },

    /** Replaces the link sets given (those left undefined stay as they are). */
    async setLinks(id: string, values: Partial<Links>): Promise<void> {
      if (values.targetGroupIds) {
        await db.delete(measureTargetGroups).where(eq(measureTargetGroups.measureId, id));
        if (values.targetGroupIds.length > 0) {
          await db.insert(measureTargetGroups).values(values.targetGroupIds.map((targetGroupId) => ({ measureId: id, targetGroupId })));
        }
      }
      if (values.focusAreaIds) {
        await db.delete(measureFocusAreas).where(eq(measureFocusAreas.measureId, id));
        if (values.focusAreaIds.length > 0) {
          await db.insert(measureFocusAreas).values(values.focusAreaIds.map((focusAreaId) => ({ measureId: id, focusAreaId })));
        }
      }
      if (values.goalIds) {
        await db.delete(measureGoals).where(eq(measureGoals.measureId, id));
        if (values.goalIds.length > 0) {
          await db.insert(measureGoals).values(values.goalIds.map((goalId) => ({ measureId: id, goalId })));
        }
      }
    },

    async delete(id: string): Promise<void> {
      await db.delete(measures).where(eq(measures.id, id));
    },

    async insertEvaluation(measureId: string, values: Pick<EvaluationRow, 'date' | 'outcome' | 'text'>): Promise<EvaluationRow> {
      const [row] = await db
        .insert(measureEvaluations)
        .values({ ...values, measureId })
        .returning();
      return row!;
    },

    async deleteEvaluation(id: string): Promise<void> {
      await db.delete(measureEvaluations).where(eq(measureEvaluations.id, id));
    },
  };
}
