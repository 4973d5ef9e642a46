import {
  type RouteComponent,
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  parseSearchWith,
  stringifySearchWith,
} from '@tanstack/react-router';
import { hadSession, queryClient } from './api';
import { AppLayout } from './features/layout/AppLayout';
import { FILTER_KEYS } from './features/measures/filters';
import type { MeasureFilters } from './features/measures/filters';
import type { MeetingFilters } from './features/meetings/MeetingsPage';
import type { YearPlanSearch } from './features/meetings/YearPlanPage';
import { setupQuery } from './features/slt/queries';

// Every page is its own chunk, loaded when its route is first shown.
const ApiTokensPage = lazyRouteComponent(() => import('./features/api-tokens/ApiTokensPage'), 'ApiTokensPage');
const AuditPage = lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage');
const MailPage = lazyRouteComponent(() => import('./features/mail/MailPage'), 'MailPage');
const MailPreferencesPage = lazyRouteComponent(() => import('./features/mail/MailPreferencesPage'), 'MailPreferencesPage');
const ExchangePage = lazyRouteComponent(() => import('./features/exchange/ExchangePage'), 'ExchangePage');
const PlansPage = lazyRouteComponent(() => import('./features/plans/PlansPage'), 'PlansPage');
const PlanPage = lazyRouteComponent(() => import('./features/plans/PlanPage'), 'PlanPage');
const AnnualReportIndex = lazyRouteComponent(() => import('./features/reports/AnnualReportPage'), 'AnnualReportIndex');
const AnnualReportPage = lazyRouteComponent(() => import('./features/reports/AnnualReportPage'), 'AnnualReportPage');
const GrantsPage = lazyRouteComponent(() => import('./features/reports/GrantsPage'), 'GrantsPage');
const GrantPage = lazyRouteComponent(() => import('./features/reports/GrantPage'), 'GrantPage');
const StatusAnalysesPage = lazyRouteComponent(() => import('./features/reports/StatusAnalysesPage'), 'StatusAnalysesPage');
const StatusAnalysisPage = lazyRouteComponent(() => import('./features/reports/StatusAnalysisPage'), 'StatusAnalysisPage');
const LoginPage = lazyRouteComponent(() => import('./features/auth/LoginPage'), 'LoginPage');
const MunicipalityPage = lazyRouteComponent(() => import('./features/municipalities/MunicipalityPage'), 'MunicipalityPage');
const MunicipalitySearchPage = lazyRouteComponent(
  () => import('./features/municipalities/MunicipalitySearchPage'),
  'MunicipalitySearchPage',
);
const GoalPage = lazyRouteComponent(() => import('./features/goals/GoalPage'), 'GoalPage');
const GoalsPage = lazyRouteComponent(() => import('./features/goals/GoalsPage'), 'GoalsPage');
const MeasuresPage = lazyRouteComponent(() => import('./features/measures/MeasuresPage'), 'MeasuresPage');
const MeetingPage = lazyRouteComponent(() => import('./features/meetings/MeetingPage'), 'MeetingPage');
const MeetingsPage = lazyRouteComponent(() => import('./features/meetings/MeetingsPage'), 'MeetingsPage');
const MinutesPrintPage = lazyRouteComponent(() => import('./features/meetings/MinutesPrintPage'), 'MinutesPrintPage');
const MyTasksPage = lazyRouteComponent(() => import('./features/meetings/MyTasksPage'), 'MyTasksPage');
const YearPlanPage = lazyRouteComponent(() => import('./features/meetings/YearPlanPage'), 'YearPlanPage');
const MembersPage = lazyRouteComponent(() => import('./features/members/MembersPage'), 'MembersPage');
const OrganizationsPage = lazyRouteComponent(() => import('./features/organizations/OrganizationsPage'), 'OrganizationsPage');
const SltPage = lazyRouteComponent(() => import('./features/slt/SltPage'), 'SltPage');
const FocusAreasPage = lazyRouteComponent(() => import('./features/target-groups/TargetGroupsPage'), 'FocusAreasPage');
const TargetGroupsPage = lazyRouteComponent(() => import('./features/target-groups/TargetGroupsPage'), 'TargetGroupsPage');
const HomePage = lazyRouteComponent(() => import('./features/home/HomePage'), 'HomePage');
const MyMunicipalitiesPage = lazyRouteComponent(() => import('./features/home/MyMunicipalitiesPage'), 'MyMunicipalitiesPage');
const AcceptInvitationPage = lazyRouteComponent(() => import('./features/users/AcceptInvitationPage'), 'AcceptInvitationPage');
const SignInProvidersPage = lazyRouteComponent(() => import('./features/sign-in/SignInProvidersPage'), 'SignInProvidersPage');
const UsersPage = lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage');
const TiersPage = lazyRouteComponent(() => import('./features/tiers/TiersPage'), 'TiersPage');
const ProfileRoutePage = lazyRouteComponent(() => import('./features/profile/ProfileRoutePage'), 'ProfileRoutePage');

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

const mailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer/mail',
  component: MailPage,
});

const exchangeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/municipalities/$kommunenummer/exchange',
  component: ExchangePage,
});

const page = <const P extends string>(path: P, component: RouteComponent) =>
  createRoute({ getParentRoute: () => rootRoute, path, component });

// The SLT setup: the chart (public), and the pages where coordinators manage each part.
const sltRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/municipalities/$kommunenummer/slt',
    // The public chart's data is asked for while the page's code loads, not after (a browser with no
    // session to restore gets the public view; one that has a session waits for it, as the page
    // does). The route waits for the chart (index.html has preloaded it), so the page's first render
    // is the whole chart, which React renders in slices, rather than a spinner and then the chart in
    // one long task. The measures list below it asks for its page once it is rendered: a request
    // before the first paint was one more round trip on the way to it. A failure is left to the
    // page's own query to show.
    loader: async ({ params }) => {
      if (hadSession()) return;
      await queryClient.prefetchQuery(setupQuery(params.kommunenummer, false));
    },
    component: SltPage,
  }),
  page('/municipalities/$kommunenummer/tiers', TiersPage),
  page('/municipalities/$kommunenummer/profile', ProfileRoutePage),
  page('/municipalities/$kommunenummer/profile/$part', ProfileRoutePage),
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
  page('/municipalities/$kommunenummer/plans', PlansPage),
  page('/municipalities/$kommunenummer/annual-reports', AnnualReportIndex),
  page('/municipalities/$kommunenummer/annual-reports/$year', AnnualReportPage),
  page('/municipalities/$kommunenummer/grant-applications', GrantsPage),
  page('/municipalities/$kommunenummer/grant-applications/$grantApplicationId', GrantPage),
  page('/municipalities/$kommunenummer/status-analyses', StatusAnalysesPage),
  page('/municipalities/$kommunenummer/status-analyses/$statusAnalysisId', StatusAnalysisPage),
  page('/municipalities/$kommunenummer/plans/$planId', PlanPage),
] as const;

/** `?sso=` is set by the API's single sign-on callback: `done` (with `next`), or why it refused. */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { sso?: string; next?: string } => ({
    ...(typeof search['sso'] === 'string' && /^[a-z_]{1,20}$/.test(search['sso']) ? { sso: search['sso'] } : {}),
    ...(typeof search['next'] === 'string' && /^\/[A-Za-z0-9/_-]*$/.test(search['next']) ? { next: search['next'] } : {}),
  }),
  component: LoginPage,
});

// The signed-in user's workspace: where they land, their municipality's home, who has access, their mail choices.
const workspaceRoutes = [
  page('/home', MyMunicipalitiesPage),
  page('/municipalities/$kommunenummer/home', HomePage),
  page('/municipalities/$kommunenummer/users', UsersPage),
  page('/municipalities/$kommunenummer/sign-in', SignInProvidersPage),
  page('/invitation', AcceptInvitationPage),
  page('/me/mail', MailPreferencesPage),
] as const;

const routeTree = rootRoute.addChildren([
  searchRoute,
  municipalityRoute,
  apiTokensRoute,
  auditRoute,
  mailRoute,
  exchangeRoute,
  ...sltRoutes,
  ...meetingRoutes,
  ...workspaceRoutes,
  loginRoute,
]);

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
