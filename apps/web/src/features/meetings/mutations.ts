import { routes, type Meeting, type ResponseBody, type RouteContract } from '@slt/shared/browser';
import { useQueryClient } from '@tanstack/react-query';
import { sltKey, writeTo, type MunicipalityWrite } from '../resources/api';
import { meetingsKey, type WithEtag } from './api';

/**
 * Writes to meetings, action items and key dates, typed from the contract:
 * `send(routes.updateMeeting, { params: { meetingId }, body: { status }, etag })`. A write that
 * answers with the meeting puts it (and its new ETag) in the cache at once, so the next write sends
 * the right If-Match; afterwards the meetings' part of the municipality refetches (the compliance
 * panel too; the setup when a decision created a measure) before the promise resolves.
 */
export function useMeetingWrite(kommunenummer: string) {
  const queryClient = useQueryClient();
  return {
    async send<C extends RouteContract>(route: C, write: MunicipalityWrite<C>): Promise<{ body: ResponseBody<C>; etag: string }> {
      try {
        const answer = await writeTo(kommunenummer, route, write);
        // Writes that answer with the whole meeting (it has an agenda) update its cache entry.
        const answered: object | null = answer.body ?? null;
        if (answered !== null && 'agenda' in answered) {
          const meeting = answered as Meeting;
          queryClient.setQueriesData<WithEtag<Meeting>>({ queryKey: meetingsKey(kommunenummer, 'meeting', meeting.id) }, () => ({
            item: meeting,
            etag: answer.etag,
          }));
        }
        return answer;
      } finally {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: meetingsKey(kommunenummer) }),
          (route as RouteContract) === (routes.createDecision as RouteContract)
            ? queryClient.invalidateQueries({ queryKey: sltKey(kommunenummer) })
            : undefined,
        ]);
      }
    },
  };
}
