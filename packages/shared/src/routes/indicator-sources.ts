import { Type } from 'typebox';
import { defineRoute, setupWrite, type Access } from '../contract.js';
import { IndicatorParamsSchema } from '../schemas/goals.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';
import {
  IndicatorSourceSchema,
  LinkIndicatorSourceSchema,
  PublicIndicatorSourceListSchema,
  SourceFileSchema,
  SourceImportResultSchema,
} from '../schemas/indicator-sources.js';

/** Imports write values for the whole municipality: its coordinators, admins and its `import` tokens. */
const importAccess = { kind: 'municipality', role: 'coordinator', tokenScope: 'import' } as const satisfies Access;

/** An indicator's link to open statistics (SSB, FHI), its imported values and comparisons. */
export const indicatorSourceRoutes = {
  listIndicatorSources: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/indicator-sources',
    operationId: 'listIndicatorSources',
    tags: ['goals'],
    summary: "Every indicator's imported open statistics with their attribution, in one read (what the widget shows)",
    description:
      'Public statistics: the values with provider, table and licence (CC BY 4.0). Suppressed cells have `value: null`, never 0.',
    access: { kind: 'public' },
    params: MunicipalityParamsSchema,
    response: { 200: PublicIndicatorSourceListSchema, 304: Type.Null() },
    problems: [400, 404],
    etag: true,
  }),
  getIndicatorSource: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/goals/:goalId/indicators/:indicatorId/source',
    operationId: 'getIndicatorSource',
    tags: ['goals'],
    summary: "An indicator's statistics source with its imported values (the municipality, the county, the country, peers)",
    description: 'Public statistics: every value carries its source, fetch time and licence. Suppressed cells have `value: null`.',
    access: { kind: 'public' },
    params: IndicatorParamsSchema,
    response: { 200: IndicatorSourceSchema, 304: Type.Null() },
    problems: [400, 404],
    etag: true,
  }),
  linkIndicatorSource: defineRoute({
    method: 'PUT',
    path: '/api/v1/municipalities/:kommunenummer/goals/:goalId/indicators/:indicatorId/source',
    operationId: 'linkIndicatorSource',
    tags: ['goals'],
    summary: "Link an indicator to an SSB or FHI series (If-Match: the source's ETag, or `*` for a first link)",
    access: setupWrite,
    params: IndicatorParamsSchema,
    body: LinkIndicatorSourceSchema,
    response: { 200: IndicatorSourceSchema },
    problems: [400, 401, 403, 404, 412, 428],
    etag: true,
    ifMatch: true,
  }),
  unlinkIndicatorSource: defineRoute({
    method: 'DELETE',
    path: '/api/v1/municipalities/:kommunenummer/goals/:goalId/indicators/:indicatorId/source',
    operationId: 'unlinkIndicatorSource',
    tags: ['goals'],
    summary: 'Unlink a statistics source (If-Match); the values stay',
    access: setupWrite,
    params: IndicatorParamsSchema,
    response: { 204: Type.Null() },
    problems: [400, 401, 403, 404, 412, 428],
    ifMatch: true,
  }),
  importIndicatorSource: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/goals/:goalId/indicators/:indicatorId/source/import',
    operationId: 'importIndicatorSource',
    tags: ['goals'],
    summary: 'Fetch the linked series now and store its values (all or nothing; unchanged values stay untouched)',
    description:
      'Old municipality numbers are mapped to today’s through SSB’s classification 131 (KLASS). A source that is down or ' +
      'answers in an unexpected format is a 502 problem; the last good values are kept and the failure is shown on the source.',
    access: importAccess,
    params: IndicatorParamsSchema,
    response: { 200: SourceImportResultSchema },
    problems: [400, 401, 403, 404, 409, 502],
  }),
  importIndicatorSourceFile: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/goals/:goalId/indicators/:indicatorId/source/file',
    operationId: 'importIndicatorSourceFile',
    tags: ['goals'],
    summary: 'Import a downloaded JSON-stat 2.0 or CSV file of the linked table (for municipalities without access to the source)',
    access: importAccess,
    params: IndicatorParamsSchema,
    body: SourceFileSchema,
    response: { 200: SourceImportResultSchema },
    problems: [400, 401, 403, 404, 409, 413, 422],
  }),
} as const;
