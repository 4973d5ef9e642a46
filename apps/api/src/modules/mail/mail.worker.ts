import type { Db } from '../../db/client.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { recordAudit } from '../../lib/audited.js';
import type { MailPort } from './mail.client.js';
import { createMailRepository, type MailRow } from './mail.repository.js';
import { queueWeeklyDigests } from './digest.js';
import { queueDueNotices } from './notices.js';
import { queueDueReminders } from './reminders.js';

/** After this many failed attempts a mail is `failed` (the coordinator sees it). */
export const MAX_ATTEMPTS = 8;

export interface WorkerLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** What of an SMTP error may be kept and logged: its code and response code, never the text (it may quote an address). */
const describe = (error: unknown) => {
  const e = error as { code?: unknown; responseCode?: unknown };
  return [typeof e.code === 'string' ? e.code : 'ERROR', typeof e.responseCode === 'number' ? String(e.responseCode) : null]
    .filter(Boolean)
    .join(' ');
};

/**
 * The outbox worker inside the API process. Each round claims due mails in a short transaction
 * (FOR UPDATE SKIP LOCKED, with a lease), sends them one by one, and marks each sent (with an
 * audit row) or schedules a retry with exponential backoff. Safe with any number of replicas: a
 * row is claimed by one of them; one that crashed mid-send gets its rows back after the lease.
 */
export function createMailWorker(deps: {
  db: Db;
  /** The SMTP port; null without SMTP_URL: the worker then only queues (mail waits in the outbox, shown to coordinators). */
  port: MailPort | null;
  from: string;
  pollMs: number;
  log: WorkerLog;
  publicUrl: string | undefined;
  /** The ISO weekday (Europe/Oslo) the weekly digests are queued on; null for none. */
  digestWeekday?: number | null;
  /** First retry delay; doubles per attempt, up to an hour. */
  backoffBaseSeconds?: number;
  batch?: number;
  leaseSeconds?: number;
}) {
  const { db, port, from, pollMs, log, publicUrl, digestWeekday = null, backoffBaseSeconds = 30, batch = 20, leaseSeconds = 120 } = deps;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function deliver(row: MailRow, port: MailPort): Promise<boolean> {
    try {
      await port.send({
        messageId: `<${row.id}@slt.invalid>`,
        from,
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html,
        calendar: row.ics && row.icsMethod ? { method: row.icsMethod, content: row.ics } : null,
      });
    } catch (error) {
      const reason = describe(error);
      const delay = row.attempts >= MAX_ATTEMPTS ? null : Math.min(3600, backoffBaseSeconds * 2 ** (row.attempts - 1));
      await createMailRepository(db).markFailed(row.id, reason, delay);
      log.warn({ mailId: row.id, kind: row.kind, attempts: row.attempts, reason, retryInSeconds: delay }, 'mail not sent');
      return false;
    }
    await db.transaction(async (tx) => {
      await createMailRepository(tx).markSent(row.id);
      await recordAudit(
        tx,
        { type: 'system', id: null, label: 'mail' },
        {
          kommunenummer: row.kommunenummer,
          entity: 'mail',
          entityId: row.id,
          action: 'sent',
          changes: diffChanges(null, { kind: row.kind, subjectId: row.subjectId }),
        },
      );
    });
    return true;
  }

  /** One round: queues the notices, reminders and weekly digests due today (idempotent), then sends what is due; the number of mails sent. */
  async function tick(): Promise<number> {
    await db.transaction((tx) => queueDueNotices(tx, { from, publicUrl }));
    await db.transaction((tx) => queueDueReminders(tx, { publicUrl }));
    if (digestWeekday !== null) await db.transaction((tx) => queueWeeklyDigests(tx, { publicUrl, weekday: digestWeekday }));
    if (!port) return 0;
    const claimed = await db.transaction((tx) => createMailRepository(tx).claim(batch, leaseSeconds));
    let sent = 0;
    for (const row of claimed) if (await deliver(row, port)) sent += 1;
    if (sent) log.info({ sent }, 'mail sent');
    return sent;
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().catch((error: unknown) => {
        log.warn({ err: error }, 'mail round failed');
        return 0;
      });
      void running.finally(schedule);
    }, pollMs);
    timer.unref();
  };

  return {
    tick,
    start() {
      stopped = false;
      schedule();
    },
    /** Stops polling and waits for a round under way. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      port?.close();
    },
  };
}

export type MailWorker = ReturnType<typeof createMailWorker>;
