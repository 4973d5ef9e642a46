import { SETUP_SECTIONS, type SetupSection } from '@slt/shared';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/scope.js';
import { extOf } from './document-sql.js';
import { MUNICIPALITY, TABLE } from './import-tables.js';
import { applyPlanCycle } from './plan-cycle-apply.js';

const ENTITY: Record<SetupSection, string> = {
  organizations: 'organization',
  members: 'member',
  tiers: 'tier',
  targetGroups: 'target_group',
  focusAreas: 'focus_area',
  goals: 'goal',
  measures: 'measure',
  meetings: 'meeting',
  statusAnalyses: 'status_analysis',
  plans: 'plan',
  grantApplications: 'grant_application',
};

/** A reference to an item of a kind, by its externalId (an SQL expression): the SQL of its row id. */
export type Ref = (target: SetupSection, value: string) => string;

/**
 * Writes the plan (`import_plan`: every item with its row id, existing or new, its action and its
 * document form). Set-based throughout: each kind is one UPDATE … FROM and one INSERT … SELECT,
 * references to items of the document are hash joins on the plan (a lookup in the kind's table
 * remains only for a reference to an item the document does not hold), child rows are replaced
 * by the plan's ids, and the audit rows are one INSERT … SELECT per kind.
 */
export async function applyPlan(db: Executor, kommunenummer: string, actor: Actor): Promise<void> {
  const k = MUNICIPALITY;
  const run = (statement: string) => db.execute(sql.raw(statement));
  const lookup = (target: SetupSection, value: string) =>
    `(select x.id from ${TABLE[target]} x where x.kommunenummer = ${k} and ${extOf('x')} = ${value})`;
  /** A reference inside a row of its own (an array element): an index lookup in the plan, then in the table. */
  const refOne: Ref = (target, value) =>
    `coalesce((select r.id from import_plan r where r.section = '${target}' and r.external_id = ${value}), ${lookup(target, value)})`;
  /** The plan's items of a kind with an action ('changed': created or updated). */
  const items = (section: SetupSection, action: 'created' | 'updated' | 'changed') =>
    `s.section = '${section}' and ${action === 'changed' ? `s.action in ('created', 'updated')` : `s.action = '${action}'`}`;
  const text = (field: string) => `s.doc->>'${field}'`;
  const nullable = (field: string) => `nullif(s.doc->'${field}', 'null'::jsonb)`;

  /** Updates the changed rows and inserts the new ones of a kind, from the same column list. */
  const upsert = async (section: SetupSection, build: (ref: Ref) => Record<string, string>) => {
    const joins: string[] = [];
    const ref: Ref = (target, value) => {
      const alias = `r${joins.length}`;
      joins.push(`left join import_plan ${alias} on ${alias}.section = '${target}' and ${alias}.external_id = ${value}`);
      return `coalesce(${alias}.id, case when ${value} is not null then ${lookup(target, value)} end)`;
    };
    const columns = build(ref);
    const names = Object.keys(columns);
    const from = `from import_plan s ${joins.join(' ')}`;
    await run(`update ${TABLE[section]} t set ${names.map((c) => `${c} = ${columns[c]}`).join(', ')}, updated_at = now()
      ${from} where ${items(section, 'updated')} and t.id = s.id`);
    await run(`insert into ${TABLE[section]} (id, kommunenummer, external_id, ${names.join(', ')})
      select s.id, ${k}, s.external_id, ${names.map((c) => columns[c]).join(', ')} ${from} where ${items(section, 'created')} order by s.idx`);
  };
  /** Removes the child rows of the updated items of a kind (created ones have none). */
  const clear = (table: string, column: string, section: SetupSection) =>
    run(`delete from ${table} c using import_plan s where ${items(section, 'updated')} and c.${column} = s.id`);

  await upsert('organizations', () => ({
    name: text('name'),
    kind: `(${text('kind')})::organization_kind`,
    description: text('description'),
  }));
  await upsert('members', (ref) => ({
    name: text('name'),
    role_title: text('roleTitle'),
    organization_id: ref('organizations', text('organization')),
    email: text('email'),
    email_public: `(${text('emailPublic')})::boolean`,
    phone: text('phone'),
    phone_public: `(${text('phonePublic')})::boolean`,
    is_coordinator: `(${text('isCoordinator')})::boolean`,
  }));
  await upsert('tiers', (ref) => ({
    level: `(${text('level')})::tier_level`,
    name: text('name'),
    mandate: text('mandate'),
    responsibilities: text('responsibilities'),
    chair_member_id: ref('members', text('chair')),
    secretary_member_id: ref('members', text('secretary')),
    individual_cases: `(${text('individualCases')})::boolean`,
    display_order: `(${text('displayOrder')})::int`,
    meeting_rule: nullable('meetingRule'),
  }));
  await clear('memberships', 'tier_id', 'tiers');
  await run(`insert into memberships (tier_id, member_id, role, start_date, end_date)
    select s.id, ${refOne('members', `c->>'member'`)}, (c->>'role')::membership_role, (c->>'startDate')::date, (c->>'endDate')::date
    from import_plan s cross join lateral jsonb_array_elements(s.doc->'memberships') c where ${items('tiers', 'changed')}`);
  await upsert('targetGroups', () => ({
    name: text('name'),
    description: text('description'),
    age_from: `(${text('ageFrom')})::int`,
    age_to: `(${text('ageTo')})::int`,
    risk_criteria: `array(select jsonb_array_elements_text(s.doc->'riskCriteria'))`,
    display_order: `(${text('displayOrder')})::int`,
  }));
  await upsert('focusAreas', () => ({
    name: text('name'),
    description: text('description'),
    decision_reference: text('decisionReference'),
    decision_date: `(${text('decisionDate')})::date`,
    display_order: `(${text('displayOrder')})::int`,
  }));
  await upsert('goals', (ref) => ({
    title: text('title'),
    description: text('description'),
    focus_area_id: ref('focusAreas', text('focusArea')),
    display_order: `(${text('displayOrder')})::int`,
  }));
  await clear('indicators', 'goal_id', 'goals');
  await run(`create temp table import_indicators on commit drop as
    select gen_random_uuid() as id, s.id as goal_id, x.v as doc
    from import_plan s cross join lateral jsonb_array_elements(s.doc->'indicators') as x(v) where ${items('goals', 'changed')}`);
  await run(`insert into indicators (id, goal_id, name, unit, direction, target_value)
    select id, goal_id, doc->>'name', (doc->>'unit')::indicator_unit, (doc->>'direction')::goal_direction, (doc->>'targetValue')::double precision
    from import_indicators`);
  await run(`insert into measurements (indicator_id, period_start, period_end, value, group_size, source, caveat, origin)
    select i.id, (m->>'periodStart')::date, (m->>'periodEnd')::date, (m->>'value')::double precision, (m->>'groupSize')::int, m->>'source', m->>'caveat', 'file'
    from import_indicators i cross join lateral jsonb_array_elements(i.doc->'measurements') m`);

  await upsert('measures', (ref) => ({
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
  }));
  // The links and evaluations of the created and updated measures are replaced from the document.
  for (const [table, column, field, target] of [
    ['measure_target_groups', 'target_group_id', 'targetGroups', 'targetGroups'],
    ['measure_focus_areas', 'focus_area_id', 'focusAreas', 'focusAreas'],
    ['measure_goals', 'goal_id', 'goals', 'goals'],
  ] as const) {
    await clear(table, 'measure_id', 'measures');
    await run(`insert into ${table} (measure_id, ${column})
      select s.id, coalesce(r.id, ${lookup(target, 'v')})
      from import_plan s cross join lateral jsonb_array_elements_text(s.doc->'${field}') v
      left join import_plan r on r.section = '${target}' and r.external_id = v
      where ${items('measures', 'changed')}`);
  }
  await clear('measure_evaluations', 'measure_id', 'measures');
  await run(`insert into measure_evaluations (measure_id, date, outcome, text)
    select s.id, (v->>'date')::date, (v->>'outcome')::evaluation_outcome, v->>'text'
    from import_plan s cross join lateral jsonb_array_elements(s.doc->'evaluations') v where ${items('measures', 'changed')}`);

  await upsert('meetings', (ref) => ({
    tier_id: ref('tiers', text('tier')),
    title: text('title'),
    starts_at: `(${text('startsAt')})::timestamptz`,
    ends_at: `(${text('endsAt')})::timestamptz`,
    place: text('place'),
    status: `(${text('status')})::meeting_status`,
    minutes: text('minutes'),
  }));
  await run(`update meetings t set sequence = sequence + 1 from import_plan s where ${items('meetings', 'updated')} and t.id = s.id`);
  for (const table of ['action_items', 'decisions', 'attendance', 'agenda_items']) await clear(table, 'meeting_id', 'meetings');
  const meetings = `(select s.id, s.doc from import_plan s where ${items('meetings', 'changed')})`;
  await run(`create temp table import_agenda on commit drop as
    select gen_random_uuid() as id, m.id as meeting_id, a.o::int as position, a.v as doc
    from ${meetings} m cross join lateral jsonb_array_elements(m.doc->'agenda') with ordinality as a(v, o)`);
  await run(`insert into agenda_items (id, meeting_id, position, title, description, owner_member_id, closed)
    select id, meeting_id, position, doc->>'title', doc->>'description', ${refOne('members', `doc->>'owner'`)}, (doc->>'closed')::boolean
    from import_agenda`);
  await run(`insert into agenda_item_readers (agenda_item_id, member_id)
    select a.id, ${refOne('members', 'v')} from import_agenda a cross join lateral jsonb_array_elements_text(a.doc->'visibleTo') v`);
  await run(`insert into attendance (meeting_id, member_id, status)
    select m.id, ${refOne('members', `v->>'member'`)}, (v->>'status')::attendance_status
    from ${meetings} m cross join lateral jsonb_array_elements(m.doc->'attendance') v`);
  // Decisions keep the document's order: their creation time is now() plus their place in microseconds.
  await run(`create temp table import_decisions on commit drop as
    select gen_random_uuid() as id, m.id as meeting_id, d.o::int as ord, d.v as doc
    from ${meetings} m cross join lateral jsonb_array_elements(m.doc->'decisions') with ordinality as d(v, o)`);
  await run(`insert into decisions (id, meeting_id, agenda_item_id, text, measure_id, created_at)
    select d.id, d.meeting_id, (select a.id from import_agenda a where a.meeting_id = d.meeting_id and a.position = (d.doc->>'agendaItem')::int),
           d.doc->>'text', ${refOne('measures', `d.doc->>'measure'`)}, now() + d.ord * interval '1 microsecond'
    from import_decisions d`);
  await run(`insert into action_items (kommunenummer, external_id, meeting_id, decision_id, description, responsible_member_id, due_date, status, report_back_meeting_id, completed_at)
    select ${k}, v->>'externalId', m.id,
      (select d.id from import_decisions d where d.meeting_id = m.id and d.ord = (v->>'decision')::int),
      v->>'description', ${refOne('members', `v->>'responsibleMember'`)}, (v->>'dueDate')::date, (v->>'status')::action_item_status,
      ${refOne('meetings', `v->>'reportBackMeeting'`)}, case when v->>'status' = 'done' then now() end
    from ${meetings} m cross join lateral jsonb_array_elements(m.doc->'actionItems') v`);

  await applyPlanCycle({ run, upsert, clear, items, refOne });

  // One audit row per created or updated item, in document order: one statement per kind (each
  // kind's rows are sorted in memory; all of them at once would spill the sort to disk).
  for (const section of SETUP_SECTIONS) {
    await db.execute(sql`
      insert into audit_log (kommunenummer, actor_type, actor_id, actor_label, entity, entity_id, action, changes, request_id)
      select ${kommunenummer}, ${actor.type}, ${actor.id}, ${actor.label}, ${ENTITY[section]}, p.id::text,
             case p.action when 'created' then 'create' else 'update' end, p.changes, ${actor.requestId ?? null}
      from import_plan p where p.section = ${section} and p.action in ('created', 'updated')
      order by p.idx`);
  }
}
