import { and, asc, eq, isNull, lt, or, sql, type Column } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { municipalities, oidcLogins, oidcProviders, userIdentities } from '../../db/schema/index.js';

export type OidcProviderRow = typeof oidcProviders.$inferSelect;
export type OidcLoginRow = typeof oidcLogins.$inferSelect;

export function createOidcRepository(db: Executor) {
  return {
    async listProviders(): Promise<OidcProviderRow[]> {
      return db.select().from(oidcProviders).orderBy(asc(oidcProviders.createdAt), asc(oidcProviders.id));
    },

    /** A municipality's own providers and the global ones; without a municipality, all of them. */
    async providersFor(kommunenummer: string | undefined): Promise<OidcProviderRow[]> {
      return db
        .select()
        .from(oidcProviders)
        .where(kommunenummer ? or(isNull(oidcProviders.kommunenummer), eq(oidcProviders.kommunenummer, kommunenummer)) : undefined)
        .orderBy(asc(oidcProviders.label), asc(oidcProviders.id));
    },

    async findProvider(id: string): Promise<OidcProviderRow | undefined> {
      const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.id, id));
      return row;
    },

    async insertProvider(values: typeof oidcProviders.$inferInsert): Promise<OidcProviderRow> {
      const [row] = await db.insert(oidcProviders).values(values).returning();
      return row!;
    },

    /**
     * Replaces a provider's stored credentials, only while they are still `before` (another replica
     * sealing the same row at the same time changes nothing twice).
     */
    async replaceCredentials(
      id: string,
      before: { clientSecret: string | null; privateKeyJwk: string | null },
      after: { clientSecret: string | null; privateKeyJwk: string | null },
    ): Promise<void> {
      const same = (column: Column, value: string | null) => (value === null ? isNull(column) : eq(column, value));
      await db
        .update(oidcProviders)
        .set(after)
        .where(
          and(
            eq(oidcProviders.id, id),
            same(oidcProviders.clientSecret, before.clientSecret),
            same(oidcProviders.privateKeyJwk, before.privateKeyJwk),
          ),
        );
    },

    async deleteProvider(id: string): Promise<OidcProviderRow | undefined> {
      const [row] = await db.delete(oidcProviders).where(eq(oidcProviders.id, id)).returning();
      return row;
    },

    /** Providers that turned passwords off for an e-mail domain. */
    async passwordsDisabledFor(domain: string): Promise<boolean> {
      const [row] = await db
        .select({ id: oidcProviders.id })
        .from(oidcProviders)
        .where(and(eq(oidcProviders.passwordsDisabled, true), sql`${domain} = any(${oidcProviders.allowedDomains})`))
        .limit(1);
      return row !== undefined;
    },

    async municipalityExists(kommunenummer: string): Promise<boolean> {
      const [row] = await db
        .select({ k: municipalities.kommunenummer })
        .from(municipalities)
        .where(eq(municipalities.kommunenummer, kommunenummer));
      return row !== undefined;
    },

    async insertLogin(values: OidcLoginRow): Promise<void> {
      await db.insert(oidcLogins).values(values);
    },

    /** Takes a pending login once: the row is deleted in the same statement, so a replay finds nothing. */
    async takeLogin(stateHash: string): Promise<OidcLoginRow | undefined> {
      const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.stateHash, stateHash)).returning();
      return row;
    },

    async purgeExpiredLogins(): Promise<void> {
      await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, sql`now()`));
    },

    async findIdentity(issuer: string, subject: string): Promise<string | undefined> {
      const [row] = await db
        .select({ userId: userIdentities.userId })
        .from(userIdentities)
        .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
      return row?.userId;
    },

    async linkIdentity(issuer: string, subject: string, userId: string): Promise<void> {
      await db.insert(userIdentities).values({ issuer, subject, userId }).onConflictDoNothing();
    },
  };
}
