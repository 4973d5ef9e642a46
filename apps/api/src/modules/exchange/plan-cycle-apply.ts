import type { SetupSection } from '@slt/shared';
import type { Ref } from './import-apply.js';

/** The statements of `applyPlan` that the plan cycle's kinds are written with. */
export interface ApplyKit {
  run: (statement: string) => Promise<unknown>;
  upsert: (section: SetupSection, build: (ref: Ref) => Record<string, string>) => Promise<void>;
  clear: (table: string, column: string, section: SetupSection) => Promise<unknown>;
  items: (section: SetupSection, action: 'created' | 'updated' | 'changed') => string;
  refOne: Ref;
}

/**
 * Writes the plan cycle's items of the plan (after the meetings, whose agenda items and decisions
 * they name): kartlegginger, plans with their content and status history, grant applications
 * with their goals. Set-based like the other kinds. A meeting the import updates gets new agenda
 * items and decisions; the unchanged kartlegginger and plans that name one of them are linked again.
 */
export async function applyPlanCycle({ run, upsert, clear, items, refOne }: ApplyKit): Promise<void> {
  const text = (field: string) => `s.doc->>'${field}'`;
  /** The row id of a `{meeting, decision}` (a JSON expression): the decision at that place of the meeting. */
  const decision = (value: string) => `(select n.id from (
      select d.id, row_number() over (order by d.created_at, d.id) as ord from decisions d
      where d.meeting_id = ${refOne('meetings', `${value}->>'meeting'`)}) n where n.ord = (${value}->>'decision')::int)`;
  const agendaItem = (value: string) => `(select a.id from agenda_items a
      where a.meeting_id = ${refOne('meetings', `${value}->>'meeting'`)} and a.position = (${value}->>'agendaItem')::int)`;
  /** Unchanged items of a kind that name a meeting the import updates (`meetings`: a set of its externalIds). */
  const relink = (section: SetupSection, meetings: string) =>
    `s.section = '${section}' and s.action = 'unchanged' and exists (select 1 from import_plan um
       where um.section = 'meetings' and um.action = 'updated' and um.external_id in (${meetings}))`;

  await upsert('statusAnalyses', () => ({
    title: text('title'),
    period_start: `(${text('periodStart')})::date`,
    period_end: `(${text('periodEnd')})::date`,
    summary: text('summary'),
    observations: `coalesce((select jsonb_agg(jsonb_build_object('organizationId', ${refOne('organizations', `ob.v->>'organization'`)},
        'text', ob.v->>'text') order by ob.o) from jsonb_array_elements(s.doc->'observations') with ordinality as ob(v, o)), '[]')`,
    priorities: `coalesce((select jsonb_agg(jsonb_build_object('title', pr.v->>'title',
        'focusAreaId', ${refOne('focusAreas', `pr.v->>'focusArea'`)}, 'rationale', pr.v->>'rationale') order by pr.o)
        from jsonb_array_elements(s.doc->'priorities') with ordinality as pr(v, o)), '[]')`,
    agenda_item_id: agendaItem(`s.doc->'presentedAt'`),
  }));
  await run(`update status_analyses t set agenda_item_id = ${agendaItem(`s.doc->'presentedAt'`)}
    from import_plan s where ${relink('statusAnalyses', `s.doc->'presentedAt'->>'meeting'`)} and t.id = s.id`);

  const measure = (m: string) =>
    `jsonb_build_object('measureId', ${refOne('measures', `${m}->>'measure'`)}, 'deadline', ${m}->'deadline',
      'fundingAmount', ${m}->'fundingAmount', 'fundingSource', ${m}->'fundingSource',
      'evaluationType', ${m}->'evaluationType', 'evaluationDue', ${m}->'evaluationDue')`;
  const content = `jsonb_build_object('priorities', coalesce((
      select jsonb_agg(jsonb_build_object('focusAreaId', ${refOne('focusAreas', `pp.v->>'focusArea'`)}, 'text', pp.v->'text',
        'goals', coalesce((
          select jsonb_agg(jsonb_build_object('goalId', ${refOne('goals', `gg.v->>'goal'`)},
            'measures', coalesce((select jsonb_agg(${measure('pm.v')} order by pm.o)
              from jsonb_array_elements(gg.v->'measures') with ordinality as pm(v, o)), '[]')) order by gg.o)
          from jsonb_array_elements(pp.v->'goals') with ordinality as gg(v, o)), '[]')) order by pp.o)
      from jsonb_array_elements(s.doc->'priorities') with ordinality as pp(v, o)), '[]'))`;
  await upsert('plans', (ref) => ({
    title: text('title'),
    description: text('description'),
    period_start: `(${text('periodStart')})::date`,
    period_end: `(${text('periodEnd')})::date`,
    status: `(${text('status')})::plan_status`,
    adopting_tier_id: ref('tiers', text('adoptingTier')),
    adopted_by_decision_id: decision(`s.doc->'adoptedBy'`),
    status_analysis_id: ref('statusAnalyses', text('statusAnalysis')),
    content,
  }));
  const planMeetings = `select s.doc->'adoptedBy'->>'meeting'
    union all select h.v->'decision'->>'meeting' from jsonb_array_elements(s.doc->'statusHistory') as h(v)`;
  await run(`update plans t set adopted_by_decision_id = ${decision(`s.doc->'adoptedBy'`)}
    from import_plan s where ${relink('plans', planMeetings)} and t.id = s.id`);
  // The status history of the written plans (and of the relinked ones) is replaced from the document.
  const histories = `((${items('plans', 'changed')}) or (${relink('plans', planMeetings)}))`;
  await run(`delete from plan_status_changes c using import_plan s where ${histories} and c.plan_id = s.id`);
  await run(`insert into plan_status_changes (plan_id, status, decision_id, note, at)
    select s.id, (h.v->>'status')::plan_status, ${decision(`h.v->'decision'`)}, h.v->>'note', (h.v->>'at')::timestamptz
    from import_plan s cross join lateral jsonb_array_elements(s.doc->'statusHistory') as h(v) where ${histories}`);

  await upsert('grantApplications', () => ({
    title: text('title'),
    period_start: `(${text('periodStart')})::date`,
    period_end: `(${text('periodEnd')})::date`,
    applied_amount: `(${text('appliedAmount')})::int`,
    granted_amount: `(${text('grantedAmount')})::int`,
    own_funding: `(${text('ownFunding')})::int`,
    budget_lines: `s.doc->'budgetLines'`,
    description: text('description'),
  }));
  await clear('grant_application_goals', 'grant_application_id', 'grantApplications');
  await run(`insert into grant_application_goals (grant_application_id, goal_id, position)
    select s.id, ${refOne('goals', 'g.v')}, (g.o - 1)::int
    from import_plan s cross join lateral jsonb_array_elements_text(s.doc->'goals') with ordinality as g(v, o)
    where ${items('grantApplications', 'changed')}`);
}
