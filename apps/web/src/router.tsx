import { createRootRoute, createRoute, createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { ApiTokensPage } from './features/api-tokens/ApiTokensPage';
import { AuditPage } from './features/audit/AuditPage';
import { ExchangePage } from './features/exchange/ExchangePage';
import { LoginPage } from './features/auth/LoginPage';
import { AppLayout } from './features/layout/AppLayout';
import { MunicipalityPage } from './features/municipalities/MunicipalityPage';
import { MunicipalitySearchPage } from './features/municipalities/MunicipalitySearchPage';
import { GoalPage } from './features/goals/GoalPage';
import { GoalsPage } from './features/goals/GoalsPage';
import { FILTER_KEYS, MeasuresPage, type MeasureFilters } from './features/measures/MeasuresPage';
import { MeetingPage } from './features/meetings/MeetingPage';
import { MeetingsPage, type MeetingFilters } from './features/meetings/MeetingsPage';
import { MinutesPrintPage } from './features/meetings/MinutesPrintPage';
import { MyTasksPage } from './features/meetings/MyTasksPage';
import { YearPlanPage, type YearPlanSearch } from './features/meetings/YearPlanPage';
import { MembersPage } from './features/members/MembersPage';
import { OrganizationsPage } from './features/organizations/OrganizationsPage';
import { SltPage } from './features/slt/SltPage';
import { FocusAreasPage, TargetGroupsPage } from './features/target-groups/TargetGroupsPage';
import { TiersPage } from './features/tiers/TiersPage';

const rootRoute = createRootRoute({ component: AppLayout });

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): { q?: string; county?: string } => ({
    ...(typeof search['q'] === 'string' && search['q'] ? { q: search['q'] } : {}),
    ...(typeof search['county'] === 'string' && /^[0-9]{2}$/.test(search['county']) ? { county: search['county'] } : {}),
  }),
  component: MunicipalitySearchPage,
});

const municipalityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer',
  component: MunicipalityPage,
});

const apiTokensRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer/api-tokens',
  component: ApiTokensPage,
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer/audit',
  component: AuditPage,
});

const exchangeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer/exchange',
  component: ExchangePage,
});

const page = <const P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

// The SLT setup: the chart (public), and the pages where coordinators manage each part.
const sltRoutes = [
  page('/municipalities/$kommunenummer/slt', SltPage),
  page('/municipalities/$kommunenummer/tiers', TiersPage),
  page('/municipalities/$kommunenummer/members', MembersPage),
  page('/municipalities/$kommunenummer/organizations', OrganizationsPage),
  page('/municipalities/$kommunenummer/target-groups', TargetGroupsPage),
  page('/municipalities/$kommunenummer/focus-areas', FocusAreasPage),
  page('/municipalities/$kommunenummer/goals', GoalsPage),
  page('/municipalities/$kommunenummer/goals/$goalId', GoalPage),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/municipalities/$kommunenummer/measures',
    validateSearch: (search: Record<string, unknown>): MeasureFilters =>
      Object.fromEntries(FILTER_KEYS.filter((k) => typeof search[k] === 'string' && search[k]).map((k) => [k, search[k] as string])),
    component: MeasuresPage,
  }),
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Meetings and their follow-up: the calendar, one meeting and its printable minutes, the year plan, my tasks.
const meetingRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/municipalities/$kommunenummer/meetings',
    validateSearch: (search: Record<string, unknown>): MeetingFilters =>
      typeof search['tierId'] === 'string' && UUID.test(search['tierId']) ? { tierId: search['tierId'] } : {},
    component: MeetingsPage,
  }),
  page('/municipalities/$kommunenummer/meetings/$meetingId', MeetingPage),
  page('/municipalities/$kommunenummer/meetings/$meetingId/minutes', MinutesPrintPage),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/municipalities/$kommunenummer/year-plan',
    validateSearch: (search: Record<string, unknown>): YearPlanSearch =>
      typeof search['year'] === 'string' && /^20[0-9]{2}$|^2100$/.test(search['year']) ? { year: search['year'] } : {},
    component: YearPlanPage,
  }),
  page('/municipalities/$kommunenummer/tasks', MyTasksPage),
] as const;

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });

const routeTree = rootRoute.addChildren([searchRoute, municipalityRoute, apiTokensRoute, auditRoute, exchangeRoute, ...sltRoutes, ...meetingRoutes, loginRoute]);

// Plain query strings (`?county=34`), not JSON-encoded values: every search value here is a string.
export const router = createRouter({
  routeTree,
  parseSearch: parseSearchWith((value) => value),
  stringifySearch: stringifySearchWith((value) => String(value)),
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
