import type { Executor } from '../../db/client.js';
import { icalendarInvitation } from '../../lib/icalendar.js';
import { osloDay } from '../../lib/oslo-time.js';
import { createMailRepository } from './mail.repository.js';
import { meetingMail, recipientLanguage, type MeetingMailKind } from './mail-texts.js';

export interface MailSettings {
  /** The sender, `Name <address>`: also the invitation's ORGANIZER. */
  from: string;
  /** The product's address for links in mails; none without it. */
  publicUrl: string | undefined;
}

export function parseAddress(from: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1]!.replace(/^"|"$/g, '') || match[2]!, email: match[2]! } : { name: from, email: from };
}

/**
 * Queues a meeting's mail to every current member of its tier, in the transaction of the change:
 * the notice (iCalendar REQUEST), an update when it moved (REQUEST, same UID, the meeting's new
 * SEQUENCE) or the cancellation (CANCEL). One mail per member and meeting version: the key is the
 * meeting, its sequence, the kind and the member.
 */
export async function queueMeetingMail(
  tx: Executor,
  settings: MailSettings,
  { kommunenummer, meetingId, kind }: { kommunenummer: string; meetingId: string; kind: MeetingMailKind },
): Promise<number> {
  const repo = createMailRepository(tx);
  const found = await repo.meetingForMail(kommunenummer, meetingId);
  if (!found) return 0;
  const { meeting, agenda } = found;
  const recipients = await repo.tierRecipients(meeting.tierId, osloDay());
  if (recipients.length === 0) return 0;
  const language = recipientLanguage(found);
  const link = settings.publicUrl ? `${settings.publicUrl}/municipalities/${kommunenummer}/meetings/${meeting.id}` : null;
  const content = meetingMail(language, kind, {
    municipality: found.municipality,
    tier: found.tier,
    title: meeting.title,
    start: meeting.startsAt,
    end: meeting.endsAt,
    place: meeting.place,
    agenda,
    link,
  });
  const method = kind === 'meeting_cancel' ? 'CANCEL' : 'REQUEST';
  // Each recipient's invitation names only them: members' addresses are not shown to each other.
  const icsFor = (attendee: { name: string; email: string }) =>
    icalendarInvitation({
      method,
      uid: `${meeting.id}@slt`,
      sequence: meeting.sequence,
      start: meeting.startsAt,
      end: meeting.endsAt,
      summary: meeting.title,
      location: meeting.place,
      description: content.text,
      status: kind === 'meeting_cancel' ? 'CANCELLED' : 'CONFIRMED',
      lastModified: meeting.updatedAt,
      organizer: parseAddress(settings.from),
      attendees: [attendee],
    });
  return repo.enqueue(
    recipients.map((r) => ({
      kommunenummer,
      kind,
      subjectId: meeting.id,
      dedupeKey: `${kind}:${meeting.id}:${meeting.sequence}:${r.memberId}`,
      recipient: r.email!,
      language,
      ...content,
      ics: icsFor({ name: r.name ?? r.email!, email: r.email! }),
      icsMethod: method,
    })),
  );
}
