import type { ActionItem, Meeting } from '@slt/shared';
import { found } from '../../lib/audited.js';
import { ConflictError, InvalidFieldError } from '../../lib/errors.js';
import { osloDay } from '../../lib/oslo-time.js';
import type { Caller } from '../../lib/scope.js';
import type { ActionItemRow } from '../action-items/action-items.repository.js';
import type { MeetingFactsRow, MeetingRow, MeetingTree, WritableMeeting } from './meetings.repository.js';

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
export function meetingFacts(m: MeetingFactsRow): Meeting {
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
    (item) =>
      !item.closed ||
      caller.allClosed ||
      item.readers.some((id) => mine.has(id)) ||
      (item.ownerMemberId !== null && mine.has(item.ownerMemberId)),
  );
  const hiddenItems = new Set(tree.agenda.filter((item) => !visible.includes(item)).map((item) => item.id));
  const decisions = tree.decisions.filter((d) => d.agendaItemId === null || !hiddenItems.has(d.agendaItemId));
  const hiddenDecisions = new Set(tree.decisions.filter((d) => !decisions.includes(d)).map((d) => d.id));
  const shown = (items: ActionItemRow[]) =>
    items.filter((a) => a.decisionId === null || !hiddenDecisions.has(a.decisionId)).map((a) => toActionItem(a));
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
    minutesApprovedAt: tree.meeting.minutesApprovedAt?.toISOString() ?? null,
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
export interface MeetingChange {
  meeting?: Partial<WritableMeeting>;
  bumpSequence?: boolean;
  audit?: (after: MeetingTree) => Promise<void>;
}

export const auditable = (m: MeetingRow | undefined) =>
  m
    ? {
        tierId: m.tierId,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        place: m.place,
        status: m.status,
        minutes: m.minutes,
        minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
      }
    : null;

export const instant = (field: string, value: string): Date => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidFieldError({ in: 'body', name: field, detail: 'is not a valid instant' });
  return date;
};

export function requireTimeOrder(startsAt: Date, endsAt: Date): void {
  if (endsAt < startsAt) {
    throw new InvalidFieldError({
      in: 'body',
      name: 'endsAt',
      detail: `the meeting ends (${endsAt.toISOString()}) before it starts (${startsAt.toISOString()})`,
      code: 'before_start',
    });
  }
}

/** A meeting is marked held only once it has started: compliance cannot be met in advance. */
export function requireHeldInPast(status: string | undefined, startsAt: Date): void {
  if (status === 'held' && startsAt.getTime() > Date.now()) {
    throw new InvalidFieldError({
      in: 'body',
      name: 'status',
      detail: 'a meeting that has not started yet cannot be marked held',
      code: 'in_future',
    });
  }
}

/** What every member of the tier may see of a meeting: the internal view without closed items (the minutes mail's view). */
export const MEMBERS_VIEW: Caller = Object.freeze({ internal: true, allClosed: false, manages: false, email: null });

/**
 * Approving the minutes needs a held meeting with minutes, as the change leaves it (400 naming
 * `minutesApproved`, coded `not_held` or `no_minutes`).
 */
export function requireApprovableMinutes(status: string, minutes: string | null): void {
  if (status !== 'held') {
    throw new InvalidFieldError({
      in: 'body',
      name: 'minutesApproved',
      detail: 'only the minutes of a held meeting can be approved',
      code: 'not_held',
    });
  }
  if (!minutes?.trim()) {
    throw new InvalidFieldError({
      in: 'body',
      name: 'minutesApproved',
      detail: 'the meeting has no minutes to approve',
      code: 'no_minutes',
    });
  }
}

/**
 * Approved minutes are what was mailed to the members: afterwards a change may not touch the
 * minutes or move the meeting away from `held` (409 naming the field, coded `minutes_approved`).
 */
export function requireUnlockedMinutes(
  before: { minutes: string | null; status: string; minutesApprovedAt: Date | null },
  patch: { minutes?: string | null; status?: string },
): void {
  if (before.minutesApprovedAt === null) return;
  const field =
    patch.minutes !== undefined && (patch.minutes ?? '') !== (before.minutes ?? '')
      ? 'minutes'
      : patch.status !== undefined && patch.status !== before.status
        ? 'status'
        : undefined;
  if (field) {
    throw new ConflictError('The minutes are approved and were mailed to the members: they can no longer change.', {
      in: 'body',
      name: field,
      detail: 'the minutes are approved',
      code: 'minutes_approved',
    });
  }
}

/** An agenda item referred to in a body must be one of this meeting's (400 naming agendaItemId). */
export function agendaItemField(tree: MeetingTree, itemId: string): void {
  if (!tree.agenda.some((i) => i.id === itemId)) {
    throw new InvalidFieldError({ in: 'body', name: 'agendaItemId', detail: `${itemId} is not an agenda item of this meeting` });
  }
}

export function decisionOf(tree: MeetingTree, decisionId: string) {
  return found(
    tree.decisions.find((d) => d.id === decisionId),
    `There is no decision ${decisionId} in meeting ${tree.meeting.id}.`,
  );
}
