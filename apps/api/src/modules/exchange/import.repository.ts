import { SETUP_SECTIONS, type ProblemFieldError, type SetupSection } from '@slt/shared';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/scope.js';
import { extOf, SECTION_SQL } from './document-sql.js';
import { applyPlan } from './import-apply.js';
import { MUNICIPALITY, rowsOf, TABLE } from './import-tables.js';
import { MEETING_PARTS_SQL } from './plan-cycle-checks.js';
import { fieldError, NORMAL_FIELDS, type NormalItem } from './items.js';

/**
 * The SQL of an import, all set-based: items are staged in a temporary table as they stream in
 * (one statement per batch, the batch as one JSON parameter, far below PostgreSQL's 65,535
 * parameters), references and uniqueness are checked with a few joins, the plan is one comparison
 * with the exported form, and each kind is applied with a handful of INSERT … SELECT / UPDATE … FROM.
 */

/** References between items: where in an item (`*` = each element) and which kind it names. */
const REFERENCES: { section: SetupSection; path: string[]; target: SetupSection }[] = [
  { section: 'members', path: ['organization'], target: 'organizations' },
  { section: 'tiers', path: ['chair'], target: 'members' },
  { section: 'tiers', path: ['secretary'], target: 'members' },
  { section: 'tiers', path: ['memberships', '*', 'member'], target: 'members' },
  { section: 'goals', path: ['focusArea'], target: 'focusAreas' },
  { section: 'measures', path: ['responsibleOrganization'], target: 'organizations' },
  { section: 'measures', path: ['responsibleMember'], target: 'members' },
  { section: 'measures', path: ['decidedByTier'], target: 'tiers' },
  { section: 'measures', path: ['targetGroups', '*'], target: 'targetGroups' },
  { section: 'measures', path: ['focusAreas', '*'], target: 'focusAreas' },
  { section: 'measures', path: ['goals', '*'], target: 'goals' },
  { section: 'meetings', path: ['tier'], target: 'tiers' },
  { section: 'meetings', path: ['agenda', '*', 'owner'], target: 'members' },
  { section: 'meetings', path: ['agenda', '*', 'visibleTo', '*'], target: 'members' },
  { section: 'meetings', path: ['attendance', '*', 'member'], target: 'members' },
  { section: 'meetings', path: ['decisions', '*', 'measure'], target: 'measures' },
  { section: 'meetings', path: ['actionItems', '*', 'responsibleMember'], target: 'members' },
  { section: 'meetings', path: ['actionItems', '*', 'reportBackMeeting'], target: 'meetings' },
  { section: 'statusAnalyses', path: ['observations', '*', 'organization'], target: 'organizations' },
  { section: 'statusAnalyses', path: ['priorities', '*', 'focusArea'], target: 'focusAreas' },
  { section: 'statusAnalyses', path: ['presentedAt', 'meeting'], target: 'meetings' },
  { section: 'plans', path: ['adoptingTier'], target: 'tiers' },
  { section: 'plans', path: ['adoptedBy', 'meeting'], target: 'meetings' },
  { section: 'plans', path: ['statusAnalysis'], target: 'statusAnalyses' },
  { section: 'plans', path: ['priorities', '*', 'focusArea'], target: 'focusAreas' },
  { section: 'plans', path: ['priorities', '*', 'goals', '*', 'goal'], target: 'goals' },
  { section: 'plans', path: ['priorities', '*', 'goals', '*', 'measures', '*', 'measure'], target: 'measures' },
  { section: 'plans', path: ['statusHistory', '*', 'decision', 'meeting'], target: 'meetings' },
  { section: 'grantApplications', path: ['goals', '*'], target: 'goals' },
];

/** A kind of item in a sentence, with its article. */
const singular: Record<SetupSection, string> = {
  organizations: 'an organization',
  members: 'a member',
  tiers: 'a tier',
  targetGroups: 'a target group',
  focusAreas: 'a focus area',
  goals: 'a goal',
  measures: 'a measure',
  meetings: 'a meeting',
  statusAnalyses: 'a status analysis',
  plans: 'a plan',
  grantApplications: 'a grant application',
};

/** The rows a reference path yields: the pointer to each referring value and the value. */
function referenceRows(section: SetupSection, path: string[]): string {
  let current = 's.doc';
  let pointer = `'/${section}/' || s.idx`;
  const joins: string[] = [];
  path.forEach((segment, i) => {
    if (segment === '*') {
      joins.push(
        `cross join lateral jsonb_array_elements(case when jsonb_typeof(${current}) = 'array' then ${current} else '[]' end) with ordinality as j${i}(v, o)`,
      );
      current = `j${i}.v`;
      pointer = `${pointer} || '/' || (j${i}.o - 1)`;
    } else {
      current = `${current}->'${segment}'`;
      pointer = `${pointer} || '/${segment}'`;
    }
  });
  return `select ${pointer} as pointer, ${current} #>> '{}' as ref from import_stage s ${joins.join(' ')}
    where s.section = '${section}' and jsonb_typeof(${current}) = 'string'`;
}

