import {
  MEASURE_TRANSITIONS,
  type CreateAgendaItem,
  type CreateDecision,
  type SetAttendance,
  type UpdateAgendaItem,
  type UpdateDecision,
} from '@slt/shared';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { measures } from '../../db/schema/index.js';
import { recordChange } from '../../lib/audited.js';
import { ConflictError, InvalidFieldError } from '../../lib/errors.js';
import type { ExpectedVersion } from '../../lib/etag.js';
import { checkReferences } from '../../lib/references.js';
import type { Scope } from '../../lib/scope.js';
import { createMeetingAccess } from './meeting-access.js';
import { agendaItemField, decisionOf } from './meeting-view.js';
import { createMeetingsRepository } from './meetings.repository.js';

/**
 * The parts of a meeting: agenda items, attendance and decisions (a decision may start a measure
 * or move one on). Each change locks the meeting, checks the caller's If-Match against the
 * meeting's ETag and answers with the whole meeting.
 */
export function createMeetingItemsService(deps: { db: Db }) {
  const { db } = deps;
  const { changeMeeting, agendaItemOf } = createMeetingAccess(db);

  return {
    addAgendaItem: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, input, expected }: { id: string; input: CreateAgendaItem; expected: ExpectedVersion },
    ) => {
      return changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        await checkReferences(tx, k, [
          { field: 'ownerMemberId', table: 'members', ids: input.ownerMemberId },
          { field: 'visibleToMemberIds', table: 'members', ids: input.visibleToMemberIds },
        ]);
        const repo = createMeetingsRepository(tx);
        const position = Math.min(input.position ?? before.agenda.length + 1, before.agenda.length + 1);
        const itemId = await repo.insertAgendaItem(
          id,
          {
            title: input.title,
            description: input.description ?? null,
            ownerMemberId: input.ownerMemberId ?? null,
            closed: input.closed ?? false,
          },
          before.agenda.length + 1,
        );
        const order = before.agenda.map((i) => i.id);
        order.splice(position - 1, 0, itemId);
        await repo.renumberAgenda(order);
        await repo.setReaders(itemId, input.visibleToMemberIds ?? []);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'agenda_item',
          entityId: itemId,
          action: 'create',
          before: null,
          after: {
            meetingId: id,
            position,
            title: input.title,
            description: input.description ?? null,
            closed: input.closed ?? false,
            visibleToMemberIds: input.visibleToMemberIds ?? [],
          },
        });
      });
    },

    updateAgendaItem: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, itemId, patch, expected }: { id: string; itemId: string; patch: UpdateAgendaItem; expected: ExpectedVersion },
    ) => {
      return changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const item = agendaItemOf(before, itemId);
        await checkReferences(tx, k, [
          { field: 'ownerMemberId', table: 'members', ids: patch.ownerMemberId },
          { field: 'visibleToMemberIds', table: 'members', ids: patch.visibleToMemberIds },
        ]);
        const repo = createMeetingsRepository(tx);
        const { position, visibleToMemberIds, ...fields } = patch;
        await repo.updateAgendaItem(itemId, fields);
        if (visibleToMemberIds) await repo.setReaders(itemId, visibleToMemberIds);
        if (position !== undefined) {
          const order = before.agenda.map((i) => i.id).filter((i) => i !== itemId);
          order.splice(Math.min(position, order.length + 1) - 1, 0, itemId);
          await repo.renumberAgenda(order);
        }
        const fieldsOf = (i: typeof item) => ({
          position: i.position,
          title: i.title,
          description: i.description,
          ownerMemberId: i.ownerMemberId,
          closed: i.closed,
          visibleToMemberIds: i.readers,
        });
        return {
          audit: (after) =>
            recordChange(tx, actor, {
              kommunenummer: k,
              entity: 'agenda_item',
              entityId: itemId,
              action: 'update',
              before: fieldsOf(item),
              after: fieldsOf(agendaItemOf(after, itemId)),
            }),
        };
      });
    },

    removeAgendaItem: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, itemId, expected }: { id: string; itemId: string; expected: ExpectedVersion },
    ) =>
      changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const item = agendaItemOf(before, itemId);
        if (before.decisions.some((d) => d.agendaItemId === itemId)) {
          throw new ConflictError('Decisions were made on this agenda item: remove or move them first.');
        }
        const repo = createMeetingsRepository(tx);
        await repo.deleteAgendaItem(itemId);
        await repo.renumberAgenda(before.agenda.map((i) => i.id).filter((i) => i !== itemId));
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'agenda_item',
          entityId: itemId,
          action: 'delete',
          before: { meetingId: id, position: item.position, title: item.title, description: item.description, closed: item.closed },
          after: null,
        });
      }),

    setAttendance: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, input, expected }: { id: string; input: SetAttendance; expected: ExpectedVersion },
    ) =>
      changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const ids = input.attendance.map((a) => a.memberId);
        const duplicate = ids.find((memberId, index) => ids.indexOf(memberId) !== index);
        if (duplicate) throw new InvalidFieldError({ in: 'body', name: 'attendance', detail: `member ${duplicate} is listed twice` });
        await checkReferences(tx, k, [{ field: 'attendance', table: 'members', ids }]);
        await createMeetingsRepository(tx).setAttendance(id, input.attendance);
        const asMap = (rows: readonly { memberId: string; status: string }[]) =>
          Object.fromEntries(rows.map((r) => [r.memberId, r.status]));
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'meeting',
          entityId: id,
          action: 'update',
          before: { attendance: asMap(before.attendance) },
          after: { attendance: asMap(input.attendance) },
        });
      }),

    addDecision: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, input, expected }: { id: string; input: CreateDecision; expected: ExpectedVersion },
    ) => {
      if (input.newMeasure && input.measureId) {
        throw new InvalidFieldError({
          in: 'body',
          name: 'newMeasure',
          detail: 'give either measureId (an existing measure) or newMeasure, not both',
        });
      }
      if (input.measureStatus && !input.measureId) {
        throw new InvalidFieldError({ in: 'body', name: 'measureStatus', detail: 'changing a status needs the measureId of the measure' });
      }
      return changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        if (input.agendaItemId !== undefined) agendaItemField(before, input.agendaItemId);
        await checkReferences(tx, k, [{ field: 'measureId', table: 'measures', ids: input.measureId }]);
        let measureId = input.measureId ?? null;
        if (input.newMeasure) {
          const [row] = await tx
            .insert(measures)
            .values({
              kommunenummer: k,
              title: input.newMeasure.title,
              description: input.newMeasure.description ?? null,
              status: input.newMeasure.status ?? 'planned',
              decidedByTierId: before.meeting.tierId,
            })
            .returning();
          measureId = row!.id;
          await recordChange(tx, actor, {
            kommunenummer: k,
            entity: 'measure',
            entityId: row!.id,
            action: 'create',
            before: null,
            after: {
              title: row!.title,
              description: row!.description,
              status: row!.status,
              decidedByTierId: row!.decidedByTierId,
              decidedAtMeetingId: id,
            },
          });
        } else if (input.measureId && input.measureStatus) {
          const [measure] = await tx.select().from(measures).where(eq(measures.id, input.measureId)).for('update');
          const from = measure!.status;
          if (from !== input.measureStatus) {
            if (!MEASURE_TRANSITIONS[from].includes(input.measureStatus)) {
              throw new InvalidFieldError({
                in: 'body',
                name: 'measureStatus',
                detail: `a measure cannot go from ${from} to ${input.measureStatus}`,
              });
            }
            await tx.update(measures).set({ status: input.measureStatus, updatedAt: new Date() }).where(eq(measures.id, input.measureId));
            await recordChange(tx, actor, {
              kommunenummer: k,
              entity: 'measure',
              entityId: input.measureId,
              action: 'update',
              before: { status: from },
              after: { status: input.measureStatus },
            });
          }
        }
        const decisionId = await createMeetingsRepository(tx).insertDecision(id, {
          agendaItemId: input.agendaItemId ?? null,
          text: input.text,
          measureId,
        });
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'decision',
          entityId: decisionId,
          action: 'create',
          before: null,
          after: { meetingId: id, agendaItemId: input.agendaItemId ?? null, text: input.text, measureId },
        });
      });
    },

    updateDecision: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, decisionId, patch, expected }: { id: string; decisionId: string; patch: UpdateDecision; expected: ExpectedVersion },
    ) => {
      return changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const decision = decisionOf(before, decisionId);
        if (patch.agendaItemId) agendaItemField(before, patch.agendaItemId);
        await createMeetingsRepository(tx).updateDecision(decisionId, patch);
        const fields = { text: decision.text, agendaItemId: decision.agendaItemId };
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'decision',
          entityId: decisionId,
          action: 'update',
          before: fields,
          after: { ...fields, ...patch },
        });
      });
    },

    removeDecision: (
      { kommunenummer: k, actor, caller }: Scope,
      { id, decisionId, expected }: { id: string; decisionId: string; expected: ExpectedVersion },
    ) =>
      changeMeeting({ kommunenummer: k, caller }, { id, expected }, async (tx, before) => {
        const decision = decisionOf(before, decisionId);
        await createMeetingsRepository(tx).deleteDecision(decisionId);
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'decision',
          entityId: decisionId,
          action: 'delete',
          before: { meetingId: id, agendaItemId: decision.agendaItemId, text: decision.text, measureId: decision.measureId },
          after: null,
        });
      }),
  };
}

export type MeetingItemsService = ReturnType<typeof createMeetingItemsService>;
