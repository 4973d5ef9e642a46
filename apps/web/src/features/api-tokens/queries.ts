import { routes } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';

export const apiTokenQueries = {
  all: (kommunenummer: string) => ['municipality', kommunenummer, 'api-tokens'] as const,
  list: (kommunenummer: string) =>
    queryOptions({
      queryKey: apiTokenQueries.all(kommunenummer),
      queryFn: ({ signal }) => api.call(routes.listApiTokens, { params: { kommunenummer }, signal }),
    }),
};
