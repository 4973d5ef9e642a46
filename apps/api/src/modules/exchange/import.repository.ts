import { SETUP_SECTIONS, type ProblemFieldError, type SetupSection } from '@slt/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/scope.js';
import { extOf, SECTION_SQL } from './document-sql.js';

/**
 * The import's municipality inside SQL built from constant fragments: bound once per transaction
 * as a parameter (see bind), never pasted into the text. Typed like the columns, so indexes apply.
 */
const MUNICIPALITY = "current_setting('slt.import_kommunenummer')::char(4)";
import { fieldError, type NormalItem } from './items.js';

/**
 * The SQL of an import, all set-based: items are staged in a temporary table as they stream in
 * (one statement per batch, the batch as one JSON parameter, far below PostgreSQL's 65,535
 * parameters), references and uniqueness are checked with a few joins, the plan is one comparison
 * with the exported form, and each kind is applied with a handful of INSERT … SELECT / UPDATE … FROM.
 */

const TABLE: Record<SetupSection, string> = {
  organizations: 'organizations',
  members: 'members',
  tiers: 'tiers',
  targetGroups: 'target_groups',
  focusAreas: 'focus_areas',
  goals: 'goals',
  measures: 'measures',
  meetings: 'meetings',
};
const ENTITY: Record<SetupSection, string> = {
  organizations: 'organization',
  members: 'member',
  tiers: 'tier',
  targetGroups: 'target_group',
  focusAreas: 'focus_area',
  goals: 'goal',
  measures: 'measure',
  meetings: 'meeting',
};

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

const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> => {
  const result = (await db.execute<Record<string, unknown>>(query)) as { rows: T[] };
  return result.rows;
};

