import type { ActionItem, ActionItemListQuery, ActionItemPage, CreateActionItem, UpdateActionItem } from '@slt/shared';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { decisions, meetings } from '../../db/schema/index.js';
import { found, recordChange } from '../../lib/audited.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { ForbiddenError, InvalidFieldError } from '../../lib/errors.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import { osloDay } from '../../lib/oslo-time.js';
import { checkReferences } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { toActionItem } from '../meetings/meeting-view.js';
import { createActionItemsRepository, type ActionItemRow } from './action-items.repository.js';

const auditable = (row: ActionItemRow | undefined) =>
  row
    ? {
        meetingId: row.meetingId,
        decisionId: row.decisionId,
        description: row.description,
        responsibleMemberId: row.responsibleMemberId,
        dueDate: row.dueDate,
        status: row.status,
        reportBackMeetingId: row.reportBackMeetingId,
      }
    : null;

export function createActionItemsService(deps: { db: Db }) {
  const { db } = deps;
  const notFound = (k: string, id: string) => `There is no action item ${id} in ${k}.`;

  /** The report-back meeting must be of the same municipality and not before the meeting that gave the item. */
  async function checkMeetings(
    tx: Executor,
    k: string,
    { meetingId, reportBackMeetingId, decisionId }: { meetingId: string; reportBackMeetingId?: string | null; decisionId?: string | null },
  ) {
    const [origin] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.kommunenummer, k), eq(meetings.id, meetingId)));
    if (!origin) throw new InvalidFieldError({ in: 'body', name: 'meetingId', detail: `${meetingId} is not a meeting of ${k}.` });
    if (decisionId) {
      const [decision] = await tx
        .select()
        .from(decisions)
        .where(and(eq(decisions.id, decisionId), eq(decisions.meetingId, meetingId)));
      if (!decision)
        throw new InvalidFieldError({ in: 'body', name: 'decisionId', detail: `${decisionId} is not a decision of meeting ${meetingId}` });
    }
    if (reportBackMeetingId) {
      const [later] = await tx
        .select()
        .from(meetings)
        .where(and(eq(meetings.kommunenummer, k), eq(meetings.id, reportBackMeetingId)));
      if (!later)
        throw new InvalidFieldError({
          in: 'body',
          name: 'reportBackMeetingId',
          detail: `${reportBackMeetingId} is not a meeting of ${k}.`,
        });
      if (later.startsAt <= origin.startsAt) {
        throw new InvalidFieldError({
          in: 'body',
          name: 'reportBackMeetingId',
          detail: 'the item is reported back at a later meeting than the one that gave it',
        });
      }
    }
  }

  return {
    /** "Mine" is a signed-in user's tasks (by e-mail); tokens have none. */
    async list({ kommunenummer: k, caller: owner }: Scope, query: ActionItemListQuery): Promise<ActionItemPage> {
      const limit = query.limit ?? 100;
      let after: { due: string; id: string } | undefined;
      if (query.cursor !== undefined) {
        const key = decodeCursor(query.cursor, ['d', 'i']);
        if (!key || !/^\d{4}-\d{2}-\d{2}$/.test(key.d) || !/^[0-9a-f-]{36}$/.test(key.i)) {
          throw new InvalidFieldError({ in: 'query', name: 'cursor', detail: 'is not a cursor this API issued' });
        }
        after = { due: key.d, id: key.i };
      }
      if (query.mine && owner.email === null) {
        throw new InvalidFieldError({ in: 'query', name: 'mine', detail: 'only a signed-in user has tasks of their own' });
      }
      const repo = createActionItemsRepository(db);
      let memberIds: string[] | undefined;
      if (query.mine) memberIds = await repo.membersWithEmail(k, owner.email!);
      if (query.memberId) memberIds = memberIds ? memberIds.filter((id) => id === query.memberId) : [query.memberId];
      const today = osloDay();
      const rows = await repo.list(k, {
        status: query.status,
        overdueBefore: query.overdue ? today : undefined,
        tierId: query.tierId,
        memberIds,
        meetingId: query.meetingId,
        after,
        limit,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toActionItem(row, today)),
        nextCursor: rows.length > limit && last ? encodeCursor({ d: last.dueDate ?? '9999-12-31', i: last.id }) : null,
      };
    },

    async get({ kommunenummer: k }: Scope, id: string): Promise<ActionItem> {
      return toActionItem(found(await createActionItemsRepository(db).find(k, id), notFound(k, id)));
    },

    async create({ kommunenummer: k, actor }: Scope, input: CreateActionItem): Promise<ActionItem> {
      return db.transaction(async (tx) => {
        await checkMeetings(tx, k, input);
        await checkReferences(tx, k, [{ field: 'responsibleMemberId', table: 'members', ids: input.responsibleMemberId }]);
        const repo = createActionItemsRepository(tx);
        const id = await repo.insert(k, {
          meetingId: input.meetingId,
          decisionId: input.decisionId ?? null,
          description: input.description,
          responsibleMemberId: input.responsibleMemberId ?? null,
          dueDate: input.dueDate ?? null,
          status: 'open',
          reportBackMeetingId: input.reportBackMeetingId ?? null,
          completedAt: null,
        });
        const row = (await repo.find(k, id))!;
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'action_item',
          entityId: id,
          action: 'create',
          before: null,
          after: auditable(row),
        });
        return toActionItem(row);
      });
    },

    /** Coordinators, administrators and write tokens manage all items; members only their own tasks' status. */
    async update(
      { kommunenummer: k, actor, caller: editor }: Scope,
      { id, patch, expected }: { id: string; patch: UpdateActionItem; expected: ExpectedVersion },
    ): Promise<ActionItem> {
      return db.transaction(async (tx) => {
        const repo = createActionItemsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        if (!editor.manages) {
          const mine = editor.email ? await repo.membersWithEmail(k, editor.email) : [];
          if (before.responsibleMemberId === null || !mine.includes(before.responsibleMemberId)) {
            throw new ForbiddenError('Only coordinators change the action items of others.');
          }
          const other = Object.keys(patch).find((field) => field !== 'status');
          if (other) throw new ForbiddenError(`You may set the status of your own tasks; ${other} is the coordinator's to change.`);
        }
        checkVersion(expected, toActionItem(before));
        if (patch.reportBackMeetingId)
          await checkMeetings(tx, k, { meetingId: before.meetingId, reportBackMeetingId: patch.reportBackMeetingId });
        await checkReferences(tx, k, [{ field: 'responsibleMemberId', table: 'members', ids: patch.responsibleMemberId }]);
        const completedAt =
          patch.status === undefined || patch.status === before.status ? undefined : patch.status === 'done' ? new Date() : null;
        await repo.update(id, { ...patch, ...(completedAt !== undefined ? { completedAt } : {}) });
        const after = (await repo.find(k, id))!;
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'action_item',
          entityId: id,
          action: 'update',
          before: auditable(before),
          after: auditable(after),
        });
        return toActionItem(after);
      });
    },

    async remove({ kommunenummer: k, actor }: Scope, { id, expected }: { id: string; expected: ExpectedVersion }): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createActionItemsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkVersion(expected, toActionItem(before));
        await repo.delete(id);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'action_item',
          entityId: id,
          action: 'delete',
          before: auditable(before),
          after: null,
        });
      });
    },
  };
}

export type ActionItemsService = ReturnType<typeof createActionItemsService>;
