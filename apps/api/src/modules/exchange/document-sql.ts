import type { SetupSection } from '@slt/shared';
import { PLAN_CYCLE_SQL } from './plan-cycle-sql.js';
import { PROFILE_EXPORT_SQL } from './profile-section.js';

/**
 * The setup document's items as PostgreSQL builds them: one `(id, ext, doc)` row per item of a
 * municipality ($1). Export aggregates them; an import compares its items with them to plan
 * (created / updated / unchanged, and which fields). The shape and the order of every part
 * mirror `items.ts` NORMALIZE exactly (strings ordered `collate "C"`, like JavaScript).
 * Erased people are left out, and so are references to them.
 */
export const extOf = (alias: string) => `coalesce(${alias}.external_id, ${alias}.id::text)`;
const memberRef = (column: string) => `(select ${extOf('rm')} from members rm where rm.id = ${column} and rm.erased_at is null)`;
const refOf = (table: string, column: string) => `(select ${extOf('r')} from ${table} r where r.id = ${column})`;
const instant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const refList = ({ link, column, table, owner }: { link: string; column: string; table: string; owner: string }, id: string) =>
  `coalesce((select jsonb_agg(${extOf('x')} order by ${extOf('x')} collate "C") from ${link} l join ${table} x on x.id = l.${column} where l.${owner} = ${id}), '[]')`;

