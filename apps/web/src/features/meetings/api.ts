import {
  routes,
  type ActionItemListQuery,
  type Meeting,
  type MeetingListQuery,
  type RouteContract,
} from '@slt/shared/browser';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { sltKey } from '../resources/api';

/**
 * Server state of a municipality's meetings. Every key starts with ['meetings', kommunenummer]:
 * one invalidation after any write refreshes the meeting, the lists, the year plan, the tasks and
 * the compliance panel together. Reads that depend on who asks carry the viewer in the key.
 */
export const meetingsKey = (kommunenummer: string, ...rest: unknown[]) => ['meetings', kommunenummer, ...rest] as const;

export interface WithEtag<T> {
  item: T;
  etag: string;
}

export const meetingQueries = {
  list: (kommunenummer: string, query: MeetingListQuery, viewer: string) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'list', query, viewer),
      queryFn: ({ signal }) => api.call(routes.listMeetings, { params: { kommunenummer }, query, signal }),
    }),
  /** One meeting with its ETag: agenda, attendance and decisions are written with it as If-Match. */
  detail: (kommunenummer: string, meetingId: string, viewer: string) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'meeting', meetingId, viewer),
      queryFn: async ({ signal }): Promise<WithEtag<Meeting>> => {
        const { body, headers } = await api.request(routes.getMeeting, { params: { kommunenummer, meetingId }, signal });
        return { item: body, etag: headers.get('etag') ?? '' };
      },
    }),
  yearPlan: (kommunenummer: string, year: number, viewer: string) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'year-plan', year, viewer),
      queryFn: ({ signal }) => api.call(routes.getYearPlan, { params: { kommunenummer }, query: { year }, signal }),
    }),
  keyDates: (kommunenummer: string, viewer: string) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'key-dates', viewer),
      queryFn: async ({ signal }) => (await api.call(routes.listKeyDates, { params: { kommunenummer }, signal })).items,
    }),
  compliance: (kommunenummer: string, year: number) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'compliance', year),
      queryFn: ({ signal }) => api.call(routes.getCompliance, { params: { kommunenummer }, query: { year }, signal }),
    }),
  actionItems: (kommunenummer: string, query: ActionItemListQuery) =>
    queryOptions({
      queryKey: meetingsKey(kommunenummer, 'action-items', query),
      queryFn: async ({ signal }) => (await api.call(routes.listActionItems, { params: { kommunenummer }, query: { limit: 500, ...query }, signal })).items,
    }),
};

export interface MeetingWrite {
  route: RouteContract;
  params?: Record<string, string>;
  body?: unknown;
  etag?: string;
}

/**
 * A write to meetings, action items or key dates. A write that answers with the meeting puts it
 * (and its new ETag) in the cache at once, so the next write sends the right If-Match; afterwards
 * everything under ['meetings', kommunenummer] refetches (the compliance panel included) before
 * the promise resolves. A decision that creates a measure refreshes the setup too.
 */
export function useMeetingWrite(kommunenummer: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (write: MeetingWrite) => {
      const { body, headers } = await api.request(write.route, {
        params: { kommunenummer, ...write.params },
        body: write.body,
        headers: write.etag ? { 'if-match': write.etag } : {},
      } as never);
      return { body: body as unknown, etag: headers.get('etag') ?? '' };
    },
    onSuccess: ({ body, etag }) => {
      if (typeof body === 'object' && body !== null && 'agenda' in body) {
        const meeting = body as Meeting;
        queryClient.setQueriesData<WithEtag<Meeting>>({ queryKey: meetingsKey(kommunenummer, 'meeting', meeting.id) }, () => ({ item: meeting, etag }));
      }
    },
    onSettled: async (_data, _error, write) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meetingsKey(kommunenummer) }),
        write.route === routes.createDecision ? queryClient.invalidateQueries({ queryKey: sltKey(kommunenummer) }) : undefined,
      ]);
    },
  });
}
