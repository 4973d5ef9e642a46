import { Type } from 'typebox';
import { defineRoute, setupWrite as write, type Access } from '../contract.js';
import { MunicipalityParamsSchema } from '../schemas/municipalities.js';
import {
  StatusAnalysisDocumentParamsSchema,
  CreateStatusAnalysisSchema,
  StatusAnalysisListSchema,
  StatusAnalysisParamsSchema,
  StatusAnalysisSchema,
  UpdateStatusAnalysisSchema,
} from '../schemas/status-analyses.js';

const internalRead = { kind: 'municipality', role: 'member', tokenScope: 'read' } as const satisfies Access;
const changed = [400, 401, 403, 404, 412, 428] as const;

/** The kartlegging (status analysis) per period: internal. */
export const statusAnalysisRoutes = {
  listStatusAnalyses: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses',
    operationId: 'listStatusAnalyses',
    tags: ['reports'],
    summary: "The municipality's kartlegginger (status analyses), newest period first",
    access: internalRead,
    params: MunicipalityParamsSchema,
    response: { 200: StatusAnalysisListSchema },
    problems: [400, 401, 404],
  }),
  getStatusAnalysis: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses/:statusAnalysisId',
    operationId: 'getStatusAnalysis',
    tags: ['reports'],
    summary: 'One kartlegging with its indicators computed from the goals (with an ETag)',
    access: internalRead,
    params: StatusAnalysisParamsSchema,
    response: { 200: StatusAnalysisSchema },
    problems: [400, 401, 404],
    etag: true,
  }),
  createStatusAnalysis: defineRoute({
    method: 'POST',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses',
    operationId: 'createStatusAnalysis',
    tags: ['reports'],
    summary: 'Start a kartlegging for a period',
    access: write,
    params: MunicipalityParamsSchema,
    body: CreateStatusAnalysisSchema,
    response: { 201: StatusAnalysisSchema },
    problems: [400, 401, 403, 404],
    etag: true,
    location: '/api/v1/municipalities/:kommunenummer/status-analyses/:id',
  }),
  updateStatusAnalysis: defineRoute({
    method: 'PATCH',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses/:statusAnalysisId',
    operationId: 'updateStatusAnalysis',
    tags: ['reports'],
    summary: 'Change a kartlegging: observations, summary, priorities, its agenda item (If-Match required)',
    access: write,
    params: StatusAnalysisParamsSchema,
    body: UpdateStatusAnalysisSchema,
    response: { 200: StatusAnalysisSchema },
    problems: changed,
    etag: true,
    ifMatch: true,
  }),
  deleteStatusAnalysis: defineRoute({
    method: 'DELETE',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses/:statusAnalysisId',
    operationId: 'deleteStatusAnalysis',
    tags: ['reports'],
    summary: 'Remove a kartlegging (If-Match required)',
    access: write,
    params: StatusAnalysisParamsSchema,
    response: { 204: Type.Null() },
    problems: changed,
    ifMatch: true,
  }),
  getStatusAnalysisDocument: defineRoute({
    method: 'GET',
    path: '/api/v1/municipalities/:kommunenummer/status-analyses/:statusAnalysisId/document/:format',
    operationId: 'getStatusAnalysisDocument',
    tags: ['reports'],
    summary: "The kartlegging as Word (docx), PDF or a printable page (html) in the municipality's målform",
    access: internalRead,
    params: StatusAnalysisDocumentParamsSchema,
    response: { 200: Type.String({ description: 'The document (binary for docx and pdf).' }) },
    problems: [400, 401, 404],
  }),
} as const;
