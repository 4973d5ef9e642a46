import { routes } from '@slt/shared/browser';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../api';

export const auditQueries = {
  all: (kommunenummer: string) => ['municipality', kommunenummer, 'audit'] as const,
  list: (kommunenummer: string) =>
    infiniteQueryOptions({
      queryKey: auditQueries.all(kommunenummer),
      queryFn: ({ pageParam, signal }) =>
        api.call(routes.listAuditEntries, {
          params: { kommunenummer },
          query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
};
