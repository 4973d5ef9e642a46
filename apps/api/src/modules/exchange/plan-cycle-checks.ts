import { extOf } from './document-sql.js';
import { MUNICIPALITY } from './import-tables.js';

/**
 * The decisions and agenda items the plan cycle names by meeting and number: each must exist in
 * its meeting, as the document gives the meeting (when it holds it) or as it is stored. One
 * statement; references to unknown meetings are reported by the reference check instead.
 */
export const MEETING_PARTS_SQL = `
  with refs as (
    select '/statusAnalyses/' || s.idx || '/presentedAt/agendaItem' as pointer, s.doc->'presentedAt'->>'meeting' as meeting,
           (s.doc->'presentedAt'->>'agendaItem')::int as n, 'agenda' as kind
    from import_stage s where s.section = 'statusAnalyses' and jsonb_typeof(s.doc->'presentedAt') = 'object'
    union all
    select '/plans/' || s.idx || '/adoptedBy/decision', s.doc->'adoptedBy'->>'meeting', (s.doc->'adoptedBy'->>'decision')::int, 'decisions'
    from import_stage s where s.section = 'plans' and jsonb_typeof(s.doc->'adoptedBy') = 'object'
    union all
    select '/plans/' || s.idx || '/statusHistory/' || (h.o - 1) || '/decision/decision', h.v->'decision'->>'meeting',
           (h.v->'decision'->>'decision')::int, 'decisions'
    from import_stage s cross join lateral jsonb_array_elements(s.doc->'statusHistory') with ordinality as h(v, o)
    where s.section = 'plans' and jsonb_typeof(h.v->'decision') = 'object'),
  counted as (
    select r.pointer, r.n, r.kind, coalesce(
      (select jsonb_array_length(m.doc->r.kind) from import_stage m where m.section = 'meetings' and m.external_id = r.meeting),
      (select case r.kind when 'agenda' then (select count(*) from agenda_items a where a.meeting_id = x.id)
                          else (select count(*) from decisions d where d.meeting_id = x.id) end
       from meetings x where x.kommunenummer = ${MUNICIPALITY} and ${extOf('x')} = r.meeting)) as total
    from refs r)
  select pointer, 'the meeting has ' || total || case kind when 'agenda' then ' agenda items' else ' decisions' end as detail
  from counted where n > total order by pointer`;
