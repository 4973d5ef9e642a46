import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { focusAreas, members, municipalities, organizations, tiers } from '../../db/schema/index.js';

/** The names a document shows for the ids its JSON holds: the municipality (and its målform), tiers, members, organizations, focus areas. */
export interface DocumentNames {
  malform: 'nb' | 'nn';
  municipalityName: string;
  tiers: Map<string, string>;
  members: Map<string, string>;
  organizations: Map<string, string>;
  focusAreas: Map<string, string>;
}

/** One statement per kind, whatever the number of records. */
export async function documentNames(db: Executor, kommunenummer: string): Promise<DocumentNames> {
  const [municipality] = await db
    .select({ name: municipalities.name, malform: municipalities.malform })
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, kommunenummer));
  const tierRows = await db.select({ id: tiers.id, name: tiers.name }).from(tiers).where(eq(tiers.kommunenummer, kommunenummer));
  const memberRows = await db
    .select({ id: members.id, name: members.name, roleTitle: members.roleTitle })
    .from(members)
    .where(eq(members.kommunenummer, kommunenummer));
  const organizationRows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.kommunenummer, kommunenummer));
  const areaRows = await db
    .select({ id: focusAreas.id, name: focusAreas.name })
    .from(focusAreas)
    .where(eq(focusAreas.kommunenummer, kommunenummer));
  return {
    malform: municipality?.malform ?? 'nb',
    municipalityName: municipality?.name ?? kommunenummer,
    tiers: new Map(tierRows.map((t) => [t.id, t.name])),
    members: new Map(memberRows.map((m) => [m.id, m.name ?? m.roleTitle ?? ''])),
    organizations: new Map(organizationRows.map((o) => [o.id, o.name])),
    focusAreas: new Map(areaRows.map((a) => [a.id, a.name])),
  };
}
