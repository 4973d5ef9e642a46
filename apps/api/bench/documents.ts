/**
 * How long the document renderers take: a plan of 10 priority areas × 4 goals × 10 measures
 * (400 measures, about 25 pages) and one of 40 measures, each rendered 5 times to DOCX, PDF and
 * HTML after a warm-up. Run: `pnpm --filter @slt/api exec tsx --conditions=source bench/documents.ts`.
 */
import { performance } from 'node:perf_hooks';
import { renderDocument, type DocumentBlock, type DocumentFormat, type DocumentModel } from '../src/lib/documents/index.js';

function plan(areas: number, goalsPerArea: number, measuresPerGoal: number): DocumentModel {
  const blocks: DocumentBlock[] = [{ kind: 'paragraph', text: 'Handlingsplanen beskriver innsatsområder, mål og tiltak for perioden.' }];
  for (let a = 1; a <= areas; a++) {
    blocks.push({ kind: 'heading', level: 2, text: `Innsatsområde ${a}: forebygging blant barn og unge` });
    for (let g = 1; g <= goalsPerArea; g++) {
      blocks.push({ kind: 'heading', level: 3, text: `Mål ${a}.${g}: færre unge som begår lovbrudd` });
      blocks.push({ kind: 'list', items: ['Anmeldte lovbrudd 15–17 år: siste verdi 26 (31.12.2024), mål 20'] });
      blocks.push({
        kind: 'table',
        columns: ['Tiltak', 'Status', 'Ansvarlig', 'Frist', 'Finansiering', 'Evaluering'],
        rows: Array.from({ length: measuresPerGoal }, (_, m) => [
          `Tiltak ${a}.${g}.${m + 1}: oppfølging av ungdom i risiko`,
          'Aktivt',
          'Kongsvinger kommune, Kari Koordinator',
          '30.06.2027',
          '150 000 kr, kommunebudsjettet',
          'Intern evaluering, 31.01.2028',
        ]),
      });
    }
  }
  return { title: 'Handlingsplan 2027–2030', subtitle: 'Kongsvinger kommune', language: 'nb', blocks };
}

for (const [name, model] of [
  ['40 measures', plan(2, 2, 10)],
  ['400 measures', plan(10, 4, 10)],
] as const) {
  for (const format of ['docx', 'pdf', 'html'] as DocumentFormat[]) {
    const { body } = await renderDocument(model, format); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await renderDocument(model, format);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    console.log(
      `${name.padEnd(13)} ${format.padEnd(5)} median ${times[2]!.toFixed(0).padStart(5)} ms  min ${times[0]!.toFixed(0).padStart(5)} ms  ${(body.length / 1024).toFixed(0)} KB`,
    );
  }
}
