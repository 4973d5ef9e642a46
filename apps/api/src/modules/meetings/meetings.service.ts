import type { CreateMeeting, Meeting, MeetingListQuery, MeetingPage, UpdateMeeting } from '@slt/shared';
import type { Database, Db } from '../../db/client.js';
import { found, recordChange } from '../../lib/audited.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { ConflictError, InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { checkReferences } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import type { DocumentFormat } from '../../lib/documents/index.js';
import { documentNames } from '../documents/document-names.repository.js';
import { rendered } from '../documents/document-reply.js';
import { createMailRepository } from '../mail/mail.repository.js';
import { queueMeetingMail, type MailSettings } from '../mail/meeting-mail.js';
import { queueMinutesMail } from '../mail/minutes-mail.js';
import { createMeetingAccess } from './meeting-access.js';
import {
  auditable,
  instant,
  meetingFacts,
  MEMBERS_VIEW,
  requireApprovableMinutes,
  requireHeldInPast,
  requireTimeOrder,
  requireUnlockedMinutes,
  toMeeting,
} from './meeting-view.js';
import { createMeetingsRepository, findMeetingFacts, type MeetingRow } from './meetings.repository.js';
import { minutesDocument } from './minutes-document.js';

/** A tier's meetings: listing, reading as the caller may see them, planning, changing and removing. */
export function createMeetingsService(deps: { db: Db; rows: Database['rows']; mail?: MailSettings }) {
  const { db, rows, mail } = deps;
  const { notFound, memberIdsOf, view, changeMeeting } = createMeetingAccess(db);

  return {
    async list({ kommunenummer: k }: Scope, query: MeetingListQuery): Promise<MeetingPage> {
      const limit = query.limit ?? 200;
      let after: { startsAt: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        const key = decodeCursor(query.cursor, ['s', 'i']);
        if (!key || !/^[0-9a-f-]{36}$/.test(key.i) || Number.isNaN(Date.parse(key.s))) {
          throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
        }
        after = { startsAt: key.s, id: key.i };
      }
      if (query.from && query.to && query.to < query.from) {
        throw new InvalidFieldError({
          in: 'query',
          name: 'to',
          detail: `to (${query.to}) comes before from (${query.from})`,
          code: 'before_start',
        });
      }
      const rows = await createMeetingsRepository(db).list(k, { ...query, after, limit });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(meetingFacts),
        nextCursor: rows.length > limit && last ? encodeCursor({ s: last.startsAt.toISOString(), i: last.id }) : null,
      };
    },

    /** The public view is the meeting's facts: one prepared statement, not the tree it would throw away. */
    async get(scope: Scope, id: string): Promise<Meeting> {
      if (scope.caller.internal) return view(db, scope, id);
      return meetingFacts(found(await findMeetingFacts(rows, scope.kommunenummer, id), notFound(scope.kommunenummer, id)));
    },

    /** The minutes as a document in the municipality's målform, from the meeting as the caller may see it. */
    async minutesDocument(scope: Scope, { id, format }: { id: string; format: DocumentFormat }) {
      const meeting = scope.caller.internal
        ? await view(db, scope, id)
        : meetingFacts(found(await findMeetingFacts(rows, scope.kommunenummer, id), notFound(scope.kommunenummer, id)));
      const names = await documentNames(db, scope.kommunenummer);
      return rendered(minutesDocument(meeting, names), { base: `referat-${meeting.startsAt.slice(0, 10)}`, format });
    },

    async create({ kommunenummer: k, actor, caller }: Scope, input: CreateMeeting): Promise<Meeting> {
      const startsAt = instant('startsAt', input.startsAt);
      const endsAt = instant('endsAt', input.endsAt);
      requireTimeOrder(startsAt, endsAt);
      requireHeldInPast(input.status, startsAt);
      return db.transaction(async (tx) => {
        await checkReferences(tx, k, [{ field: 'tierId', table: 'tiers', ids: input.tierId }]);
        const repo = createMeetingsRepository(tx);
        const id = await repo.insert(k, {
          tierId: input.tierId,
          title: input.title,
          startsAt,
          endsAt,
          place: input.place ?? null,
          status: input.status ?? 'planned',
          minutes: input.minutes ?? null,
        });
        const tree = (await repo.find(k, id))!;
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'meeting',
          entityId: id,
          action: 'create',
          before: null,
          after: auditable(tree.meeting),
        });
        return toMeeting(tree, caller, await memberIdsOf(tx, k, caller));
      });
    },

    update: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateMeeting; expected: ExpectedVersion },
    ) => {
      // The change callback returns a promise (the others await): async keeps the checks' throws rejections.
      // eslint-disable-next-line @typescript-eslint/require-await
      return changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const startsAt = patch.startsAt === undefined ? before.meeting.startsAt : instant('startsAt', patch.startsAt);
        const endsAt = patch.endsAt === undefined ? before.meeting.endsAt : instant('endsAt', patch.endsAt);
        requireTimeOrder(startsAt, endsAt);
        requireHeldInPast(patch.status ?? before.meeting.status, startsAt);
        requireUnlockedMinutes(before.meeting, patch);
        const { minutesApproved, ...fields } = patch;
        // Approval is final: approving approved minutes again changes nothing and mails nothing.
        const approving = minutesApproved === true && before.meeting.minutesApprovedAt === null;
        if (minutesApproved) {
          requireApprovableMinutes(
            patch.status ?? before.meeting.status,
            patch.minutes === undefined ? before.meeting.minutes : patch.minutes,
          );
        }
        const values = { ...fields, startsAt, endsAt, ...(approving ? { minutesApprovedAt: new Date() } : {}) };
        const facts = (m: MeetingRow) => JSON.stringify([m.title, m.startsAt.getTime(), m.endsAt.getTime(), m.place, m.status]);
        const b = before.meeting;
        const next = { ...b, ...values, place: patch.place === undefined ? b.place : patch.place };
        return {
          meeting: values,
          bumpSequence: facts(b) !== facts(next),
          audit: async (after) => {
            await recordChange(tx, actor, {
              kommunenummer: k,
              entity: 'meeting',
              entityId: id,
              action: 'update',
              before: auditable(b),
              after: auditable(after.meeting),
            });
            // The approved minutes go to the tier's members in this transaction, as all of them may see the meeting.
            if (mail && approving) await queueMinutesMail(tx, mail, toMeeting(after, MEMBERS_VIEW, []));
            // Once a notice went out, a moved meeting sends an update and a cancelled one a cancellation, in this transaction.
            const moved = after.meeting.sequence !== b.sequence;
            if (mail && moved && (await createMailRepository(tx).hasNotice(id))) {
              const kind = after.meeting.status === 'cancelled' ? 'meeting_cancel' : 'meeting_update';
              if (kind === 'meeting_cancel' || after.meeting.status === 'planned') {
                await queueMeetingMail(tx, mail, { kommunenummer: k, meetingId: id, kind });
              }
            }
          },
        };
      });
    },

    async remove({ kommunenummer: k, actor, caller }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createMeetingsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toMeeting(before, caller, await memberIdsOf(tx, k, caller)));
        const history = await repo.countHistory(id);
        if (before.meeting.status === 'held' || history.decisions > 0 || history.actionItems > 0) {
          throw new ConflictError('The meeting has been held or has decisions or action items: its history is kept. Cancel it instead.');
        }
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'meeting',
          entityId: id,
          action: 'delete',
          before: auditable(before.meeting),
          after: null,
        });
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
