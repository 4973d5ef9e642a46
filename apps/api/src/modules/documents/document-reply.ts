import type { FastifyReply } from 'fastify';
import { attachmentName, renderDocument, type DocumentFormat, type DocumentModel } from '../../lib/documents/index.js';

export interface RenderedDocument {
  body: Buffer | string;
  contentType: string;
  disposition: string;
  language: string;
}

/** A document model rendered in a format, named `<base>.<format>` (html is shown inline, the others downloaded). */
export async function rendered(
  model: DocumentModel,
  { base, format }: { base: string; format: DocumentFormat },
): Promise<RenderedDocument> {
  const { body, contentType } = await renderDocument(model, format);
  return { body, contentType, disposition: format === 'html' ? 'inline' : attachmentName(base, format), language: model.language };
}

/** Sends a rendered document with its type, file name and `Content-Language` (the målform). */
export function sendDocument(reply: FastifyReply, document: RenderedDocument) {
  return (
    reply
      .header('content-disposition', document.disposition)
      .header('content-language', document.language)
      .header('cache-control', 'private, no-cache')
      .type(document.contentType)
      // A Buffer (docx, pdf) is sent as is: Fastify serializes only objects.
      .send(document.body)
  );
}
