import { Type } from 'typebox';
import { defineRoute, type Access } from '../contract.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';
import { ImportQuerySchema, ImportResultSchema, SetupDocumentSchema } from '../schemas/setup-document.js';

/** Export holds internal data: the municipality's users and its `read` tokens. */
const exportAccess = { kind: 'municipality', role: 'member', tokenScope: 'read' } as const satisfies Access;

/** Bulk import and export of a whole setup (one document format), and CSV of members and measures. */
export const exchangeRoutes = {
  importSetup: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/import',
    operationId: 'importSetup',
    tags: ['exchange'],
    summary: 'Import a setup document (JSON) or a CSV file of members or measures: all or nothing',
    description:
      'Items are matched by externalId: new ones are created, changed ones updated (their parts replaced), the rest left ' +
      'unchanged. `?dryRun=true` answers the exact plan and writes nothing. Every invalid item is reported at once (422, ' +
      'each with a JSON pointer; a 400 when an item holds a national identity number or a control character). Send `Idempotency-Key` to make retries safe: a replay gets the stored answer, the same key ' +
      'with another payload is a 422, a request while the first still runs a 409. A CSV body (`text/csv`, `?entity=members` ' +
      'or `measures`) may be UTF-8 with or without BOM, `;` or `,`, CRLF, quoted — what Excel in a Norwegian locale saves; ' +
      'the headers are listed in the README in English and Norwegian. The body is read as a stream; size limits answer 413.',
    access: { kind: 'municipality', role: 'coordinator', tokenScope: 'import' },
    params: MunicipalityParamsSchema,
    querystring: ImportQuerySchema,
    body: SetupDocumentSchema,
    response: { 200: ImportResultSchema },
    problems: [400, 401, 403, 404, 409, 413, 415, 422],
  }),
  exportSetup: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/export',
    operationId: 'exportSetup',
    tags: ['exchange'],
    summary: 'The whole setup as one document (the import format), internal data included',
    access: exportAccess,
    params: MunicipalityParamsSchema,
    response: { 200: SetupDocumentSchema },
    problems: [400, 401, 404],
  }),
  exportMembersCsv: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/export/members.csv',
    operationId: 'exportMembersCsv',
    tags: ['exchange'],
    summary: 'Members as CSV (semicolon, UTF-8 with BOM; headers in Norwegian, or English by Accept-Language)',
    access: exportAccess,
    params: MunicipalityParamsSchema,
    response: { 200: Type.String({ description: 'text/csv' }) },
    problems: [400, 401, 404],
    produces: 'text/csv',
  }),
  exportMeasuresCsv: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/export/measures.csv',
    operationId: 'exportMeasuresCsv',
    tags: ['exchange'],
    summary: 'Measures as CSV (semicolon, UTF-8 with BOM; headers in Norwegian, or English by Accept-Language)',
    access: exportAccess,
    params: MunicipalityParamsSchema,
    response: { 200: Type.String({ description: 'text/csv' }) },
    problems: [400, 401, 404],
    produces: 'text/csv',
  }),
} as const;
