import { routes, type CreateInvitation, type Role } from '@slt/shared/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { municipalityKey } from '../resources/api';

/** User administration writes, typed from the contract; the municipality's state refetches afterwards. */
export function useUserWrites(kommunenummer: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: municipalityKey(kommunenummer) });
  return {
    invite: useMutation({
      mutationFn: (body: CreateInvitation) => api.call(routes.inviteUser, { params: { kommunenummer }, body }),
      onSettled: refresh,
    }),
    setRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
        api.call(routes.setMunicipalityUserRole, { params: { kommunenummer, userId }, body: { role } }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => api.call(routes.removeMunicipalityUser, { params: { kommunenummer, userId } }),
      onSettled: refresh,
    }),
  };
}

/** Sets an invited user's password with the secret of their link (no session needed). */
export const acceptInvitation = (token: string, password: string) => api.call(routes.acceptInvitation, { body: { token, password } });
