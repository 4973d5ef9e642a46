import { defineRoute } from './contract.js';
import { HealthSchema } from './schemas/common.js';
import {
  CountyListSchema,
  MunicipalityListQuerySchema,
  MunicipalityPageSchema,
  MunicipalityParamsSchema,
  MunicipalitySchema,
} from './schemas/municipalities.js';

/** Every route of the API, by operationId. */
export const routes = {
  listMunicipalities: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities',
    operationId: 'listMunicipalities',
    tags: ['municipalities'],
    summary: 'List municipalities',
    description:
      'All 357 Norwegian municipalities, ordered by kommunenummer. Filter by county, search by ' +
      'name prefix, and page with `limit` and `cursor`.',
    access: 'public',
    querystring: MunicipalityListQuerySchema,
    response: { 200: MunicipalityPageSchema },
    problems: [400],
  }),
  getMunicipality: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer',
    operationId: 'getMunicipality',
    tags: ['municipalities'],
    summary: 'Get one municipality',
    access: 'public',
    params: MunicipalityParamsSchema,
    response: { 200: MunicipalitySchema },
    problems: [400, 404],
  }),
  listCounties: defineRoute({
    method: 'GET',
    path: '/api/v1/counties',
    operationId: 'listCounties',
    tags: ['municipalities'],
    summary: 'List the 15 counties',
    access: 'public',
    response: { 200: CountyListSchema },
    problems: [],
  }),
  healthLive: defineRoute({
    method: 'GET',
    path: '/api/health/live',
    operationId: 'healthLive',
    tags: ['health'],
    summary: 'Liveness: the process is up',
    access: 'public',
    response: { 200: HealthSchema },
    problems: [],
  }),
  healthReady: defineRoute({
    method: 'GET',
    path: '/api/health/ready',
    operationId: 'healthReady',
    tags: ['health'],
    summary: 'Readiness: the database answers',
    access: 'public',
    response: { 200: HealthSchema },
    problems: [503],
  }),
} as const;

export type Routes = typeof routes;
