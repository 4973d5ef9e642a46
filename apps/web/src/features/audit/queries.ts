import { routes } from '@slt/shared/browser';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../api';

/** What the log is narrowed to: an entity kind, an action, a person (user or token id), a period (dates, Oslo time). */
export interface AuditFilters {
  entity?: string;
  action?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

/** Midnight Oslo time of a `YYYY-MM-DD`, as an instant with its offset (winter +01:00, summer +02:00). */
function osloMidnight(date: string): string {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const oslo = new Date(noonUtc.toLocaleString('en-US', { timeZone: 'Europe/Oslo' }));
  const offsetHours = Math.round((oslo.getTime() - new Date(noonUtc.toLocaleString('en-US', { timeZone: 'UTC' })).getTime()) / 3_600_000);
  return `${date}T00:00:00+0${offsetHours}:00`;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const auditQueries = {
  all: (kommunenummer: string) => ['municipality', kommunenummer, 'audit'] as const,
  list: (kommunenummer: string, filters: AuditFilters = {}) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(kommunenummer), filters],
      queryFn: ({ pageParam, signal }) =>
        api.call(routes.listAuditEntries, {
          params: { kommunenummer },
          query: {
            limit: 50,
            ...(filters.entity ? { entity: filters.entity } : {}),
            ...(filters.action ? { action: filters.action } : {}),
            ...(filters.actorId ? { actorId: filters.actorId } : {}),
            ...(filters.from ? { from: osloMidnight(filters.from) } : {}),
            // "To" includes that whole day.
            ...(filters.to ? { to: osloMidnight(nextDay(filters.to)) } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
};
