import { Type } from 'typebox';
import { defineRoute, setupWrite as write, type Access } from '../contract.js';
import {
  CreateGrantApplicationSchema,
  GrantApplicationListSchema,
  GrantApplicationParamsSchema,
  GrantApplicationSchema,
  GrantReportSchema,
  UpdateGrantApplicationSchema,
} from '../schemas/grants.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';

/** Internal reads: the municipality's users (any role) and its API tokens with the read scope. */
const internalRead = { kind: 'municipality', role: 'member', tokenScope: 'read' } as const satisfies Access;
const changed = [400, 401, 403, 404, 412, 428] as const;

/** Applications for the state SLT grant (internal), their deadlines in the year plan, and the grant report. */
export const grantRoutes = {
  listGrantApplications: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications',
    operationId: 'listGrantApplications',
    tags: ['reports'],
    summary: "The municipality's SLT grant applications, newest period first",
    access: internalRead,
    params: MunicipalityParamsSchema,
    response: { 200: GrantApplicationListSchema },
    problems: [400, 401, 404],
  }),
  getGrantApplication: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications/:grantApplicationId',
    operationId: 'getGrantApplication',
    tags: ['reports'],
    summary: 'One grant application (with an ETag)',
    access: internalRead,
    params: GrantApplicationParamsSchema,
    response: { 200: GrantApplicationSchema },
    problems: [400, 401, 404],
    etag: true,
  }),
  createGrantApplication: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications',
    operationId: 'createGrantApplication',
    tags: ['reports'],
    summary: 'Record a grant application (own funding under 20 % is flagged, not refused)',
    description: 'The period may span at most 3 years; the goals must be goals of the municipality.',
    access: write,
    params: MunicipalityParamsSchema,
    body: CreateGrantApplicationSchema,
    response: { 201: GrantApplicationSchema },
    problems: [400, 401, 403, 404],
    etag: true,
    location: '/api/v1/municipalities/:kommunenummer/grant-applications/:id',
  }),
  updateGrantApplication: defineRoute({
    method: 'PATCH',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications/:grantApplicationId',
    operationId: 'updateGrantApplication',
    tags: ['reports'],
    summary: 'Change a grant application: the amount granted, accounts per budget line… (If-Match required)',
    access: write,
    params: GrantApplicationParamsSchema,
    body: UpdateGrantApplicationSchema,
    response: { 200: GrantApplicationSchema },
    problems: changed,
    etag: true,
    ifMatch: true,
  }),
  deleteGrantApplication: defineRoute({
    method: 'DELETE',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications/:grantApplicationId',
    operationId: 'deleteGrantApplication',
    tags: ['reports'],
    summary: 'Remove a grant application (If-Match required)',
    access: write,
    params: GrantApplicationParamsSchema,
    response: { 204: Type.Null() },
    problems: changed,
    ifMatch: true,
  }),
  getGrantReport: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/grant-applications/:grantApplicationId/report',
    operationId: 'getGrantReport',
    tags: ['reports'],
    summary: "The grant report: each of the application's goals with what was achieved, and budget against accounts",
    access: internalRead,
    params: GrantApplicationParamsSchema,
    response: { 200: GrantReportSchema },
    problems: [400, 401, 404],
  }),
} as const;
