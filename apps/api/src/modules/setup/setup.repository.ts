import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { municipalities, partnerships } from '../../db/schema/index.js';
import { reportedValueSql } from '../../lib/small-groups.js';
import { centralActorsJsonSql, profileJsonSql } from '../../lib/profile-json.js';
import { ts } from '../../lib/sql-json.js';

/** Who may see the internal view: admins everywhere, otherwise the municipalities listed. */
export interface InternalScope {
  all: boolean;
  kommuner: readonly string[];
}

/**
 * A member as the setup shows them; contact details only where public, or in the internal view.
 * The organization's name is a primary-key lookup per member, never a join that the planner could
 * turn into a scan of every municipality's organizations (the cost would then follow other tenants).
 */
const memberJson = (m: string) => `json_build_object(
    'id', ${m}.id, 'name', ${m}.name, 'roleTitle', ${m}.role_title,
    'organizationId', ${m}.organization_id,
    'organizationName', (select o.name from organizations o where o.id = ${m}.organization_id),
    'email', case when v.internal or ${m}.email_public then ${m}.email end,
    'phone', case when v.internal or ${m}.phone_public then ${m}.phone end)`;

/**
 * The whole setup as one JSON document, in ONE statement whatever its size (bounded: measures and
 * meetings are counts with the link to their lists, central actors the first 50 by name): the host is resolved
 * (a partner's kommunenummer reads its host's setup), then every part is a correlated aggregate.
 * $1 the requested kommunenummer, $2 whether the caller sees every municipality's internal view,
 * $3 the municipalities whose internal view the caller sees. Null when the municipality is unknown.
 */
export const SETUP_SQL = `
with host as (
  select mu.kommunenummer as k, mu.name, mu.malform
  from municipalities mu
  where mu.kommunenummer = coalesce(
    (select p.host_kommunenummer from partnerships p where p.partner_kommunenummer = $1), $1)
), v as (
  select ($2::boolean or host.k = any($3::text[]) or $1 = any($3::text[])) as internal,
         (now() at time zone 'Europe/Oslo')::date as today
  from host
)
select v.internal, json_build_object(
  'kommunenummer', host.k,
  'name', host.name,
  'malform', host.malform,
  'view', case when v.internal then 'internal' else 'public' end,
  'partners', coalesce((
    select json_agg(json_build_object('kommunenummer', pm.kommunenummer, 'name', pm.name) order by pm.kommunenummer)
    from partnerships p join municipalities pm on pm.kommunenummer = p.partner_kommunenummer
    where p.host_kommunenummer = host.k), '[]'::json),
  'coordinators', coalesce((
    select json_agg(${memberJson('c')} order by c.name, c.id)
    from members c
    where c.kommunenummer = host.k and c.is_coordinator and c.erased_at is null), '[]'::json),
  'profile', ${profileJsonSql('host.k', 'v.internal')},
  'centralActors', ${centralActorsJsonSql('host.k')},
  'tiers', coalesce((
    select json_agg(json_build_object(
      'id', t.id, 'level', t.level, 'name', t.name, 'mandate', t.mandate,
      'responsibilities', t.responsibilities, 'individualCases', t.individual_cases,
      'displayOrder', t.display_order, 'meetingRule', t.meeting_rule,
      'chair', (select ${memberJson('ch')} from members ch
                where ch.id = t.chair_member_id and ch.erased_at is null),
      'secretary', (select ${memberJson('se')} from members se
                    where se.id = t.secretary_member_id and se.erased_at is null),
      'seats', coalesce((
        select json_agg(json_build_object('role', ms.role, 'since', ms.start_date, 'member', ${memberJson('sm')})
                        order by ms.role, sm.name, ms.id)
        from memberships ms
        join members sm on sm.id = ms.member_id
        where ms.tier_id = t.id and sm.erased_at is null
          and ms.start_date <= v.today and (ms.end_date is null or ms.end_date >= v.today)), '[]'::json)
    ) order by t.level, t.display_order, t.name, t.id)
    from tiers t where t.kommunenummer = host.k), '[]'::json),
  'targetGroups', coalesce((
    select json_agg(json_build_object(
      'id', tg.id, 'kommunenummer', tg.kommunenummer, 'name', tg.name, 'description', tg.description,
      'ageFrom', tg.age_from, 'ageTo', tg.age_to, 'riskCriteria', tg.risk_criteria, 'displayOrder', tg.display_order,
      'createdAt', ${ts('tg.created_at')}, 'updatedAt', ${ts('tg.updated_at')}) order by tg.display_order, tg.name, tg.id)
    from target_groups tg where tg.kommunenummer = host.k), '[]'::json),
  'focusAreas', coalesce((
    select json_agg(json_build_object(
      'id', fa.id, 'kommunenummer', fa.kommunenummer, 'name', fa.name, 'description', fa.description,
      'decisionReference', fa.decision_reference, 'decisionDate', fa.decision_date,
      'displayOrder', fa.display_order, 'createdAt', ${ts('fa.created_at')}, 'updatedAt', ${ts('fa.updated_at')})
      order by fa.display_order, fa.name, fa.id)
    from focus_areas fa where fa.kommunenummer = host.k), '[]'::json),
  'goals', coalesce((
    select json_agg(json_build_object(
      'id', g.id, 'kommunenummer', g.kommunenummer, 'title', g.title, 'description', g.description,
      'focusAreaId', g.focus_area_id, 'displayOrder', g.display_order,
      'indicators', coalesce((
        select json_agg(json_build_object(
          'id', i.id, 'name', i.name, 'unit', i.unit, 'direction', i.direction, 'targetValue', i.target_value,
          'measurements', coalesce((
            select json_agg(json_build_object(
              'id', mt.id, 'periodStart', mt.period_start, 'periodEnd', mt.period_end,
              'value', ${reportedValueSql('i.unit', 'mt.value', 'mt.group_size')},
              'source', mt.source, 'caveat', mt.caveat) order by mt.period_start, mt.period_end)
            from measurements mt where mt.indicator_id = i.id), '[]'::json)
        ) order by i.created_at, i.id)
        from indicators i where i.goal_id = g.id), '[]'::json),
      'createdAt', ${ts('g.created_at')}, 'updatedAt', ${ts('g.updated_at')}) order by g.display_order, g.title, g.id)
    from goals g where g.kommunenummer = host.k), '[]'::json),
  'measures', json_build_object(
    'count', (select count(*) from measures me where me.kommunenummer = host.k and (v.internal or me.is_public)),
    'href', '/api/v1/municipalities/' || host.k || '/measures'),
  'organizations', json_build_object(
    'count', (select count(*) from organizations o where o.kommunenummer = host.k),
    'href', '/api/v1/municipalities/' || host.k || '/organizations'),
  'meetings', json_build_object(
    'count', (select count(*) from meetings mt where mt.kommunenummer = host.k),
    'href', '/api/v1/municipalities/' || host.k || '/meetings')
)::text
from host, v`;

