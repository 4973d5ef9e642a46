/**
 * Documents (plans, reports, minutes) as DOCX, PDF and printable HTML from one neutral model.
 *
 * ```ts
 * import { renderDocument, type DocumentModel } from '../../lib/documents/index.js';
 * const model: DocumentModel = {
 *   title: 'Handlingsplan 2027–2030', subtitle: 'Kongsvinger kommune', language: 'nb',
 *   blocks: [
 *     { kind: 'heading', level: 1, text: 'Innsatsområde' },
 *     { kind: 'paragraph', text: 'Fritekst, linjeskift beholdes.' },
 *     { kind: 'list', items: ['a', 'b'] },
 *     { kind: 'table', columns: ['Tiltak', 'Ansvarlig', 'Frist'], rows: [['Natteravn', 'Frivilligsentralen', '31.12.2027']] },
 *   ],
 * };
 * const { body, contentType, extension } = await renderDocument(model, 'pdf'); // or 'docx', 'html'
 * ```
 *
 * Build the model in the feature's service (words from the feature's own nb/nn table, dates with
 * `formatDate`); a route sends `body` with `contentType` and a `Content-Disposition` from
 * `attachmentName`. The renderers take plain text only, so user text cannot inject markup.
 * Measured (plans of 40 and 400 measures, `bench/documents.ts`): see apps/api/bench/MEASUREMENTS.md.
 */
import { renderHtml } from './html.js';
import type { DocumentModel } from './model.js';

export type { DocumentBlock, DocumentLanguage, DocumentModel } from './model.js';
export { renderHtml };

export const DOCUMENT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const DOCUMENT_MEDIA_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/**
 * The DOCX and PDF writers (docx, pdfkit) load with the first document of their kind: importing
 * them took about a quarter of a second of every start of the API.
 */
export async function renderDocument(
  model: DocumentModel,
  format: DocumentFormat,
): Promise<{ body: Buffer | string; contentType: string; extension: DocumentFormat }> {
  const body =
    format === 'docx'
      ? await (await import('./docx.js')).renderDocx(model)
      : format === 'pdf'
        ? await (await import('./pdf.js')).renderPdf(model)
        : renderHtml(model);
  return { body, contentType: DOCUMENT_MEDIA_TYPES[format], extension: format };
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266), e.g. `handlingsplan-2027-2030.pdf`. */
export function attachmentName(base: string, format: DocumentFormat): string {
  const name = `${base}.${format}`;
  const ascii = name
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/å/g, 'a')
    .replace(/Å/g, 'A')
    .replace(/[^A-Za-z0-9._-]/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A calendar date (YYYY-MM-DD) as Norwegians write it: 31.12.2027. */
export const formatDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
};

/** An amount in kroner with Norwegian digit grouping: 1 250 000 kr. */
export const formatKroner = (amount: number) =>
  `${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')} kr`;
