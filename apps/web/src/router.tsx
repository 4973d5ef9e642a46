import { createRootRoute, createRoute, createRouter, parseSearchWith, stringifySearchWith } from '@tanstack/react-router';
import { ApiTokensPage } from './features/api-tokens/ApiTokensPage';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { AppLayout } from './features/layout/AppLayout';
import { MunicipalityPage } from './features/municipalities/MunicipalityPage';
import { MunicipalitySearchPage } from './features/municipalities/MunicipalitySearchPage';

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

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });

const routeTree = rootRoute.addChildren([searchRoute, municipalityRoute, apiTokensRoute, auditRoute, loginRoute]);

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
