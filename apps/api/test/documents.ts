import { strFromU8, unzipSync } from 'fflate';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js reads the metrics of the 14 standard fonts (which the PDFs use unembedded) from here. */
const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;

/** The text of a DOCX's `word/document.xml`, its runs joined (tags removed, entities decoded). */
export function docxText(body: Uint8Array): { xml: string; text: string; styles: string } {
  const files = unzipSync(body);
  const entry = files['word/document.xml'];
  if (!entry) throw new Error('word/document.xml is missing: not an Office Open XML document');
  const xml = strFromU8(entry);
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
  return { xml, text, styles: strFromU8(files['word/styles.xml'] ?? new Uint8Array()) };
}

/** Every page's text of a PDF, as pdf.js extracts it (lines joined by newlines). */
export async function pdfText(body: Uint8Array): Promise<{ pages: number; text: string; language: string | undefined }> {
  const pdf = await getDocument({ data: new Uint8Array(body), standardFontDataUrl, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const parts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) parts.push(item.str + (item.hasEOL ? '\n' : ''));
    }
    const info = (await pdf.getMetadata()).info as { Language?: string };
    return { pages: pdf.numPages, text: parts.join('').replace(/[ \t]+/g, ' '), language: info.Language };
  } finally {
    await pdf.destroy();
  }
}
