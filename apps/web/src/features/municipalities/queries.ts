import { routes, type MunicipalityListQuery } from '@slt/shared/browser';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api';

type Filter = Pick<MunicipalityListQuery, 'q' | 'county'>;

/** Query options for municipality data; keys nest under ['municipalities'] for precise invalidation. */
export const municipalityQueries = {
  all: () => ['municipalities'] as const,
  lists: () => [...municipalityQueries.all(), 'list'] as const,
  list: (filter: Filter) =>
    infiniteQueryOptions({
      queryKey: [...municipalityQueries.lists(), filter] as const,
      queryFn: ({ pageParam, signal }) =>
        api.call(routes.listMunicipalities, {
          query: { ...filter, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) },
          signal,
        }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // While the next search loads, the previous results stay instead of the table flickering away.
      placeholderData: keepPreviousData,
    }),
  detail: (kommunenummer: string) =>
    queryOptions({
      queryKey: ['municipality', kommunenummer, 'detail'] as const,
      // The ETag comes along: an edit sends it back as If-Match.
      queryFn: async ({ signal }) => {
        const { body, headers } = await api.request(routes.getMunicipality, { params: { kommunenummer }, signal });
        return { ...body, etag: headers.get('etag') ?? '' };
      },
    }),
  counties: () =>
    queryOptions({
      queryKey: ['counties'] as const,
      queryFn: ({ signal }) => api.call(routes.listCounties, { signal }),
      staleTime: Infinity,
    }),
};
