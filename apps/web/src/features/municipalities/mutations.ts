import { routes, type UpdateMunicipality } from '@slt/shared/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { municipalityQueries } from './queries';

/** Saves a municipality's settings with If-Match; the detail and every list refetch afterwards. */
export function useUpdateMunicipality(kommunenummer: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, etag }: { patch: UpdateMunicipality; etag: string }) =>
      api.call(routes.updateMunicipality, { params: { kommunenummer }, body: patch, headers: { 'if-match': etag } }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['municipality', kommunenummer] }),
        queryClient.invalidateQueries({ queryKey: municipalityQueries.all() }),
      ]),
  });
}
