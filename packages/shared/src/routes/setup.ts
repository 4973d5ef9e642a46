import { Type } from 'typebox';
import { defineRoute } from '../contract.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';
import { PartnerListSchema, PartnerParamsSchema, SetupViewQuerySchema, SltSetupSchema } from '../schemas/setup.js';

/** The whole setup in one read, and partner municipalities. Reads are public (anonymous callers get the public view); PATCH and DELETE need If-Match. */
export const setupRoutes = {
  getSltSetup: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/slt',
    operationId: 'getSltSetup',
    tags: ['setup'],
    summary: "A municipality's whole SLT setup in one read",
    description:
      "Tiers with current members by role, the coordinator's contact, target groups, focus areas, goals " +
      'and measures. Anonymous callers and intranets get the public view (CORS is open for GET); the ' +
      "municipality's users get the internal view. A partner municipality resolves to its host's setup. " +
      'Cacheable: ETag, Cache-Control, 304 on If-None-Match. `?view=public` gives the public view to any caller.',
    access: { kind: 'public' },
    params: MunicipalityParamsSchema,
    querystring: SetupViewQuerySchema,
    response: { 200: SltSetupSchema, 304: Type.Null() },
    problems: [400, 404],
    etag: 'setup',
  }),
  listPartners: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/partners',
    operationId: 'listPartners',
    tags: ['setup'],
    summary: 'The partner municipalities whose SLT this municipality hosts',
    access: { kind: 'public' },
    params: MunicipalityParamsSchema,
    response: { 200: PartnerListSchema },
    problems: [400, 404],
  }),
  addPartner: defineRoute({
    method: 'PUT',
    path: '/api/v1/municipalities/:kommunenummer/partners/:partnerKommunenummer',
    operationId: 'addPartner',
    tags: ['setup'],
    summary: "Let this municipality's setup cover a partner municipality (admin)",
    access: { kind: 'admin' },
    params: PartnerParamsSchema,
    response: { 200: PartnerListSchema },
    problems: [400, 401, 403, 404, 409],
  }),
  removePartner: defineRoute({
    method: 'DELETE',
    path: '/api/v1/municipalities/:kommunenummer/partners/:partnerKommunenummer',
    operationId: 'removePartner',
    tags: ['setup'],
    summary: 'End an inter-municipal collaboration for one partner (admin)',
    access: { kind: 'admin' },
    params: PartnerParamsSchema,
    response: { 200: PartnerListSchema },
    problems: [400, 401, 403, 404],
  }),
} as const;
