import { routes } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';

export const userQueries = {
  list: (kommunenummer: string) =>
    queryOptions({
      queryKey: ['municipality', kommunenummer, 'users'] as const,
      queryFn: async ({ signal }) =>
        (await api.call(routes.listMunicipalityUsers, { params: { kommunenummer }, query: { limit: 200 }, signal })).items,
    }),
};
