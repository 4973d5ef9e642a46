import {
  MEASURE_TRANSITIONS,
  type ActionItem,
  type CreateAgendaItem,
  type CreateDecision,
  type CreateMeeting,
  type Meeting,
  type MeetingListQuery,
  type MeetingPage,
  type SetAttendance,
  type UpdateAgendaItem,
  type UpdateDecision,
  type UpdateMeeting,
} from '@slt/shared';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { measures } from '../../db/schema/index.js';
import { found, recordChange } from '../../lib/audited.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { ConflictError, InvalidFieldError, NotFoundError } from '../../lib/errors.js';
import { checkIfMatch, etagOf } from '../../lib/etag.js';
import { osloDay } from '../../lib/oslo-time.js';
import { checkReferences } from '../../lib/references.js';
import { createActionItemsRepository, type ActionItemRow } from '../action-items/action-items.repository.js';
import type { Actor } from '../audit/audit.repository.js';
import { createMunicipalitiesRepository } from '../municipalities/municipalities.repository.js';
import type { Caller } from './caller.js';
import { createMeetingsRepository, type MeetingRow, type MeetingTree, type WritableMeeting } from './meetings.repository.js';

/** An action item as the API shows it; `overdue` is open and due before today in Oslo. */
export function toActionItem(row: ActionItemRow, today = osloDay()): ActionItem {
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    meetingId: row.meetingId,
    tierId: row.tierId,
    decisionId: row.decisionId,
    description: row.description,
    responsibleMemberId: row.responsibleMemberId,
    dueDate: row.dueDate,
    status: row.status,
    reportBackMeetingId: row.reportBackMeetingId,
    overdue: row.status === 'open' && row.dueDate !== null && row.dueDate < today,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The public facts of a meeting: what calendars and intranets may show. */
export function meetingFacts(m: MeetingRow): Meeting {
  return {
    id: m.id,
    kommunenummer: m.kommunenummer,
    tierId: m.tierId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** What of a meeting a caller sees: the facts, or everything but closed items that do not name them. */
export function toMeeting(tree: MeetingTree, caller: Caller, callerMemberIds: readonly string[]): Meeting {
  const facts = meetingFacts(tree.meeting);
  if (!caller.internal) return facts;
  const mine = new Set(callerMemberIds);
  const visible = tree.agenda.filter(
    (item) => !item.closed || caller.allClosed || item.readers.some((id) => mine.has(id)) || (item.ownerMemberId !== null && mine.has(item.ownerMemberId)),
  );
  const hiddenItems = new Set(tree.agenda.filter((item) => !visible.includes(item)).map((item) => item.id));
  const decisions = tree.decisions.filter((d) => d.agendaItemId === null || !hiddenItems.has(d.agendaItemId));
  const hiddenDecisions = new Set(tree.decisions.filter((d) => !decisions.includes(d)).map((d) => d.id));
  const shown = (items: ActionItemRow[]) => items.filter((a) => a.decisionId === null || !hiddenDecisions.has(a.decisionId)).map((a) => toActionItem(a));
  return {
    ...facts,
    agenda: visible.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      description: item.description,
      ownerMemberId: item.ownerMemberId,
      closed: item.closed,
      visibleToMemberIds: item.readers,
    })),
    attendance: tree.attendance.map((a) => ({ memberId: a.memberId, status: a.status })),
    minutes: tree.meeting.minutes,
    decisions: decisions.map((d) => ({
      id: d.id,
      agendaItemId: d.agendaItemId,
      text: d.text,
      measureId: d.measureId,
      createdAt: d.createdAt.toISOString(),
    })),
    actionItems: shown(tree.actionItems),
    reportBackItems: shown(tree.reportBackItems),
  };
}

/** What a change of a meeting leaves to `changeMeeting`: the meeting's own fields, and its audit row once the meeting is read again. */
interface MeetingChange {
  meeting?: Partial<WritableMeeting>;
  bumpSequence?: boolean;
  audit?: (after: MeetingTree) => Promise<void>;
}

const auditable = (m: MeetingRow | undefined) =>
  m ? { tierId: m.tierId, title: m.title, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), place: m.place, status: m.status, minutes: m.minutes } : null;

const instant = (field: string, value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidFieldError({ in: 'body', name: field, detail: 'is not a valid instant' });
  return date;
};

function requireTimeOrder(startsAt: Date, endsAt: Date): void {
  if (endsAt < startsAt) {
    throw new InvalidFieldError({ in: 'body', name: 'endsAt', detail: `the meeting ends (${endsAt.toISOString()}) before it starts (${startsAt.toISOString()})` });
  }
}

