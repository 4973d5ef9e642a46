import { routes, type AnnualReport, type GrantApplication, type StatusAnalysis } from '@slt/shared/browser';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api';
import { saveFile } from '../../save-file';
import { todayOslo } from '../meetings/time';
import { municipalityKey } from '../resources/api';

/** Server state of a municipality's reports, under ['municipality', k, 'reports']. */
export const reportsKey = (kommunenummer: string, ...rest: unknown[]) => municipalityKey(kommunenummer, 'reports', ...rest);

/** Reads a route's body with its ETag (sent back as If-Match by every change). */
async function withEtag<T>(response: Promise<{ body: unknown; headers: Headers }>): Promise<{ item: T; etag: string }> {
  const { body, headers } = await response;
  return { item: body as T, etag: headers.get('etag') ?? '' };
}

export const reportQueries = {
  annual: (kommunenummer: string, year: number) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'annual', year),
      queryFn: ({ signal }): Promise<AnnualReport> => api.call(routes.getAnnualReport, { params: { kommunenummer, year }, signal }),
    }),
  annualTexts: (kommunenummer: string, year: number) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'annual-texts', year),
      queryFn: ({ signal }) => api.request(routes.getAnnualReportTexts, { params: { kommunenummer, year }, signal }),
      select: ({ body, headers }) => ({ item: body, etag: headers.get('etag') ?? '' }),
    }),
  grants: (kommunenummer: string) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'grants'),
      queryFn: async ({ signal }) => (await api.call(routes.listGrantApplications, { params: { kommunenummer }, signal })).items,
    }),
  grant: (kommunenummer: string, grantApplicationId: string) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'grant', grantApplicationId),
      queryFn: ({ signal }) =>
        withEtag<GrantApplication>(api.request(routes.getGrantApplication, { params: { kommunenummer, grantApplicationId }, signal })),
    }),
  grantReport: (kommunenummer: string, grantApplicationId: string) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'grant-report', grantApplicationId),
      queryFn: ({ signal }) => api.call(routes.getGrantReport, { params: { kommunenummer, grantApplicationId }, signal }),
    }),
  statusAnalyses: (kommunenummer: string) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'status-analyses'),
      queryFn: async ({ signal }) => (await api.call(routes.listStatusAnalyses, { params: { kommunenummer }, signal })).items,
    }),
  statusAnalysis: (kommunenummer: string, statusAnalysisId: string) =>
    queryOptions({
      queryKey: reportsKey(kommunenummer, 'status-analysis', statusAnalysisId),
      queryFn: ({ signal }) =>
        withEtag<StatusAnalysis>(api.request(routes.getStatusAnalysis, { params: { kommunenummer, statusAnalysisId }, signal })),
    }),
};

export type DocumentFormat = 'docx' | 'pdf';
export type ReportDocument =
  | { kind: 'annual'; year: number }
  | { kind: 'grant'; grantApplicationId: string; periodStart: string }
  | { kind: 'status'; statusAnalysisId: string; periodStart: string };

/** Downloads a report as DOCX or PDF with the in-memory token (a plain link would not carry it); returns the file name. */
export async function downloadReport(kommunenummer: string, document: ReportDocument, format: DocumentFormat): Promise<string> {
  const response =
    document.kind === 'annual'
      ? await api.send(routes.getAnnualReportDocument, { params: { kommunenummer, year: document.year, format } })
      : document.kind === 'grant'
        ? await api.send(routes.getGrantReportDocument, {
            params: { kommunenummer, grantApplicationId: document.grantApplicationId, format },
          })
        : await api.send(routes.getStatusAnalysisDocument, {
            params: { kommunenummer, statusAnalysisId: document.statusAnalysisId, format },
          });
  if (!response.ok) throw new Error(`${response.status}`);
  const stem = { annual: 'arsrapport', grant: 'tilskuddsrapport', status: 'kartlegging' }[document.kind];
  const year = document.kind === 'annual' ? String(document.year) : document.periodStart.slice(0, 4);
  const fileName = `${stem}-${kommunenummer}-${year}-${todayOslo()}.${format}`;
  saveFile(await response.blob(), fileName);
  return fileName;
}