export function createImportRepository(db: Executor) {
  return {
    /** The staging and plan tables of this transaction (dropped at its end). */
    async createStage(): Promise<void> {
      await db.execute(
        sql`create temp table import_stage (section text not null, idx integer not null, external_id text not null, doc jsonb not null) on commit drop`,
      );
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
        sql`select section, idx, first from (
              select section, idx, min(idx) over (partition by section, external_id) as first,
                     row_number() over (partition by section, external_id order by idx) as n
              from import_stage) d where n > 1 order by section, idx`,
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

      const names = await rowsOf<{ idx: number; detail: string }>(
        db,
        sql`select s.idx, case when exists (select 1 from import_stage o where o.section = 'organizations' and o.idx < s.idx and o.doc->>'name' = s.doc->>'name')
                            then 'another organization of the document has this name'
                            else 'another organization of the municipality has this name' end as detail
            from import_stage s
            where s.section = 'organizations' and (
              exists (select 1 from import_stage o where o.section = 'organizations' and o.idx < s.idx and o.doc->>'name' = s.doc->>'name')
              or exists (select 1 from organizations x where x.kommunenummer = ${kommunenummer} and x.name = s.doc->>'name'
                         and ${sql.raw(extOf('x'))} <> s.external_id
                         and not exists (select 1 from import_stage r where r.section = 'organizations' and r.external_id = ${sql.raw(extOf('x'))} and r.doc->>'name' <> x.name)))
            order by s.idx`,
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
      return errors;
    },

    /** The plan: each staged item created, updated (with the changed fields, before and after) or unchanged. */
    async plan(): Promise<void> {
      await db.execute(
        sql`create temp table import_plan (section text, idx integer, external_id text, action text, changes jsonb) on commit drop`,
      );
      for (const section of SETUP_SECTIONS) {
        await db.execute(
          sql.raw(`
          insert into import_plan (section, idx, external_id, action, changes)
          select s.section, s.idx, s.external_id,
            case when e.doc is null then 'created' when e.doc = s.doc then 'unchanged' else 'updated' end,
            (select coalesce(jsonb_object_agg(k, jsonb_build_object('before', e.doc->k, 'after', v)), '{}')
               from jsonb_each(s.doc) as f(k, v) where k <> 'externalId' and (e.doc is null or e.doc->k is distinct from v))
          from import_stage s left join (${SECTION_SQL[section].replaceAll('$1', MUNICIPALITY)}) e on e.ext = s.external_id
          where s.section = '${section}'`),
        );
      }
      await db.execute(sql`create index on import_plan (section, external_id)`);
      await db.execute(sql`analyze import_plan`);
    },

    async counts(): Promise<{ section: string; action: string; n: number }[]> {
      return rowsOf(db, sql`select section, action, count(*)::int as n from import_plan group by section, action`);
    },

    /** The created and updated items (the first `limit`, in document order) with their changed fields, as JSON text built by PostgreSQL. */
    async changesJson(limit?: number): Promise<string> {
      const order = sql.raw(`array_position(array[${SETUP_SECTIONS.map((s) => `'${s}'`).join(',')}], section), idx`);
      const [row] = await rowsOf<{ json: string }>(
        db,
        sql`select coalesce(json_agg(json_build_object('section', section, 'externalId', external_id, 'action', action,
              'fields', (select coalesce(json_agg(k order by k), '[]') from jsonb_object_keys(changes) k)) order by n), '[]')::text as json
            from (select *, row_number() over (order by ${order}) as n from import_plan where action <> 'unchanged'
                  order by ${order} ${limit === undefined ? sql`` : sql`limit ${limit}`}) p`,
      );
      return row!.json;
    },

    /** Writes the plan: every kind in order, then one audit row per created or updated item. */
    async apply(kommunenummer: string, actor: Actor): Promise<void> {
      const k = MUNICIPALITY;
      /** The staged items of a kind that the plan creates, updates, or either ("changed"); callers add `where s.section = …`. */
      const planned = (action: 'created' | 'updated' | 'changed') =>
        `from import_stage s join import_plan p on p.section = s.section and p.external_id = s.external_id and ${
          action === 'changed' ? `p.action in ('created', 'updated')` : `p.action = '${action}'`
        }`;
      const where = (section: SetupSection) => `where s.section = '${section}'`;
      const ref = (section: SetupSection, value: string) =>
        `(select x.id from ${TABLE[section]} x where x.kommunenummer = ${k} and ${extOf('x')} = ${value})`;
      const own = (section: SetupSection, alias: string) => `${alias}.kommunenummer = ${k} and ${extOf(alias)} = s.external_id`;
      const text = (field: string) => `s.doc->>'${field}'`;
      const run = (statement: string) => db.execute(sql.raw(statement));
      /** Updates the changed rows and inserts the new ones of a kind, from the same column list. */
      const upsert = async (section: SetupSection, columns: Record<string, string>) => {
        const names = Object.keys(columns);
        await run(`update ${TABLE[section]} t set ${names.map((c) => `${c} = ${columns[c]}`).join(', ')}, updated_at = now()
          ${planned('updated')} ${where(section)} and ${own(section, 't')}`);
        await run(`insert into ${TABLE[section]} (kommunenummer, external_id, ${names.join(', ')})
          select ${k}, s.external_id, ${names.map((c) => columns[c]).join(', ')} ${planned('created')} ${where(section)} order by s.idx`);
        // Thousands of new rows make the planner's statistics wrong for the kinds that refer to
        // these: refresh them (ANALYZE sees this transaction's rows), so references are index lookups.
        if ((created.get(section) ?? 0) > 1_000) await run(`analyze ${TABLE[section]}`);
      };
      const nullable = (field: string) => `nullif(s.doc->'${field}', 'null'::jsonb)`;
      const created = new Map(
        (
          await rowsOf<{ section: SetupSection; n: number }>(
            db,
            sql`select section, count(*)::int as n from import_plan where action = 'created' group by section`,
          )
        ).map((r) => [r.section, r.n]),
      );

      await upsert('organizations', { name: text('name'), kind: `(${text('kind')})::organization_kind`, description: text('description') });
      await upsert('members', {
        name: text('name'),
        role_title: text('roleTitle'),
        organization_id: ref('organizations', text('organization')),
        email: text('email'),
        email_public: `(${text('emailPublic')})::boolean`,
        phone: text('phone'),
        phone_public: `(${text('phonePublic')})::boolean`,
        is_coordinator: `(${text('isCoordinator')})::boolean`,
      });
      await upsert('tiers', {
        level: `(${text('level')})::tier_level`,
        name: text('name'),
        mandate: text('mandate'),
        responsibilities: text('responsibilities'),
        chair_member_id: ref('members', text('chair')),
        secretary_member_id: ref('members', text('secretary')),
        individual_cases: `(${text('individualCases')})::boolean`,
        display_order: `(${text('displayOrder')})::int`,
        meeting_rule: nullable('meetingRule'),
      });
      await run(`delete from memberships ms using tiers t, import_stage s, import_plan p
        where ms.tier_id = t.id and ${own('tiers', 't')} and p.section = s.section and p.external_id = s.external_id
          and p.action = 'updated' and s.section = 'tiers'`);
      await run(`insert into memberships (tier_id, member_id, role, start_date, end_date)
        select t.id, ${ref('members', `c->>'member'`)}, (c->>'role')::membership_role, (c->>'startDate')::date, (c->>'endDate')::date
        ${planned('changed')} join tiers t on ${own('tiers', 't')}
        cross join lateral jsonb_array_elements(s.doc->'memberships') c ${where('tiers')}`);
      await upsert('targetGroups', {
        name: text('name'),
        description: text('description'),
        age_from: `(${text('ageFrom')})::int`,
        age_to: `(${text('ageTo')})::int`,
        risk_criteria: `array(select jsonb_array_elements_text(s.doc->'riskCriteria'))`,
        display_order: `(${text('displayOrder')})::int`,
      });
      await upsert('focusAreas', {
        name: text('name'),
        description: text('description'),
        decision_reference: text('decisionReference'),
        decision_date: `(${text('decisionDate')})::date`,
        display_order: `(${text('displayOrder')})::int`,
      });
      await upsert('goals', {
        title: text('title'),
        description: text('description'),
        focus_area_id: ref('focusAreas', text('focusArea')),
        display_order: `(${text('displayOrder')})::int`,
      });
      await run(`delete from indicators i using goals g, import_stage s, import_plan p
        where i.goal_id = g.id and ${own('goals', 'g')} and p.section = s.section and p.external_id = s.external_id
          and p.action = 'updated' and s.section = 'goals'`);
      await run(`create temp table import_indicators on commit drop as
        select gen_random_uuid() as id, g.id as goal_id, x.v as doc
        ${planned('changed')} join goals g on ${own('goals', 'g')}
        cross join lateral jsonb_array_elements(s.doc->'indicators') as x(v) ${where('goals')}`);
      await run(`insert into indicators (id, goal_id, name, unit, direction, target_value)
        select id, goal_id, doc->>'name', (doc->>'unit')::indicator_unit, (doc->>'direction')::goal_direction, (doc->>'targetValue')::double precision
        from import_indicators`);
      await run(`insert into measurements (indicator_id, period_start, period_end, value, group_size, source, caveat)
        select i.id, (m->>'periodStart')::date, (m->>'periodEnd')::date, (m->>'value')::double precision, (m->>'groupSize')::int, m->>'source', m->>'caveat'
        from import_indicators i cross join lateral jsonb_array_elements(i.doc->'measurements') m`);

      await upsert('measures', {
        title: text('title'),
        description: text('description'),
        status: `(${text('status')})::measure_status`,
        start_date: `(${text('startDate')})::date`,
        end_date: `(${text('endDate')})::date`,
        responsible_organization_id: ref('organizations', text('responsibleOrganization')),
        responsible_member_id: ref('members', text('responsibleMember')),
        decided_by_tier_id: ref('tiers', text('decidedByTier')),
        evidence_level: `(${text('evidenceLevel')})::evidence_level`,
        is_public: `(${text('isPublic')})::boolean`,
      });
      // The created and updated measures, once: their links and evaluations are replaced from the document.
      await run(`create temp table import_measures on commit drop as
        select me.id, s.doc ${planned('changed')} join measures me on ${own('measures', 'me')} ${where('measures')}`);
      await run('analyze import_measures');
      const changedMeasures = 'select id, doc from import_measures';
      for (const [table, column, field, target] of [
        ['measure_target_groups', 'target_group_id', 'targetGroups', 'targetGroups'],
        ['measure_focus_areas', 'focus_area_id', 'focusAreas', 'focusAreas'],
        ['measure_goals', 'goal_id', 'goals', 'goals'],
      ] as const) {
        await run(`delete from ${table} l where l.measure_id in (select id from (${changedMeasures}) c)`);
        await run(`insert into ${table} (measure_id, ${column})
          select c.id, ${ref(target, 'v')} from (${changedMeasures}) c cross join lateral jsonb_array_elements_text(c.doc->'${field}') v`);
      }
      await run(`delete from measure_evaluations e where e.measure_id in (select id from (${changedMeasures}) c)`);
      await run(`insert into measure_evaluations (measure_id, date, outcome, text)
        select c.id, (v->>'date')::date, (v->>'outcome')::evaluation_outcome, v->>'text'
        from (${changedMeasures}) c cross join lateral jsonb_array_elements(c.doc->'evaluations') v`);

      await upsert('meetings', {
        tier_id: ref('tiers', text('tier')),
        title: text('title'),
        starts_at: `(${text('startsAt')})::timestamptz`,
        ends_at: `(${text('endsAt')})::timestamptz`,
        place: text('place'),
        status: `(${text('status')})::meeting_status`,
        minutes: text('minutes'),
      });
      await run(`update meetings t set sequence = sequence + 1 ${planned('updated')} ${where('meetings')} and ${own('meetings', 't')}`);
      await run(`create temp table import_meetings on commit drop as
        select mt.id, s.doc ${planned('changed')} join meetings mt on ${own('meetings', 'mt')} ${where('meetings')}`);
      await run(`delete from action_items where meeting_id in (select id from import_meetings)`);
      await run(`delete from decisions where meeting_id in (select id from import_meetings)`);
      await run(`delete from attendance where meeting_id in (select id from import_meetings)`);
      await run(`delete from agenda_items where meeting_id in (select id from import_meetings)`);
      await run(`create temp table import_agenda on commit drop as
        select gen_random_uuid() as id, m.id as meeting_id, a.o::int as position, a.v as doc
        from import_meetings m cross join lateral jsonb_array_elements(m.doc->'agenda') with ordinality as a(v, o)`);
      await run(`insert into agenda_items (id, meeting_id, position, title, description, owner_member_id, closed)
        select id, meeting_id, position, doc->>'title', doc->>'description', ${ref('members', `doc->>'owner'`)}, (doc->>'closed')::boolean
        from import_agenda`);
      await run(`insert into agenda_item_readers (agenda_item_id, member_id)
        select a.id, ${ref('members', 'v')} from import_agenda a cross join lateral jsonb_array_elements_text(a.doc->'visibleTo') v`);
      await run(`insert into attendance (meeting_id, member_id, status)
        select m.id, ${ref('members', `v->>'member'`)}, (v->>'status')::attendance_status
        from import_meetings m cross join lateral jsonb_array_elements(m.doc->'attendance') v`);
      // Decisions keep the document's order: their creation time is now() plus their place in microseconds.
      await run(`create temp table import_decisions on commit drop as
        select gen_random_uuid() as id, m.id as meeting_id, d.o::int as ord, d.v as doc
        from import_meetings m cross join lateral jsonb_array_elements(m.doc->'decisions') with ordinality as d(v, o)`);
      await run(`insert into decisions (id, meeting_id, agenda_item_id, text, measure_id, created_at)
        select d.id, d.meeting_id, (select a.id from import_agenda a where a.meeting_id = d.meeting_id and a.position = (d.doc->>'agendaItem')::int),
               d.doc->>'text', ${ref('measures', `d.doc->>'measure'`)}, now() + d.ord * interval '1 microsecond'
        from import_decisions d`);
      await run(`insert into action_items (kommunenummer, external_id, meeting_id, decision_id, description, responsible_member_id, due_date, status, report_back_meeting_id, completed_at)
        select ${k}, v->>'externalId', m.id,
          (select d.id from import_decisions d where d.meeting_id = m.id and d.ord = (v->>'decision')::int),
          v->>'description', ${ref('members', `v->>'responsibleMember'`)}, (v->>'dueDate')::date, (v->>'status')::action_item_status,
          ${ref('meetings', `v->>'reportBackMeeting'`)}, case when v->>'status' = 'done' then now() end
        from import_meetings m cross join lateral jsonb_array_elements(m.doc->'actionItems') v`);

      for (const section of SETUP_SECTIONS) {
        await db.execute(sql`
          insert into audit_log (kommunenummer, actor_type, actor_id, actor_label, entity, entity_id, action, changes, request_id)
          select ${kommunenummer}, ${actor.type}, ${actor.id}, ${actor.label}, ${ENTITY[section]}, x.id::text,
                 case p.action when 'created' then 'create' else 'update' end, p.changes, ${actor.requestId ?? null}
          from import_plan p join ${sql.raw(TABLE[section])} x on x.kommunenummer = ${kommunenummer} and ${sql.raw(extOf('x'))} = p.external_id
          where p.section = ${section} and p.action in ('created', 'updated')
          order by p.idx`);
      }
    },
  };
}
