import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { LANGUAGE_TAGS, type DocumentBlock, type DocumentModel } from './model.js';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Lines of a text as runs with breaks between them (Word ignores "\n" inside a run). */
const runs = (text: string, bold = false) => text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : 0 }));

function block(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level], children: runs(b.text) })];
    case 'paragraph':
      return [new Paragraph({ children: runs(b.text) })];
    case 'list':
      return b.items.map(
        (item) =>
          new Paragraph({
            children: runs(item),
            numbering: { reference: b.ordered ? 'ordered' : 'bullets', level: 0 },
          }),
      );
    case 'table': {
      const row = (cells: readonly string[], header: boolean) =>
        new TableRow({
          tableHeader: header,
          children: cells.map((cell) => new TableCell({ children: [new Paragraph({ children: runs(cell, header) })] })),
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [row(b.columns, true), ...b.rows.map((r) => row(r, false))],
        }),
        new Paragraph({}),
      ];
    }
  }
}

/** The document as a .docx (Office Open XML) file. */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const language = LANGUAGE_TAGS[model.language];
  const document = new Document({
    title: model.title,
    creator: 'SLT',
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: { value: language } } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: runs(model.title) }),
          ...(model.subtitle ? [new Paragraph({ children: runs(model.subtitle) })] : []),
          ...model.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
