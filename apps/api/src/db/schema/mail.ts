import { boolean, char, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities.js';

export const mailStatusEnum = pgEnum('mail_status', ['pending', 'sending', 'sent', 'failed']);

/**
 * The transactional outbox of mail: a row is written in the transaction of the change that causes
 * it, and the worker (modules/mail/mail.worker.ts) sends it. `dedupeKey` makes a second cause of the
 * same mail (a double click, a second replica) a no-op; the claim (`FOR UPDATE SKIP LOCKED` and a
 * lease) makes one replica send it.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    kommunenummer: char({ length: 4 }).references(() => municipalities.kommunenummer),
    kind: text().notNull(),
    /** What the mail is about (a meeting's id), for the coordinator's list and the audit log. */
    subjectId: uuid(),
    dedupeKey: text().notNull(),
    recipient: text().notNull(),
    language: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    /** The iCalendar part (text/calendar) and its METHOD, for meeting notices. */
    ics: text(),
    icsMethod: text(),
    status: mailStatusEnum().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: until when the claiming worker owns it (a crashed worker's rows come back after it). */
    leaseUntil: timestamp({ withTimezone: true }),
    /** The SMTP error's code and a short reason; never the message or a credential. */
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.dedupeKey), index().on(t.status, t.nextAttemptAt), index().on(t.kommunenummer, t.createdAt)],
);

/**
 * A person's choices about mail, by e-mail address (lower case): mail goes to members' addresses,
 * and a member need not have an account, so the address is the one key every mail and the signed-in
 * user share. No row: the defaults (the weekly digest on).
 */
export const mailPreferences = pgTable('mail_preferences', {
  email: text().primaryKey(),
  weeklyDigest: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per ISO week (`2026-W49`) whose weekly digests were queued: the first worker round on the
 * digest weekday inserts it and queues the digests in the same transaction; every other round and
 * replica finds it and does nothing.
 */
export const mailDigestRuns = pgTable('mail_digest_runs', {
  week: text().primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
