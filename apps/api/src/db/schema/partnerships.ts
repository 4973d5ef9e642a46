import { sql } from 'drizzle-orm';
import { char, check, index, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';

/**
 * Inter-municipal collaboration: the host's SLT setup covers the partner. A municipality is the
 * partner of at most one host, and a host is nobody's partner (no chains).
 */
export const partnerships = pgTable(
  'partnerships',
  {
    partnerKommunenummer: char({ length: 4 })
      .primaryKey()
      .references(() => municipalities.kommunenummer),
    hostKommunenummer: char({ length: 4 })
      .notNull()
      .references(() => municipalities.kommunenummer),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.hostKommunenummer), check('partnerships_not_self', sql`${t.partnerKommunenummer} <> ${t.hostKommunenummer}`)],
);
