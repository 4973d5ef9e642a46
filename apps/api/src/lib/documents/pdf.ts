import PDFDocument from 'pdfkit';
import { LANGUAGE_TAGS, type DocumentBlock, type DocumentModel } from './model.js';

const SIZES = { title: 20, 1: 15, 2: 12.5, 3: 11, body: 10 } as const;
const MARGIN = 56;

/**
 * The document as a PDF (A4), with pdfkit's built-in Helvetica (WinAnsi: æøå and the other
 * Norwegian letters are in it, so no font file is embedded), the language and title set in the
 * document's metadata.
 */
export function renderPdf(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: LANGUAGE_TAGS[model.language],
    displayTitle: true,
    info: { Title: model.title, Creator: 'SLT' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(SIZES.title).text(model.title);
  if (model.subtitle) doc.font('Helvetica').fontSize(SIZES.body).moveDown(0.3).text(model.subtitle);
  doc.moveDown();
  for (const b of model.blocks) write(doc, b);
  doc.end();
  return done;
}

function write(doc: PDFKit.PDFDocument, b: DocumentBlock): void {
  const left = MARGIN;
  switch (b.kind) {
    case 'heading':
      doc.x = left;
      doc
        .moveDown(b.level === 1 ? 0.8 : 0.4)
        .font('Helvetica-Bold')
        .fontSize(SIZES[b.level])
        .text(b.text);
      doc.moveDown(0.3);
      return;
    case 'paragraph':
      doc.x = left;
      doc.font('Helvetica').fontSize(SIZES.body).text(b.text).moveDown(0.5);
      return;
    case 'list':
      doc.x = left;
      doc.font('Helvetica').fontSize(SIZES.body);
      if (b.ordered) b.items.forEach((item, i) => doc.text(`${i + 1}. ${item}`, { indent: 10 }));
      else doc.list([...b.items], { bulletRadius: 1.5, textIndent: 10 });
      doc.moveDown(0.5);
      return;
    case 'table':
      doc.x = left;
      doc.font('Helvetica').fontSize(SIZES.body - 1);
      doc.table({
        defaultStyle: { border: 0.5, borderColor: '#888888', padding: [3, 4, 3, 4] },
        data: [
          b.columns.map((text) => ({ text, type: 'TH' as const, font: { family: 'Helvetica-Bold' }, backgroundColor: '#eeeeee' })),
          ...b.rows.map((row) => [...row]),
        ],
      });
      doc.x = left;
      doc.moveDown(0.8);
      return;
  }
}