export function createImportRepository(db: Executor) {
  return {
    /** The staging and plan tables of this transaction (dropped at its end). */
    async createStage(): Promise<void> {
      await db.execute(
        sql`create temp table import_stage (section text not null, idx integer not null, external_id text not null, doc jsonb not null) on commit drop`,
      );
      // The planner needs no statistics of the documents themselves: ANALYZE skips them.
      await db.execute(sql`alter table import_stage alter column doc set statistics 0`);
    },

    /** Stages a batch of checked items: one statement, the batch as one JSON parameter. */
    async stage(section: SetupSection, items: readonly { idx: number; item: NormalItem }[]): Promise<void> {
      if (items.length === 0) return;
      const batch = JSON.stringify(items.map(({ idx, item }) => [idx, item]));
      await db.execute(sql`
        insert into import_stage (section, idx, external_id, doc)
        select ${section}, (e->>0)::int, e->1->>'externalId', e->1 from jsonb_array_elements(${batch}::jsonb) e`);
    },

    /**
     * Binds the import's municipality for the rest of the transaction, as a parameter: the
     * statements built from constant fragments below read it back as MUNICIPALITY.
     */
    async bind(kommunenummer: string): Promise<void> {
      await db.execute(sql`select set_config('slt.import_kommunenummer', ${kommunenummer}, true)`);
    },

    /** Everything across items that is wrong: unknown references, repeated keys and names. */
    async checkAcrossItems(kommunenummer: string): Promise<ProblemFieldError[]> {
      const errors: ProblemFieldError[] = [];
      await db.execute(sql`create index on import_stage (section, external_id)`);
      await db.execute(sql`analyze import_stage`);
      const duplicates = await rowsOf<{ section: string; idx: number; first: number }>(
        db,
        sql`select s.section, s.idx, d.first
            from (select section, external_id, min(idx) as first from import_stage group by section, external_id having count(*) > 1) d
            join import_stage s on s.section = d.section and s.external_id = d.external_id and s.idx > d.first
            order by s.section, s.idx`,
      );
      for (const d of duplicates)
        errors.push(fieldError(`/${d.section}/${d.idx}/externalId`, `is the externalId of /${d.section}/${d.first} too`));

      for (const reference of REFERENCES) {
        const table = TABLE[reference.target];
        const missing = await rowsOf<{ pointer: string; ref: string }>(
          db,
          sql.raw(`select r.pointer, r.ref from (${referenceRows(reference.section, reference.path)}) r
            where not exists (select 1 from import_stage t where t.section = '${reference.target}' and t.external_id = r.ref)
              and not exists (select 1 from ${table} x where x.kommunenummer = ${MUNICIPALITY} and ${extOf('x')} = r.ref)
            order by r.pointer`),
        );
        for (const m of missing)
          errors.push(fieldError(m.pointer, `"${m.ref}" is not ${singular[reference.target]} of the document or of ${kommunenummer}`));
      }

      // Names repeated in the document (each after the first) and names of other organizations of
      // the municipality that the document does not rename: a window and the (kommunenummer, name) index.
      const names = await rowsOf<{ idx: number; detail: string }>(
        db,
        sql`select o.idx, case when o.first < o.idx then 'another organization of the document has this name'
                            else 'another organization of the municipality has this name' end as detail
            from (select s.idx, s.external_id, s.doc->>'name' as name, min(s.idx) over (partition by s.doc->>'name') as first
                  from import_stage s where s.section = 'organizations') o
            where o.first < o.idx
               or exists (select 1 from organizations x where x.kommunenummer = ${kommunenummer} and x.name = o.name
                          and ${sql.raw(extOf('x'))} <> o.external_id
                          and not exists (select 1 from import_stage r where r.section = 'organizations' and r.external_id = ${sql.raw(extOf('x'))} and r.doc->>'name' <> x.name))
            order by o.idx`,
      );
      for (const n of names) errors.push(fieldError(`/organizations/${n.idx}/name`, n.detail));

      const actionKeys = await rowsOf<{ pointer: string; detail: string }>(
        db,
        sql`with items as (
              select s.idx, s.external_id as meeting, j.o - 1 as i, j.v->>'externalId' as ext, j.v->>'reportBackMeeting' as later, s.doc->>'startsAt' as starts
              from import_stage s cross join lateral jsonb_array_elements(s.doc->'actionItems') with ordinality as j(v, o)
              where s.section = 'meetings')
            select '/meetings/' || a.idx || '/actionItems/' || a.i || '/externalId' as pointer, 'is the externalId of another action item' as detail
            from items a
            where exists (select 1 from items b where b.ext = a.ext and (b.idx, b.i) < (a.idx, a.i))
               or exists (select 1 from action_items x join meetings xm on xm.id = x.meeting_id
                          where x.kommunenummer = ${kommunenummer} and ${sql.raw(extOf('x'))} = a.ext
                            and not exists (select 1 from import_stage r where r.section = 'meetings' and r.external_id = ${sql.raw(extOf('xm'))}))
            union all
            select '/meetings/' || a.idx || '/actionItems/' || a.i || '/reportBackMeeting', 'is not a meeting after this one'
            from items a
            where a.later is not null and coalesce(
              (select (r.doc->>'startsAt')::timestamptz from import_stage r where r.section = 'meetings' and r.external_id = a.later),
              (select x.starts_at from meetings x where x.kommunenummer = ${kommunenummer} and ${sql.raw(extOf('x'))} = a.later)) <= a.starts::timestamptz
            order by 1`,
      );
      for (const a of actionKeys) errors.push(fieldError(a.pointer, a.detail));
      for (const p of await rowsOf<{ pointer: string; detail: string }>(db, sql.raw(MEETING_PARTS_SQL)))
        errors.push(fieldError(p.pointer, p.detail));
      return errors;
    },

    /**
     * The plan: each staged item created, updated (with the changed fields, before and after) or
     * unchanged, with its row id (the existing row's, or a new one) and its document form, so that
     * applying it needs no lookup by externalId. Only the kinds the document holds are compared.
     */
    async plan(): Promise<void> {
      await db.execute(
        sql`create temp table import_plan (section text, idx integer, external_id text, id uuid, action text, changes jsonb, doc jsonb) on commit drop`,
      );
      await db.execute(sql`alter table import_plan alter column changes set statistics 0, alter column doc set statistics 0`);
      const present = new Set(
        (await rowsOf<{ section: string }>(db, sql`select distinct section from import_stage`)).map((r) => r.section),
      );
      for (const section of SETUP_SECTIONS.filter((s) => present.has(s))) {
        await db.execute(
          sql.raw(`
          insert into import_plan (section, idx, external_id, id, action, changes, doc)
          select s.section, s.idx, s.external_id, coalesce(e.id, gen_random_uuid()),
            case when e.doc is null then 'created' when e.doc = s.doc then 'unchanged' else 'updated' end,
            case when e.doc is null then
              jsonb_build_object(${NORMAL_FIELDS[section].map((f) => `'${f}', jsonb_build_object('before', null, 'after', s.doc->'${f}')`).join(', ')})
            when e.doc <> s.doc then
              (select coalesce(jsonb_object_agg(k, jsonb_build_object('before', e.doc->k, 'after', v)), '{}')
                 from jsonb_each(s.doc) as f(k, v) where k <> 'externalId' and e.doc->k is distinct from v)
            end,
            s.doc
          from import_stage s left join (${SECTION_SQL[section].replaceAll('$1', MUNICIPALITY)}) e on e.ext = s.external_id
          where s.section = '${section}'`),
        );
      }
      await db.execute(sql`create index on import_plan (section, external_id) include (id)`);
      await db.execute(sql`analyze import_plan`);
    },

    async counts(): Promise<{ section: string; action: string; n: number }[]> {
      return rowsOf(db, sql`select section, action, count(*)::int as n from import_plan group by section, action`);
    },

    /** The created and updated items (the first `limit`, in document order) with their changed fields, as JSON text built by PostgreSQL. */
    async changesJson(limit?: number): Promise<string> {
      const order = sql.raw(`array_position(array[${SETUP_SECTIONS.map((s) => `'${s}'`).join(',')}], section), idx`);
      // Only the narrow keys are sorted; the changed fields are read for the listed items alone.
      const [row] = await rowsOf<{ json: string }>(
        db,
        sql`select coalesce(json_agg(json_build_object('section', p.section, 'externalId', p.external_id, 'action', p.action,
              'fields', (select coalesce(json_agg(k order by k), '[]') from import_plan c, jsonb_object_keys(c.changes) k
                         where c.section = p.section and c.external_id = p.external_id)) order by p.n), '[]')::text as json
            from (select section, external_id, action, row_number() over (order by ${order}) as n from import_plan where action <> 'unchanged'
                  order by ${order} ${limit === undefined ? sql`` : sql`limit ${limit}`}) p`,
      );
      return row!.json;
    },

    /** Writes the plan: every kind in order, then one audit row per created or updated item. */
    apply: (kommunenummer: string, actor: Actor): Promise<void> => applyPlan(db, kommunenummer, actor),
  };
}
