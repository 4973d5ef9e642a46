import { Type } from 'typebox';
import { defineRoute, setupWrite as write } from '../contract.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';
import { SetupProfileInputSchema, SetupProfileSchema } from '../schemas/profile.js';

/** The setup profile: read publicly (internal fields left out), written whole with If-Match. */
export const profileRoutes = {
  getSetupProfile: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/profile',
    operationId: 'getSetupProfile',
    tags: ['setup'],
    summary: "The setup profile: purpose, history, the coordinator's position, contacts, concern channels, parties, agreements, plans",
    description:
      'Anonymous callers and other municipalities get the public view: fields marked internal and list items that are not ' +
      "public are left out. A partner municipality resolves to its host's profile. Send the ETag as If-Match to write.",
    access: { kind: 'public' },
    params: MunicipalityParamsSchema,
    response: { 200: SetupProfileSchema, 304: Type.Null() },
    problems: [400, 404],
    etag: true,
  }),
  putSetupProfile: defineRoute({
    method: 'PUT',
    path: '/api/v1/municipalities/:kommunenummer/profile',
    operationId: 'putSetupProfile',
    tags: ['setup'],
    summary: 'Write the whole setup profile (If-Match required)',
    description:
      'Fields left out are emptied; lists are replaced in the order given. Contacts name members of the municipality; ' +
      'agreements name their parties by key.',
    access: write,
    params: MunicipalityParamsSchema,
    body: SetupProfileInputSchema,
    response: { 200: SetupProfileSchema },
    problems: [400, 401, 403, 404, 409, 412, 428],
    etag: true,
    ifMatch: true,
  }),
} as const;