export function createMeetingsService(deps: { db: Db }) {
  const { db } = deps;
  const notFound = (k: string, id: string) => `There is no meeting ${id} in ${k}.`;

  /** The members the caller is in this municipality (by e-mail); none for tokens and anonymous callers. */
  const memberIdsOf = async (tx: Executor, k: string, caller: Caller) =>
    caller.internal && !caller.allClosed && caller.email ? createActionItemsRepository(tx).membersWithEmail(k, caller.email) : [];

  async function view(tx: Executor, k: string, id: string, caller: Caller): Promise<Meeting> {
    const tree = found(await createMeetingsRepository(tx).find(k, id), notFound(k, id));
    return toMeeting(tree, caller, await memberIdsOf(tx, k, caller));
  }

  /**
   * Locks the meeting, checks If-Match against the ETag of the caller's own view of it, changes it,
   * writes the meeting's own fields the change returns in the same UPDATE that touches it (so its
   * ETag moves), reads it once more for the change's audit row and answers with the caller's view.
   */
  async function changeMeeting(
    k: string,
    id: string,
    caller: Caller,
    ifMatch: string | undefined,
    change: (tx: Executor, before: MeetingTree) => Promise<MeetingChange | void>,
  ): Promise<Meeting> {
    return db.transaction(async (tx) => {
      const repo = createMeetingsRepository(tx);
      const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
      const mine = await memberIdsOf(tx, k, caller);
      checkIfMatch(ifMatch, etagOf(toMeeting(before, caller, mine)));
      const result = await change(tx, before);
      await repo.update(id, result?.meeting ?? {}, result ?? {});
      const after = (await repo.find(k, id))!;
      await result?.audit?.(after);
      return toMeeting(after, caller, mine);
    });
  }

  const agendaItemOf = (tree: MeetingTree, itemId: string) =>
    found(tree.agenda.find((i) => i.id === itemId), `There is no agenda item ${itemId} in meeting ${tree.meeting.id}.`);

  return {
    async list(k: string, query: MeetingListQuery): Promise<MeetingPage> {
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
        throw new InvalidFieldError({ in: 'query', name: 'to', detail: `to (${query.to}) comes before from (${query.from})` });
      }
      const rows = await createMeetingsRepository(db).list(k, { ...query, after, limit });
      if (rows.length === 0 && !(await createMunicipalitiesRepository(db).get(k))) {
        throw new NotFoundError(`There is no municipality with kommunenummer ${k}.`);
      }
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(meetingFacts),
        nextCursor: rows.length > limit && last ? encodeCursor({ s: last.startsAt.toISOString(), i: last.id }) : null,
      };
    },

    get: (k: string, id: string, caller: Caller) => view(db, k, id, caller),

    async create(actor: Actor, caller: Caller, k: string, input: CreateMeeting): Promise<Meeting> {
      const startsAt = instant('startsAt', input.startsAt);
      const endsAt = instant('endsAt', input.endsAt);
      requireTimeOrder(startsAt, endsAt);
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
        await recordChange(tx, actor, { kommunenummer: k, entity: 'meeting', entityId: id, action: 'create', before: null, after: auditable(tree.meeting) });
        return toMeeting(tree, caller, await memberIdsOf(tx, k, caller));
      });
    },

    update: (actor: Actor, caller: Caller, k: string, id: string, patch: UpdateMeeting, ifMatch: string | undefined) => {
      return changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
        const startsAt = patch.startsAt === undefined ? before.meeting.startsAt : instant('startsAt', patch.startsAt);
        const endsAt = patch.endsAt === undefined ? before.meeting.endsAt : instant('endsAt', patch.endsAt);
        requireTimeOrder(startsAt, endsAt);
        const values = { ...patch, startsAt, endsAt };
        const facts = (m: MeetingRow) => JSON.stringify([m.title, m.startsAt.getTime(), m.endsAt.getTime(), m.place, m.status]);
        const b = before.meeting;
        const next = { ...b, ...values, place: patch.place === undefined ? b.place : patch.place };
        return {
          meeting: values,
          bumpSequence: facts(b) !== facts(next as MeetingRow),
          audit: (after) =>
            recordChange(tx, actor, { kommunenummer: k, entity: 'meeting', entityId: id, action: 'update', before: auditable(b), after: auditable(after.meeting) }),
        };
      });
    },

    async remove(actor: Actor, caller: Caller, k: string, id: string, ifMatch: string | undefined): Promise<void> {
      await db.transaction(async (tx) => {
        const repo = createMeetingsRepository(tx);
        const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
        checkIfMatch(ifMatch, etagOf(toMeeting(before, caller, await memberIdsOf(tx, k, caller))));
        const history = await repo.countHistory(id);
        if (before.meeting.status === 'held' || history.decisions > 0 || history.actionItems > 0) {
          throw new ConflictError('The meeting has been held or has decisions or action items: its history is kept. Cancel it instead.');
        }
        await repo.delete(id);
        await recordChange(tx, actor, { kommunenummer: k, entity: 'meeting', entityId: id, action: 'delete', before: auditable(before.meeting), after: null });
      });
    },

    addAgendaItem: (actor: Actor, caller: Caller, k: string, id: string, input: CreateAgendaItem, ifMatch: string | undefined) => {
      return changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
        await checkReferences(tx, k, [
          { field: 'ownerMemberId', table: 'members', ids: input.ownerMemberId },
          { field: 'visibleToMemberIds', table: 'members', ids: input.visibleToMemberIds },
        ]);
        const repo = createMeetingsRepository(tx);
        const position = Math.min(input.position ?? before.agenda.length + 1, before.agenda.length + 1);
        const itemId = await repo.insertAgendaItem(
          id,
          { title: input.title, description: input.description ?? null, ownerMemberId: input.ownerMemberId ?? null, closed: input.closed ?? false },
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
          after: { meetingId: id, position, title: input.title, description: input.description ?? null, closed: input.closed ?? false, visibleToMemberIds: input.visibleToMemberIds ?? [] },
        });
      });
    },

    updateAgendaItem: (actor: Actor, caller: Caller, k: string, id: string, itemId: string, patch: UpdateAgendaItem, ifMatch: string | undefined) => {
      return changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
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
        const fieldsOf = (i: typeof item) => ({ position: i.position, title: i.title, description: i.description, ownerMemberId: i.ownerMemberId, closed: i.closed, visibleToMemberIds: i.readers });
        return {
          audit: (after) =>
            recordChange(tx, actor, { kommunenummer: k, entity: 'agenda_item', entityId: itemId, action: 'update', before: fieldsOf(item), after: fieldsOf(agendaItemOf(after, itemId)) }),
        };
      });
    },

    removeAgendaItem: (actor: Actor, caller: Caller, k: string, id: string, itemId: string, ifMatch: string | undefined) =>
      changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
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

    setAttendance: (actor: Actor, caller: Caller, k: string, id: string, input: SetAttendance, ifMatch: string | undefined) =>
      changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
        const ids = input.attendance.map((a) => a.memberId);
        const duplicate = ids.find((memberId, index) => ids.indexOf(memberId) !== index);
        if (duplicate) throw new InvalidFieldError({ in: 'body', name: 'attendance', detail: `member ${duplicate} is listed twice` });
        await checkReferences(tx, k, [{ field: 'attendance', table: 'members', ids }]);
        await createMeetingsRepository(tx).setAttendance(id, input.attendance);
        const asMap = (rows: readonly { memberId: string; status: string }[]) => Object.fromEntries(rows.map((r) => [r.memberId, r.status]));
        await recordChange(tx, actor, {
          kommunenummer: k,
          entity: 'meeting',
          entityId: id,
          action: 'update',
          before: { attendance: asMap(before.attendance) },
          after: { attendance: asMap(input.attendance) },
        });
      }),

    addDecision: (actor: Actor, caller: Caller, k: string, id: string, input: CreateDecision, ifMatch: string | undefined) => {
      if (input.newMeasure && input.measureId) {
        throw new InvalidFieldError({ in: 'body', name: 'newMeasure', detail: 'give either measureId (an existing measure) or newMeasure, not both' });
      }
      if (input.measureStatus && !input.measureId) {
        throw new InvalidFieldError({ in: 'body', name: 'measureStatus', detail: 'changing a status needs the measureId of the measure' });
      }
      return changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
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
            after: { title: row!.title, description: row!.description, status: row!.status, decidedByTierId: row!.decidedByTierId, decidedAtMeetingId: id },
          });
        } else if (input.measureId && input.measureStatus) {
          const [measure] = await tx.select().from(measures).where(eq(measures.id, input.measureId)).for('update');
          const from = measure!.status;
          if (from !== input.measureStatus) {
            if (!MEASURE_TRANSITIONS[from].includes(input.measureStatus)) {
              throw new InvalidFieldError({ in: 'body', name: 'measureStatus', detail: `a measure cannot go from ${from} to ${input.measureStatus}` });
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
        const decisionId = await createMeetingsRepository(tx).insertDecision(id, { agendaItemId: input.agendaItemId ?? null, text: input.text, measureId });
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

    updateDecision: (actor: Actor, caller: Caller, k: string, id: string, decisionId: string, patch: UpdateDecision, ifMatch: string | undefined) => {
      return changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
        const decision = decisionOf(before, decisionId);
        if (patch.agendaItemId) agendaItemField(before, patch.agendaItemId);
        await createMeetingsRepository(tx).updateDecision(decisionId, patch);
        const fields = { text: decision.text, agendaItemId: decision.agendaItemId };
        await recordChange(tx, actor, { kommunenummer: k, entity: 'decision', entityId: decisionId, action: 'update', before: fields, after: { ...fields, ...patch } });
      });
    },

    removeDecision: (actor: Actor, caller: Caller, k: string, id: string, decisionId: string, ifMatch: string | undefined) =>
      changeMeeting(k, id, caller, ifMatch, async (tx, before) => {
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

/** An agenda item referred to in a body must be one of this meeting's (400 naming agendaItemId). */
function agendaItemField(tree: MeetingTree, itemId: string): void {
  if (!tree.agenda.some((i) => i.id === itemId)) {
    throw new InvalidFieldError({ in: 'body', name: 'agendaItemId', detail: `${itemId} is not an agenda item of this meeting` });
  }
}

function decisionOf(tree: MeetingTree, decisionId: string) {
  return found(tree.decisions.find((d) => d.id === decisionId), `There is no decision ${decisionId} in meeting ${tree.meeting.id}.`);
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
