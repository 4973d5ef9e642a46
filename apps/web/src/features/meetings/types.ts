import type { Meeting } from '@slt/shared/browser';
import type { WithEtag } from './api';
import type { useTiersAndMembers } from './hooks';

/** What every part of the meeting page gets: the meeting with its ETag, and the setup's names. */
export interface MeetingPartProps {
  kommunenummer: string;
  meeting: WithEtag<Meeting>;
  canManage: boolean;
  setup: ReturnType<typeof useTiersAndMembers>;
}
