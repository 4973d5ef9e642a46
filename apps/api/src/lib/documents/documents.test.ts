import { describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../test/documents.js';
import { attachmentName, renderDocument, type DocumentModel } from './index.js';

const model = (language: 'nb' | 'nn'): DocumentModel => ({
  title: language === 'nb' ? 'Handlingsplan for Åsnes' : 'Handlingsplan for Ørsta',
  subtitle: 'Kommune <b>&</b> "SLT"',
  language,
  blocks: [
    { kind: 'heading', level: 1, text: 'Innsatsområde: Rus og æøå' },
    { kind: 'paragraph', text: 'Første linje\nAndre linje' },
    { kind: 'list', items: ['Punkt én', 'Punkt to'] },
    { kind: 'table', columns: ['Tiltak', 'Ansvarleg', 'Frist'], rows: [['Natteravn', 'Frivilligsentralen', '31.12.2027']] },
  ],
});

describe('documents', () => {
  it.each(['nb', 'nn'] as const)('renders the same text as DOCX, PDF and HTML (%s)', async (language) => {
    const docx = await renderDocument(model(language), 'docx');
    const { text, styles } = docxText(docx.body as Buffer);
    expect(styles).toContain(`w:lang w:val="${language}-NO"`);
    for (const expected of [
      'Innsatsområde: Rus og æøå',
      'Andre linje',
      'Punkt to',
      'Frivilligsentralen',
      '31.12.2027',
      'Kommune <b>&</b> "SLT"',
    ])
      expect(text).toContain(expected);

    const pdf = await renderDocument(model(language), 'pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const extracted = await pdfText(pdf.body as Buffer);
    for (const expected of ['Innsatsområde: Rus og æøå', 'Punkt to', 'Natteravn', 'Frivilligsentralen', '31.12.2027'])
      expect(extracted.text).toContain(expected);
    expect(extracted.language).toBe(`${language}-NO`);

    const html = (await renderDocument(model(language), 'html')).body as string;
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain('Kommune &lt;b&gt;&amp;&lt;/b&gt; &quot;SLT&quot;');
    expect(html).toContain('<th scope="col">Tiltak</th>');
  });

  it('names attachments in ASCII with the UTF-8 name beside', () => {
    expect(attachmentName('handlingsplan-Åsnes ø', 'pdf')).toBe(
      `attachment; filename="handlingsplan-Asnes-o.pdf"; filename*=UTF-8''handlingsplan-%C3%85snes%20%C3%B8.pdf`,
    );
  });
});