export function createSetupRepository(database: Database, db: Executor = database.db) {
  return {
    /** The setup document as JSON text (one statement) and its view; undefined for an unknown municipality. */
    async loadSetup(kommunenummer: string, scope: InternalScope): Promise<{ internal: boolean; json: string } | undefined> {
      const [row] = await database.rows('slt_setup', { sql: SETUP_SQL, params: [kommunenummer, scope.all, scope.kommuner] });
      return row ? { internal: row[0] as boolean, json: row[1] as string } : undefined;
    },

    /** Whether there is a municipality `kommunenummer` (for a partner named in a request). */
    async exists(kommunenummer: string): Promise<boolean> {
      const [row] = await db
        .select({ k: municipalities.kommunenummer })
        .from(municipalities)
        .where(eq(municipalities.kommunenummer, kommunenummer));
      return row !== undefined;
    },

    /** The host whose setup covers `kommunenummer` (itself when it is no partner). */
    async hostOf(kommunenummer: string): Promise<string> {
      const [row] = await db
        .select({ host: partnerships.hostKommunenummer })
        .from(partnerships)
        .where(eq(partnerships.partnerKommunenummer, kommunenummer));
      return row?.host ?? kommunenummer;
    },

    listPartners: (host: string) =>
      db
        .select({ kommunenummer: municipalities.kommunenummer, name: municipalities.name })
        .from(partnerships)
        .innerJoin(municipalities, eq(municipalities.kommunenummer, partnerships.partnerKommunenummer))
        .where(eq(partnerships.hostKommunenummer, host))
        .orderBy(asc(municipalities.kommunenummer)),

    /** Whether `kommunenummer` hosts anyone. */
    async isHost(kommunenummer: string): Promise<boolean> {
      const [row] = await db
        .select({ k: partnerships.partnerKommunenummer })
        .from(partnerships)
        .where(eq(partnerships.hostKommunenummer, kommunenummer))
        .limit(1);
      return row !== undefined;
    },

    async partnershipOf(partner: string) {
      const [row] = await db.select().from(partnerships).where(eq(partnerships.partnerKommunenummer, partner)).for('update');
      return row;
    },

    async addPartner(host: string, partner: string): Promise<void> {
      await db.insert(partnerships).values({ hostKommunenummer: host, partnerKommunenummer: partner });
    },

    async removePartner(host: string, partner: string): Promise<boolean> {
      const removed = await db
        .delete(partnerships)
        .where(and(eq(partnerships.hostKommunenummer, host), eq(partnerships.partnerKommunenummer, partner)))
        .returning();
      return removed.length > 0;
    },

    /** Takes a transaction-scoped lock on the partnership graph (changes to it are rare). */
    lockPartnerships: () => db.execute(sql`select pg_advisory_xact_lock(7535101)`),
  };
}