export const SECTION_SQL: Record<SetupSection, string> = {
  organizations: `
    select o.id, ${extOf('o')} as ext, jsonb_build_object(
      'externalId', ${extOf('o')}, 'name', o.name, 'kind', o.kind, 'description', o.description) as doc
    from organizations o where o.kommunenummer = $1`,

  members: `
    select m.id, ${extOf('m')} as ext, jsonb_build_object(
      'externalId', ${extOf('m')}, 'name', m.name, 'roleTitle', m.role_title,
      'organization', ${refOf('organizations', 'm.organization_id')},
      'email', m.email, 'emailPublic', m.email_public, 'phone', m.phone, 'phonePublic', m.phone_public,
      'isCoordinator', m.is_coordinator) as doc
    from members m where m.kommunenummer = $1 and m.erased_at is null`,

  tiers: `
    select t.id, ${extOf('t')} as ext, jsonb_build_object(
      'externalId', ${extOf('t')}, 'level', t.level, 'name', t.name, 'mandate', t.mandate,
      'responsibilities', t.responsibilities, 'chair', ${memberRef('t.chair_member_id')},
      'secretary', ${memberRef('t.secretary_member_id')}, 'individualCases', t.individual_cases,
      'displayOrder', t.display_order, 'meetingRule', t.meeting_rule,
      'memberships', coalesce((
        select jsonb_agg(jsonb_build_object('member', ${extOf('mm')}, 'role', ms.role, 'startDate', ms.start_date, 'endDate', ms.end_date)
          order by ${extOf('mm')} collate "C", ms.start_date, ms.role::text collate "C")
        from memberships ms join members mm on mm.id = ms.member_id and mm.erased_at is null
        where ms.tier_id = t.id), '[]')) as doc
    from tiers t where t.kommunenummer = $1`,

  targetGroups: `
    select g.id, ${extOf('g')} as ext, jsonb_build_object(
      'externalId', ${extOf('g')}, 'name', g.name, 'description', g.description, 'ageFrom', g.age_from,
      'ageTo', g.age_to, 'riskCriteria', to_jsonb(g.risk_criteria), 'displayOrder', g.display_order) as doc
    from target_groups g where g.kommunenummer = $1`,

  focusAreas: `
    select f.id, ${extOf('f')} as ext, jsonb_build_object(
      'externalId', ${extOf('f')}, 'name', f.name, 'description', f.description,
      'decisionReference', f.decision_reference, 'decisionDate', f.decision_date, 'displayOrder', f.display_order) as doc
    from focus_areas f where f.kommunenummer = $1`,

  goals: `
    select g.id, ${extOf('g')} as ext, jsonb_build_object(
      'externalId', ${extOf('g')}, 'title', g.title, 'description', g.description,
      'focusArea', ${refOf('focus_areas', 'g.focus_area_id')}, 'displayOrder', g.display_order,
      'indicators', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', i.name, 'unit', i.unit, 'direction', i.direction, 'targetValue', i.target_value,
          'measurements', coalesce((
            select jsonb_agg(jsonb_build_object('periodStart', me.period_start, 'periodEnd', me.period_end, 'value', me.value,
              'groupSize', me.group_size, 'source', me.source, 'caveat', me.caveat) order by me.period_start, me.period_end)
            from measurements me where me.indicator_id = i.id), '[]'))
          order by i.name collate "C", i.unit::text collate "C")
        from indicators i where i.goal_id = g.id), '[]')) as doc
    from goals g where g.kommunenummer = $1`,

  measures: `
    select me.id, ${extOf('me')} as ext, jsonb_build_object(
      'externalId', ${extOf('me')}, 'title', me.title, 'description', me.description, 'status', me.status,
      'startDate', me.start_date, 'endDate', me.end_date,
      'responsibleOrganization', ${refOf('organizations', 'me.responsible_organization_id')},
      'responsibleMember', ${memberRef('me.responsible_member_id')},
      'decidedByTier', ${refOf('tiers', 'me.decided_by_tier_id')},
      'evidenceLevel', me.evidence_level, 'isPublic', me.is_public,
      'targetGroups', ${refList({ link: 'measure_target_groups', column: 'target_group_id', table: 'target_groups', owner: 'measure_id' }, 'me.id')},
      'focusAreas', ${refList({ link: 'measure_focus_areas', column: 'focus_area_id', table: 'focus_areas', owner: 'measure_id' }, 'me.id')},
      'goals', ${refList({ link: 'measure_goals', column: 'goal_id', table: 'goals', owner: 'measure_id' }, 'me.id')},
      'evaluations', coalesce((
        select jsonb_agg(jsonb_build_object('date', e.date, 'outcome', e.outcome, 'text', e.text)
          order by e.date, e.outcome::text collate "C", e.text collate "C" nulls first)
        from measure_evaluations e where e.measure_id = me.id), '[]')) as doc
    from measures me where me.kommunenummer = $1`,

  meetings: `
    select mt.id, ${extOf('mt')} as ext, jsonb_build_object(
      'externalId', ${extOf('mt')}, 'tier', ${refOf('tiers', 'mt.tier_id')}, 'title', mt.title,
      'startsAt', ${instant('mt.starts_at')}, 'endsAt', ${instant('mt.ends_at')}, 'place', mt.place,
      'status', mt.status, 'minutes', mt.minutes,
      'agenda', coalesce((
        select jsonb_agg(jsonb_build_object('title', a.title, 'description', a.description,
          'owner', ${memberRef('a.owner_member_id')}, 'closed', a.closed,
          'visibleTo', coalesce((select jsonb_agg(${extOf('vm')} order by ${extOf('vm')} collate "C")
            from agenda_item_readers ar join members vm on vm.id = ar.member_id and vm.erased_at is null
            where ar.agenda_item_id = a.id), '[]')) order by a.position)
        from agenda_items a where a.meeting_id = mt.id), '[]'),
      'attendance', coalesce((
        select jsonb_agg(jsonb_build_object('member', ${extOf('am')}, 'status', at.status) order by ${extOf('am')} collate "C")
        from attendance at join members am on am.id = at.member_id and am.erased_at is null
        where at.meeting_id = mt.id), '[]'),
      'decisions', coalesce((
        select jsonb_agg(jsonb_build_object('text', d.text,
          'agendaItem', (select a.position from agenda_items a where a.id = d.agenda_item_id),
          'measure', ${refOf('measures', 'd.measure_id')}) order by d.created_at, d.id)
        from decisions d where d.meeting_id = mt.id), '[]'),
      'actionItems', coalesce((
        select jsonb_agg(jsonb_build_object('externalId', ${extOf('ai')}, 'description', ai.description,
          'responsibleMember', ${memberRef('ai.responsible_member_id')}, 'dueDate', ai.due_date, 'status', ai.status,
          'reportBackMeeting', ${refOf('meetings', 'ai.report_back_meeting_id')},
          'decision', (select n.ord from (select d.id, row_number() over (order by d.created_at, d.id) as ord
                       from decisions d where d.meeting_id = mt.id) n where n.id = ai.decision_id))
          order by ${extOf('ai')} collate "C")
        from action_items ai where ai.meeting_id = mt.id), '[]')) as doc
    from meetings mt where mt.kommunenummer = $1`,

  ...PLAN_CYCLE_SQL,
};

/** The whole document in one statement, items ordered by externalId. $1 kommunenummer, $2 the format. */
export const EXPORT_SQL = `
select jsonb_build_object('format', $2::text, 'kommunenummer', $1::text,
  ${Object.entries(SECTION_SQL)
    .map(([section, query]) => `'${section}', (select coalesce(jsonb_agg(q.doc order by q.ext collate "C"), '[]') from (${query}) q)`)
    .join(',\n  ')},
  'profile', ${PROFILE_EXPORT_SQL})::text`;

/** One kind's items in the export's order, for CSV. $1 kommunenummer. */
export const CSV_EXPORT_SQL = {
  members: `select q.doc from (${SECTION_SQL.members}) q order by q.ext collate "C"`,
  measures: `select q.doc from (${SECTION_SQL.measures}) q order by q.ext collate "C"`,
} as const;
