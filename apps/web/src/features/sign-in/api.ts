import { routes, type CreateOidcProvider } from '@slt/shared/browser';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** The OpenID providers (all of them: the list is the administrators'; each page shows its municipality's). */
export const providersQuery = queryOptions({
  queryKey: ['oidc-providers'] as const,
  queryFn: async ({ signal }) => (await api.call(routes.listOidcProviders, { signal })).items,
});

/** Adding and removing providers; the list and the sign-in page's buttons refetch afterwards. */
export function useProviderWrites() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: providersQuery.queryKey });
    await queryClient.invalidateQueries({ queryKey: ['sign-in-options'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateOidcProvider) => api.call(routes.createOidcProvider, { body }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (providerId: string) => api.call(routes.deleteOidcProvider, { params: { providerId } }),
      onSettled: refresh,
    }),
  };
}
