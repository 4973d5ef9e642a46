/**
 * SQL fragments for reads that PostgreSQL serializes itself (`GET …/slt`, `GET …/measures`): the
 * document leaves the database as JSON text and is sent as is, so both reads share these shapes.
 */

/** Timestamps as the rest of the API writes them (`Date#toISOString`). */
export const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The ids a measure links to through a link table, sorted. */
const idsOf = (table: string, column: string, measure: string) =>
  `coalesce((select json_agg(l.${column} order by l.${column}) from ${table} l where l.measure_id = ${measure}.id), '[]'::json)`;

/**
 * A measure (alias `me`) as a jsonb document with its link ids and evaluations; the public view
 * removes `evaluations` (`doc - 'evaluations'`).
 */
export const measureDocSql = (me: string) => `jsonb_build_object(
        'id', ${me}.id, 'kommunenummer', ${me}.kommunenummer, 'title', ${me}.title, 'description', ${me}.description,
        'status', ${me}.status, 'startDate', ${me}.start_date, 'endDate', ${me}.end_date,
        'responsibleOrganizationId', ${me}.responsible_organization_id,
        'responsibleMemberId', ${me}.responsible_member_id, 'decidedByTierId', ${me}.decided_by_tier_id,
        'evidenceLevel', ${me}.evidence_level, 'isPublic', ${me}.is_public,
        'targetGroupIds', ${idsOf('measure_target_groups', 'target_group_id', me)},
        'focusAreaIds', ${idsOf('measure_focus_areas', 'focus_area_id', me)},
        'goalIds', ${idsOf('measure_goals', 'goal_id', me)},
        'evaluations', coalesce((
          select json_agg(json_build_object('id', ev.id, 'date', ev.date, 'outcome', ev.outcome, 'text', ev.text)
                          order by ev.date, ev.id)
          from measure_evaluations ev where ev.measure_id = ${me}.id), '[]'::json),
        'createdAt', ${ts(`${me}.created_at`)}, 'updatedAt', ${ts(`${me}.updated_at`)})`;
