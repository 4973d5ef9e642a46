import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';

/**
 * Grows `target` by `factor` times the demo setup of `source` (organizations, members, tiers,
 * measures, meetings), in SQL. History accumulates the way a municipality's does: the copies'
 * meetings lie one year further back per copy, so "100× data" is a century of meetings, not a
 * hundredfold calendar. Copies are no coordinators and hold no seats: the organization stays whole.
 */
export async function grow(database: Database, source: string, target: string, factor: number): Promise<void> {
  const db = database.db;
  await db.execute(sql`
    insert into organizations (kommunenummer, name, kind, description)
    select ${target}, o.name || ' #' || g, o.kind, o.description
    from organizations o cross join generate_series(1, ${factor}) g where o.kommunenummer = ${source}`);
  await db.execute(sql`
    insert into members (kommunenummer, name, role_title, email, email_public, phone, phone_public)
    select ${target}, m.name || ' ' || g, m.role_title, 'g' || g || '.' || m.email, m.email_public, m.phone, m.phone_public
    from members m cross join generate_series(1, ${factor}) g where m.kommunenummer = ${source} and m.erased_at is null`);
  // Tiers: the target gets the source's tiers once if it has none (the other-tenant case).
  await db.execute(sql`
    insert into tiers (kommunenummer, level, name, mandate, individual_cases, display_order)
    select ${target}, t.level, t.name, t.mandate, t.individual_cases, t.display_order
    from tiers t where t.kommunenummer = ${source} and not exists (select 1 from tiers x where x.kommunenummer = ${target})`);
  await db.execute(sql`
    insert into measures (kommunenummer, title, description, status, is_public)
    select ${target}, me.title || ' #' || g, me.description, me.status, me.is_public
    from measures me cross join generate_series(1, ${factor}) g where me.kommunenummer = ${source}`);
  await db.execute(sql`
    insert into meetings (kommunenummer, tier_id, title, starts_at, ends_at, place, status)
    select ${target}, tt.id, mt.title || ' #' || g, mt.starts_at - make_interval(years => g), mt.ends_at - make_interval(years => g),
           mt.place, 'held'
    from meetings mt
    join tiers st on st.id = mt.tier_id
    join tiers tt on tt.kommunenummer = ${target} and tt.name = st.name and tt.level = st.level
    cross join generate_series(1, ${factor}) g
    where mt.kommunenummer = ${source}`);
  await db.execute(sql`analyze`);
}

/** Rows of a municipality's setup, for the bench's report. */
export async function sizeOf(database: Database, k: string): Promise<string> {
  const result = await database.db.execute<{ members: number; measures: number; meetings: number }>(sql`
    select (select count(*) from members where kommunenummer = ${k})::int as members,
           (select count(*) from measures where kommunenummer = ${k})::int as measures,
           (select count(*) from meetings where kommunenummer = ${k})::int as meetings`);
  const row = (result as { rows: { members: number; measures: number; meetings: number }[] }).rows[0]!;
  return `${row.members} members, ${row.measures} measures, ${row.meetings} meetings`;
}
