import { Type } from 'typebox';
import { defineRoute, setupWrite as write, type Access } from '../contract.js';
import {
  AnnualReportDocumentParamsSchema,
  AnnualReportParamsSchema,
  AnnualReportSchema,
  AnnualReportTextsSchema,
  UpdateAnnualReportTextsSchema,
} from '../schemas/annual-report.js';

/** Internal reads: the municipality's users (any role) and its API tokens with the read scope. */
const internalRead = { kind: 'municipality', role: 'member', tokenScope: 'read' } as const satisfies Access;

/**
 * The annual report (årsrapport) for a year, generated from the records: the internal version for
 * the municipality's users, the public version for intranets (anonymous, like `…/slt`), and the
 * coordinator's text per section (If-Match).
 */
export const annualReportRoutes = {
  getAnnualReport: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year',
    operationId: 'getAnnualReport',
    tags: ['reports'],
    summary: 'The annual report for a year, generated from the records (internal version)',
    description:
      'Meetings held vs required per tier are computed by the same code as GET …/compliance. Every figure names the ids of ' +
      'the records it counts. Indicator values from fewer than 5 persons are "<5".',
    access: internalRead,
    params: AnnualReportParamsSchema,
    response: { 200: AnnualReportSchema },
    problems: [400, 401, 404],
  }),
  getPublicAnnualReport: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year/public',
    operationId: 'getPublicAnnualReport',
    tags: ['reports'],
    summary: 'The public version of the annual report (for intranets)',
    description:
      'Only public facts: no decisions, no evaluations, public measures only, and only the texts the coordinator marked public. ' +
      'The same for every caller.',
    access: { kind: 'public' },
    params: AnnualReportParamsSchema,
    response: { 200: AnnualReportSchema },
    problems: [400, 404],
  }),
  getAnnualReportTexts: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year/texts',
    operationId: 'getAnnualReportTexts',
    tags: ['reports'],
    summary: "The coordinator's texts of the year's annual report (with an ETag)",
    access: internalRead,
    params: AnnualReportParamsSchema,
    response: { 200: AnnualReportTextsSchema },
    problems: [400, 401, 404],
    etag: true,
  }),
  updateAnnualReportTexts: defineRoute({
    method: 'PATCH',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year/texts',
    operationId: 'updateAnnualReportTexts',
    tags: ['reports'],
    summary: "Write or remove the coordinator's text of sections (If-Match required; audited)",
    access: write,
    params: AnnualReportParamsSchema,
    body: UpdateAnnualReportTextsSchema,
    response: { 200: AnnualReportTextsSchema },
    problems: [400, 401, 403, 404, 412, 428],
    etag: true,
    ifMatch: true,
  }),
  getAnnualReportDocument: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year/document/:format',
    operationId: 'getAnnualReportDocument',
    tags: ['reports'],
    summary: "The internal annual report as Word (docx), PDF or a printable page (html) in the municipality's målform",
    description: 'The same content as GET …/annual-reports/{year}; `Content-Language` names the målform (nb or nn).',
    access: internalRead,
    params: AnnualReportDocumentParamsSchema,
    response: { 200: Type.String({ description: 'The document (binary for docx and pdf).' }) },
    problems: [400, 401, 404],
  }),
  getPublicAnnualReportDocument: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/annual-reports/:year/public/document/:format',
    operationId: 'getPublicAnnualReportDocument',
    tags: ['reports'],
    summary: "The public annual report as Word (docx), PDF or a printable page (html) in the municipality's målform",
    description: 'The same content as GET …/annual-reports/{year}/public: no decisions, no evaluations, public measures and texts only.',
    access: { kind: 'public' },
    params: AnnualReportDocumentParamsSchema,
    response: { 200: Type.String({ description: 'The document (binary for docx and pdf).' }) },
    problems: [400, 404],
  }),
} as const;
