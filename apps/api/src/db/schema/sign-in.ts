import { boolean, char, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.js';
import { municipalities } from './municipalities.js';

/** One provider group that grants a role in a municipality at sign-in. */
export interface GroupRoleRow {
  group: string;
  kommunenummer: string;
  role: 'coordinator' | 'member';
}

/** OpenID Providers users may sign in with: a municipality's, or (kommunenummer null) everyone's. */
export const oidcProviders = pgTable(
  'oidc_providers',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 }).references(() => municipalities.kommunenummer),
    label: text().notNull(),
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** client_secret_basic; never answered, never logged. */
    clientSecret: text(),
    /** private_key_jwt: the private JWK as JSON; never answered, never logged. */
    privateKeyJwk: text(),
    /** Lower-case e-mail domains allowed to sign in with this provider. */
    allowedDomains: text().array().notNull(),
    emailClaim: text().notNull().default('email'),
    groupClaim: text().notNull().default('groups'),
    groupRoles: jsonb().$type<GroupRoleRow[]>().notNull().default([]),
    /** Users whose e-mail is in `allowedDomains` may not sign in with a password. */
    passwordsDisabled: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.kommunenummer)],
);

/**
 * Authorization requests under way: the state (hashed), the nonce and the PKCE verifier, bound
 * to the browser's cookie (hashed). Deleted when the answer comes (one use) or after 10 minutes.
 */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    stateHash: text().primaryKey(),
    bindingHash: text().notNull(),
    providerId: uuid()
      .notNull()
      .references(() => oidcProviders.id, { onDelete: 'cascade' }),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    redirectUri: text().notNull(),
    returnTo: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

/** A user's account at a provider (issuer + subject): once linked, the e-mail claim alone no longer decides. */
export const userIdentities = pgTable(
  'user_identities',
  {
    issuer: text().notNull(),
    subject: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index().on(t.userId)],
);
