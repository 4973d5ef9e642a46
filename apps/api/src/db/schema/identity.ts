import { sql } from 'drizzle-orm';
import { boolean, char, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';

export const roleEnum = pgEnum('role', ['coordinator', 'member']);
export const tokenScopeEnum = pgEnum('token_scope', ['read', 'write', 'import']);

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased: one account per address, whatever the case typed. */
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id (PHC string). */
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    isAdmin: boolean().notNull().default(false),
    /** Carried in access tokens; bumped on password change or deactivation to end every session. */
    sessionVersion: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex().on(t.email)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    role: roleEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kommunenummer] }), index().on(t.kommunenummer)],
);

/** Refresh tokens: one row per issued token; a family is one sign-in's chain of rotations. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    familyId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the secret; the secret itself is only ever in the cookie. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when rotated: presenting it again is reuse, and revokes the family. */
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.familyId), index().on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    name: text().notNull(),
    /** The visible start of the secret (`slt_xxxxxxxx`). */
    prefix: text().notNull(),
    /** SHA-256 of the whole secret (high-entropy, so a fast hash is enough). */
    secretHash: text().notNull(),
    scopes: tokenScopeEnum().array().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.secretHash), index().on(t.kommunenummer)],
);

/** Failed sign-ins per key (`account:<email>` or `ip:<address>`), shared by every API replica. */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true })
    .notNull()
    .default(sql`now()`),
  blockedUntil: timestamp({ withTimezone: true }),
});
