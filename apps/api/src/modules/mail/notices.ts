import { and, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mailOutbox, meetings, tiers } from '../../db/schema/index.js';
import { osloDay } from '../../lib/oslo-time.js';
import { queueMeetingMail, type MailSettings } from './meeting-mail.js';

/**
 * Queues the automatic notices that are due: planned meetings still to come of a tier whose mail
 * rule says "notice N days before", from the day N days before the meeting (Europe/Oslo) on, that
 * have had no notice yet. The notice is written when it goes out, so it carries the agenda as it
 * is then; a meeting scheduled later than N days ahead of itself gets its notice at once. The
 * outbox key (`meeting_notice:<meeting>:<sequence>:<member>`) makes it once per member, however
 * many workers run this.
 */
export async function queueDueNotices(tx: Executor, settings: MailSettings, today = osloDay()): Promise<number> {
  const days = sql`(${tiers.mailRule}->>'noticeDaysBefore')::int`;
  const due = await tx
    .select({ id: meetings.id, kommunenummer: meetings.kommunenummer })
    .from(meetings)
    .innerJoin(tiers, eq(tiers.id, meetings.tierId))
    .where(
      and(
        eq(meetings.status, 'planned'),
        gt(meetings.startsAt, sql`now()`),
        sql`${tiers.mailRule}->>'noticeDaysBefore' is not null`,
        sql`(${meetings.startsAt} at time zone 'Europe/Oslo')::date - ${days} <= ${today}::date`,
        sql`not exists (select 1 from ${mailOutbox} where ${mailOutbox.subjectId} = ${meetings.id} and ${mailOutbox.kind} = 'meeting_notice')`,
      ),
    )
    .limit(100);
  let queued = 0;
  for (const meeting of due) {
    queued += await queueMeetingMail(tx, settings, { kommunenummer: meeting.kommunenummer, meetingId: meeting.id, kind: 'meeting_notice' });
  }
  return queued;
}
