import { routes, type CreateApiToken } from '@slt/shared/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { apiTokenQueries } from './queries';

export function useCreateApiToken(kommunenummer: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiToken) => api.call(routes.createApiToken, { params: { kommunenummer }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenQueries.all(kommunenummer) }),
  });
}

export function useRevokeApiToken(kommunenummer: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => api.call(routes.revokeApiToken, { params: { kommunenummer, tokenId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokenQueries.all(kommunenummer) }),
  });
}
