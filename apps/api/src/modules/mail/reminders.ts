import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { actionItems, meetings, members, municipalities, tiers } from '../../db/schema/index.js';
import { osloDay } from '../../lib/oslo-time.js';
import { createMailRepository } from './mail.repository.js';
import { recipientLanguage, reminderMail } from './mail-texts.js';

/** Days before the due date that an open action item's owner is reminded. */
export const REMINDER_DAYS_BEFORE = 3;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Queues the reminders that are due today (Europe/Oslo): open action items due in
 * REMINDER_DAYS_BEFORE days, and overdue ones, to their responsible member. The outbox's key
 * (`reminder:<item>:<due date>:before|overdue`) makes each reminder once, however many workers
 * run this and however often; a new due date gets new reminders.
 */
export async function queueDueReminders(tx: Executor, settings: { publicUrl: string | undefined }, today = osloDay()): Promise<number> {
  const soon = addDays(today, REMINDER_DAYS_BEFORE);
  const rows = await tx
    .select({
      id: actionItems.id,
      kommunenummer: actionItems.kommunenummer,
      description: actionItems.description,
      dueDate: actionItems.dueDate,
      email: members.email,
      malform: municipalities.malform,
      municipality: municipalities.name,
    })
    .from(actionItems)
    .innerJoin(members, eq(members.id, actionItems.responsibleMemberId))
    .innerJoin(municipalities, eq(municipalities.kommunenummer, actionItems.kommunenummer))
    .innerJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .innerJoin(tiers, eq(tiers.id, meetings.tierId))
    .where(
      and(
        // A tier whose mail rule turns reminders off gets none.
        sql`coalesce((${tiers.mailRule}->>'reminders')::boolean, true)`,
        eq(actionItems.status, 'open'),
        isNotNull(members.email),
        isNull(members.erasedAt),
        or(eq(actionItems.dueDate, soon), lt(actionItems.dueDate, today)),
        // Overdue ones are reminded once, and not for items years old (imported history).
        sql`${actionItems.dueDate} >= ${addDays(today, -60)}::date`,
      ),
    );
  return createMailRepository(tx).enqueue(
    rows.map((row) => {
      const language = recipientLanguage(row);
      const overdue = row.dueDate! < today;
      const link = settings.publicUrl ? `${settings.publicUrl}/municipalities/${row.kommunenummer}/action-items/${row.id}` : null;
      return {
        kommunenummer: row.kommunenummer,
        kind: overdue ? 'action_overdue' : 'action_reminder',
        subjectId: row.id,
        dedupeKey: `reminder:${row.id}:${row.dueDate}:${overdue ? 'overdue' : 'before'}`,
        recipient: row.email!,
        language,
        ...reminderMail(language, { overdue, description: row.description, dueDate: row.dueDate!, municipality: row.municipality, link }),
        ics: null,
        icsMethod: null,
      };
    }),
  );
}
