/**
 * SQL fragments for reads that PostgreSQL serializes itself (`GET …/slt`, `GET …/measures`): the
 * document leaves the database as JSON text and is sent as is.
 */

/** Timestamps as the rest of the API writes them (`Date#toISOString`). */
export const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A measure (alias `me`) as a jsonb document, with its link ids and, when `internal` (an SQL
 * boolean) holds, its evaluations. The link ids and evaluations come from relations named
 * `<prefix>_tg`, `_fa`, `_go` and `_ev` (`measure_id` and `ids` / `list`), which the statement
 * builds for its whole page at once (`measureLinksSql`), not one subquery per measure.
 */
export const measureDocSql = (me: string, internal: string) => `(jsonb_build_object(
        'id', ${me}.id, 'kommunenummer', ${me}.kommunenummer, 'title', ${me}.title, 'description', ${me}.description,
        'status', ${me}.status, 'startDate', ${me}.start_date, 'endDate', ${me}.end_date,
        'responsibleOrganizationId', ${me}.responsible_organization_id,
        'responsibleMemberId', ${me}.responsible_member_id, 'decidedByTierId', ${me}.decided_by_tier_id,
        'evidenceLevel', ${me}.evidence_level, 'isPublic', ${me}.is_public,
        'targetGroupIds', coalesce(${me}_tg.ids, '[]'::json),
        'focusAreaIds', coalesce(${me}_fa.ids, '[]'::json),
        'goalIds', coalesce(${me}_go.ids, '[]'::json),
        'createdAt', ${ts(`${me}.created_at`)}, 'updatedAt', ${ts(`${me}.updated_at`)})
      || case when ${internal} then jsonb_build_object('evaluations', coalesce(${me}_ev.list, '[]'::json)) else '{}'::jsonb end)`;

/** The link ids of a page's measures (the ids in relation `page`), one aggregate per link table. */
const linkIds = (name: string, table: string, column: string, page: string) =>
  `${name} as (select l.measure_id, json_agg(l.${column} order by l.${column}) as ids
    from ${table} l where l.measure_id in (select id from ${page}) group by l.measure_id)`;

/**
 * The CTEs that `measureDocSql(me, internal)` reads for the measures of relation `page`: their
 * link ids, and their evaluations only when `internal` holds (a public page reads none).
 */
export const measureLinksSql = (me: string, page: string, internal: string) => [
  linkIds(`${me}_tg`, 'measure_target_groups', 'target_group_id', page),
  linkIds(`${me}_fa`, 'measure_focus_areas', 'focus_area_id', page),
  linkIds(`${me}_go`, 'measure_goals', 'goal_id', page),
  `${me}_ev as (select e.measure_id,
      json_agg(json_build_object('id', e.id, 'date', e.date, 'outcome', e.outcome, 'text', e.text) order by e.date, e.id) as list
    from measure_evaluations e where ${internal} and e.measure_id in (select id from ${page}) group by e.measure_id)`,
].join(',\n  ');

/** The joins of `measureLinksSql`'s relations to the measures `me`. */
export const measureLinkJoinsSql = (me: string) =>
  ['tg', 'fa', 'go', 'ev'].map((k) => `left join ${me}_${k} on ${me}_${k}.measure_id = ${me}.id`).join('\n');
