import type { Mail, MailList, MailPreferences } from '@slt/shared';
import type { Db } from '../../db/client.js';
import { found, recordAudit } from '../../lib/audited.js';
import { diffChanges } from '../../lib/audit-diff.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import type { Scope } from '../../lib/scope.js';
import { createMailRepository, type MailRow } from './mail.repository.js';
import { queueMeetingMail, type MailSettings } from './meeting-mail.js';

const toMail = (row: MailRow): Mail => ({
  id: row.id,
  kind: row.kind as Mail['kind'],
  subjectId: row.subjectId,
  recipient: row.recipient,
  language: row.language as Mail['language'],
  subject: row.subject,
  // An invitation's one-time link is for the invited person only: the outbox list does not show it.
  text: row.kind === 'invitation' ? row.text.replace(/#[\w.~-]+/g, '#…') : row.text,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  sentAt: row.sentAt?.toISOString() ?? null,
});

export function createMailService(deps: { db: Db; settings: MailSettings }) {
  const { db, settings } = deps;
  return {
    /** Queues the notice of a planned meeting to its tier's members (once per member and meeting version). */
    async sendNotice({ kommunenummer, actor }: Scope, meetingId: string): Promise<{ queued: number }> {
      return db.transaction(async (tx) => {
        const found = await createMailRepository(tx).meetingForMail(kommunenummer, meetingId);
        if (!found) throw new NotFoundError(`There is no meeting ${meetingId} in ${kommunenummer}.`);
        if (found.meeting.status !== 'planned' || found.meeting.endsAt.getTime() < Date.now()) {
          throw new ConflictError('Only a planned meeting that is still to come gets a notice.');
        }
        const queued = await queueMeetingMail(tx, settings, { kommunenummer, meetingId, kind: 'meeting_notice' });
        if (queued > 0) {
          await recordAudit(tx, actor, {
            kommunenummer,
            entity: 'meeting',
            entityId: meetingId,
            action: 'notice',
            changes: diffChanges(null, { queued, sequence: found.meeting.sequence }),
          });
        }
        return { queued };
      });
    },

    /** The signed-in user's mail preferences, kept by their account's e-mail address. */
    async preferences(userId: string): Promise<MailPreferences> {
      const repo = createMailRepository(db);
      const email = found(await repo.userEmail(userId), `There is no user ${userId}.`);
      return { weeklyDigest: await repo.weeklyDigestFor(email) };
    },

    async setPreferences(userId: string, preferences: MailPreferences): Promise<MailPreferences> {
      return db.transaction(async (tx) => {
        const repo = createMailRepository(tx);
        const email = found(await repo.userEmail(userId), `There is no user ${userId}.`);
        await repo.setWeeklyDigest(email, preferences.weeklyDigest);
        return { weeklyDigest: await repo.weeklyDigestFor(email) };
      });
    },

    async list({ kommunenummer }: Scope): Promise<MailList> {
      return { items: (await createMailRepository(db).list(kommunenummer, 200)).map(toMail) };
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
