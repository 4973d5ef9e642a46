/**
 * The plan cycle's items as PostgreSQL builds them for the setup document (kartlegginger, plans,
 * grant applications): one `(id, ext, doc)` row per item of a municipality ($1), mirroring
 * `items.ts` NORMALIZE. Ordered parts (priorities, observations, budget lines, the goals of an
 * application) keep their stored order; a plan's content leaves out focus areas, goals and
 * measures that are gone, like a read of the plan does.
 */
const extOf = (alias: string) => `coalesce(${alias}.external_id, ${alias}.id::text)`;
const refOf = (table: string, column: string) => `(select ${extOf('r')} from ${table} r where r.id = ${column})`;
const instant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A decision as `{meeting, decision}`: its meeting's key and its place among the meeting's decisions. */
const decisionRef = (column: string) => `(
  select jsonb_build_object('meeting', ${extOf('dm')}, 'decision',
    (select count(*) from decisions d2 where d2.meeting_id = d.meeting_id and (d2.created_at, d2.id) <= (d.created_at, d.id)))
  from decisions d join meetings dm on dm.id = d.meeting_id where d.id = ${column})`;

export const PLAN_CYCLE_SQL = {
  statusAnalyses: `
    select sa.id, ${extOf('sa')} as ext, jsonb_build_object(
      'externalId', ${extOf('sa')}, 'title', sa.title, 'periodStart', sa.period_start, 'periodEnd', sa.period_end,
      'summary', sa.summary,
      'observations', coalesce((
        select jsonb_agg(jsonb_build_object('organization', ${extOf('oo')}, 'text', ob.v->>'text') order by ob.o)
        from jsonb_array_elements(sa.observations) with ordinality as ob(v, o)
        join organizations oo on oo.id = (ob.v->>'organizationId')::uuid), '[]'),
      'priorities', coalesce((
        select jsonb_agg(jsonb_build_object('title', pr.v->>'title',
          'focusArea', ${refOf('focus_areas', `(pr.v->>'focusAreaId')::uuid`)}, 'rationale', pr.v->>'rationale') order by pr.o)
        from jsonb_array_elements(sa.priorities) with ordinality as pr(v, o)), '[]'),
      'presentedAt', (select jsonb_build_object('meeting', ${extOf('am')}, 'agendaItem', a.position)
        from agenda_items a join meetings am on am.id = a.meeting_id where a.id = sa.agenda_item_id)) as doc
    from status_analyses sa where sa.kommunenummer = $1`,

  plans: `
    select pl.id, ${extOf('pl')} as ext, jsonb_build_object(
      'externalId', ${extOf('pl')}, 'title', pl.title, 'description', pl.description,
      'periodStart', pl.period_start, 'periodEnd', pl.period_end, 'status', pl.status,
      'adoptingTier', ${refOf('tiers', 'pl.adopting_tier_id')},
      'adoptedBy', ${decisionRef('pl.adopted_by_decision_id')},
      'statusAnalysis', ${refOf('status_analyses', 'pl.status_analysis_id')},
      'priorities', coalesce((
        select jsonb_agg(jsonb_build_object('focusArea', ${extOf('fa')}, 'text', pp.v->>'text',
          'goals', coalesce((
            select jsonb_agg(jsonb_build_object('goal', ${extOf('pg')},
              'measures', coalesce((
                select jsonb_agg(jsonb_build_object('measure', ${extOf('pm')}, 'deadline', x.v->>'deadline',
                  'fundingAmount', nullif(x.v->'fundingAmount', 'null'::jsonb), 'fundingSource', x.v->>'fundingSource',
                  'evaluationType', x.v->>'evaluationType', 'evaluationDue', x.v->>'evaluationDue') order by x.o)
                from jsonb_array_elements(gg.v->'measures') with ordinality as x(v, o)
                join measures pm on pm.id = (x.v->>'measureId')::uuid), '[]')) order by gg.o)
            from jsonb_array_elements(pp.v->'goals') with ordinality as gg(v, o)
            join goals pg on pg.id = (gg.v->>'goalId')::uuid), '[]')) order by pp.o)
        from jsonb_array_elements(pl.content->'priorities') with ordinality as pp(v, o)
        join focus_areas fa on fa.id = (pp.v->>'focusAreaId')::uuid), '[]'),
      'statusHistory', coalesce((
        select jsonb_agg(jsonb_build_object('status', h.status, 'at', ${instant('h.at')},
          'decision', ${decisionRef('h.decision_id')}, 'note', h.note)
          order by ${instant('h.at')}, h.status::text collate "C", h.note collate "C" nulls first)
        from plan_status_changes h where h.plan_id = pl.id), '[]')) as doc
    from plans pl where pl.kommunenummer = $1`,

  grantApplications: `
    select ga.id, ${extOf('ga')} as ext, jsonb_build_object(
      'externalId', ${extOf('ga')}, 'title', ga.title, 'periodStart', ga.period_start, 'periodEnd', ga.period_end,
      'appliedAmount', ga.applied_amount, 'grantedAmount', ga.granted_amount, 'ownFunding', ga.own_funding,
      'goals', coalesce((select jsonb_agg(${extOf('gg')} order by gl.position, ${extOf('gg')} collate "C")
        from grant_application_goals gl join goals gg on gg.id = gl.goal_id where gl.grant_application_id = ga.id), '[]'),
      'budgetLines', coalesce((
        select jsonb_agg(jsonb_build_object('label', b.v->>'label', 'budget', b.v->'budget',
          'accounts', nullif(b.v->'accounts', 'null'::jsonb)) order by b.o)
        from jsonb_array_elements(ga.budget_lines) with ordinality as b(v, o)), '[]'),
      'description', ga.description) as doc
    from grant_applications ga where ga.kommunenummer = $1`,
} as const;
