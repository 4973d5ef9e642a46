import { routes, type ActionItemListQuery, type Meeting, type MeetingListQuery } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { municipalityKey } from '../resources/api';

/**
 * Server state of a municipality's meetings. Every key starts with ['municipality', kommunenummer, 'meetings']:
 * one invalidation after any write refreshes the meeting, the lists, the year plan, the tasks and
 * the compliance panel together. Reads that depend on who asks carry the viewer in the key.
 */
export const meetingsKey = (kommunenummer: string, ...rest: unknown[]) => municipalityKey(kommunenummer, 'meetings', ...rest);

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
      queryFn: async ({ signal }) =>
        (await api.call(routes.listActionItems, { params: { kommunenummer }, query: { limit: 500, ...query }, signal })).items,
    }),
};
