import type { Meeting } from '@slt/shared';
import type { Db, Executor } from '../../db/client.js';
import { found } from '../../lib/audited.js';
import { checkVersion, type ExpectedVersion } from '../../lib/etag.js';
import type { Caller, Scope } from '../../lib/scope.js';
import { createActionItemsRepository } from '../action-items/action-items.repository.js';
import { toMeeting, type MeetingChange } from './meeting-view.js';
import { createMeetingsRepository, type MeetingTree } from './meetings.repository.js';

/**
 * How the meeting services reach a meeting as the caller sees it, and change it under its lock:
 * shared by the meeting's own service and the service of its parts (agenda, attendance, decisions).
 */
export function createMeetingAccess(db: Db) {
  const notFound = (k: string, id: string) => `There is no meeting ${id} in ${k}.`;

  /** The members the caller is in this municipality (by e-mail); none for tokens and anonymous callers. */
  const memberIdsOf = async (tx: Executor, k: string, caller: Caller) =>
    caller.internal && !caller.allClosed && caller.email ? createActionItemsRepository(tx).membersWithEmail(k, caller.email) : [];

  async function view(tx: Executor, { kommunenummer: k, caller }: Pick<Scope, 'kommunenummer' | 'caller'>, id: string): Promise<Meeting> {
    const tree = found(await createMeetingsRepository(tx).find(k, id), notFound(k, id));
    return toMeeting(tree, caller, await memberIdsOf(tx, k, caller));
  }

  /**
   * Locks the meeting, checks If-Match against the ETag of the caller's own view of it, changes it,
   * writes the meeting's own fields the change returns in the same UPDATE that touches it (so its
   * ETag moves), reads it once more for the change's audit row and answers with the caller's view.
   */
  async function changeMeeting(
    { kommunenummer: k, caller }: Pick<Scope, 'kommunenummer' | 'caller'>,
    { id, expected }: { id: string; expected: ExpectedVersion },
    change: (tx: Executor, before: MeetingTree) => Promise<MeetingChange | void>,
  ): Promise<Meeting> {
    return db.transaction(async (tx) => {
      const repo = createMeetingsRepository(tx);
      const before = found(await repo.find(k, id, { forUpdate: true }), notFound(k, id));
      const mine = await memberIdsOf(tx, k, caller);
      checkVersion(expected, toMeeting(before, caller, mine));
      const result = await change(tx, before);
      await repo.update(id, result?.meeting ?? {}, result ?? {});
      const after = (await repo.find(k, id))!;
      await result?.audit?.(after);
      return toMeeting(after, caller, mine);
    });
  }

  const agendaItemOf = (tree: MeetingTree, itemId: string) =>
    found(
      tree.agenda.find((i) => i.id === itemId),
      `There is no agenda item ${itemId} in meeting ${tree.meeting.id}.`,
    );

  return { notFound, memberIdsOf, view, changeMeeting, agendaItemOf };
}

export type MeetingAccess = ReturnType<typeof createMeetingAccess>;
