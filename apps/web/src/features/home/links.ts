import type { Role, User } from '@slt/shared/browser';
import { hasRole } from '../auth/session';

/** Every page of a municipality's workspace, grouped as on the home page, with the role it needs (null: public; admin: system administrators). */
export const WORKSPACE_GROUPS = [
  {
    key: 'setup',
    pages: [
      ['slt', '/municipalities/$kommunenummer/slt', null],
      ['tiers', '/municipalities/$kommunenummer/tiers', 'coordinator'],
      ['members', '/municipalities/$kommunenummer/members', 'coordinator'],
      ['organizations', '/municipalities/$kommunenummer/organizations', 'coordinator'],
      ['targetGroups', '/municipalities/$kommunenummer/target-groups', 'coordinator'],
      ['focusAreas', '/municipalities/$kommunenummer/focus-areas', 'coordinator'],
      ['goals', '/municipalities/$kommunenummer/goals', 'coordinator'],
      ['measures', '/municipalities/$kommunenummer/measures', 'coordinator'],
    ],
  },
  {
    key: 'meetings',
    pages: [
      ['meetings', '/municipalities/$kommunenummer/meetings', null],
      ['yearPlan', '/municipalities/$kommunenummer/year-plan', null],
      ['tasks', '/municipalities/$kommunenummer/tasks', 'member'],
      ['plans', '/municipalities/$kommunenummer/plans', 'coordinator'],
      ['annualReport', '/municipalities/$kommunenummer/annual-reports', 'member'],
      ['grants', '/municipalities/$kommunenummer/grant-applications', 'member'],
      ['statusAnalyses', '/municipalities/$kommunenummer/status-analyses', 'member'],
    ],
  },
  {
    key: 'admin',
    pages: [
      ['users', '/municipalities/$kommunenummer/users', 'coordinator'],
      ['apiTokens', '/municipalities/$kommunenummer/api-tokens', 'coordinator'],
      ['audit', '/municipalities/$kommunenummer/audit', 'coordinator'],
      ['mail', '/municipalities/$kommunenummer/mail', 'coordinator'],
      ['exchange', '/municipalities/$kommunenummer/exchange', 'coordinator'],
      ['signIn', '/municipalities/$kommunenummer/sign-in', 'admin'],
    ],
  },
] as const satisfies readonly { key: string; pages: readonly (readonly [string, string, Role | 'admin' | null])[] }[];

/** The groups with only the pages this user may open. */
export function workspaceGroupsFor(user: User | null, kommunenummer: string) {
  return WORKSPACE_GROUPS.map((group) => ({
    key: group.key,
    pages: group.pages.filter(
      ([, , role]: readonly [string, string, Role | 'admin' | null]) =>
        role === null || (role === 'admin' ? user?.isAdmin === true : hasRole(user, kommunenummer, role)),
    ),
  })).filter((group) => group.pages.length > 0);
}

/** The municipalities a user works in: their role grants (an administrator has none of their own). */
export const municipalitiesOf = (user: User | null): string[] => [...new Set((user?.roles ?? []).map((r) => r.kommunenummer))];
