import { routes, type Member, type Membership, type Tier } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { hasRole, useSession } from '../auth/session';
import { municipalityQueries } from '../municipalities/queries';
import { useList } from '../resources/api';

/** Who is asking (reads differ for the municipality's users), and what they may do. */
export function useViewer(kommunenummer: string) {
  const { user, ready } = useSession();
  return {
    ready,
    signedIn: user !== null,
    /** Part of the query keys of reads that depend on who asks. */
    viewer: user?.id ?? 'anonymous',
    internal: hasRole(user, kommunenummer, 'member'),
    canManage: hasRole(user, kommunenummer, 'coordinator'),
  };
}

export function useMunicipalityName(kommunenummer: string): string {
  const municipality = useQuery(municipalityQueries.detail(kommunenummer));
  return municipality.data?.name ?? kommunenummer;
}

/** The municipality's tiers and members (the setup's cached lists), with name lookups. */
export function useTiersAndMembers(kommunenummer: string) {
  const tiers = useList<Tier>(kommunenummer, 'tiers', routes.listTiers);
  const members = useList<Member>(kommunenummer, 'members', routes.listMembers);
  const activeMembers = (members.data ?? []).filter((m) => !m.erasedAt);
  const { user } = useSession();
  const email = user?.email.toLowerCase();
  // The signed-in user's own member records (same e-mail), as the API resolves "mine".
  const myMemberIds = new Set(activeMembers.filter((m) => email && m.email?.toLowerCase() === email).map((m) => m.id));
  return {
    tiers: tiers.data ?? [],
    members: members.data ?? [],
    ready: tiers.isSuccess && members.isSuccess,
    tierName: (id: string) => tiers.data?.find((tier) => tier.id === id)?.name ?? '',
    memberName: (id: string | null) => (id ? (members.data?.find((m) => m.id === id)?.name ?? '') : ''),
    myMemberIds,
    memberOptions: activeMembers.map((m) => ({ value: m.id, label: m.roleTitle ? `${m.name}, ${m.roleTitle}` : m.name! })),
  };
}

/** The current members of a tier (who should attend its meetings). */
export function useCurrentMemberships(kommunenummer: string, tierId: string) {
  return useList<Membership>(kommunenummer, 'memberships', routes.listMemberships, { tierId }, { current: true });
}
