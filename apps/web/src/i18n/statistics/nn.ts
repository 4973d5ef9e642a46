import type { StatisticsMessages } from './types';

/** Nynorsk texts of an indicator's open statistics (SSB, FHI): chart, table, import. */
export const statisticsNn: StatisticsMessages = {
  heading: 'Offisiell statistikk',
  source: '{{provider}}, tabell {{table}}',
  providers: { ssb: 'Statistisk sentralbyrå (SSB)', fhi: 'Folkehelseinstituttet (FHI)' },
  attribution: 'Kjelde: {{provider}}, tabell {{table}}, {{licence}}',
  openTable: 'Opne tabellen hos kjelda',
  series: 'Serie',
  chartSummary: '{{series}}: {{lines}}.',
  levels: { municipality: 'Kommunen', county: 'Fylket', country: 'Heile landet', peer: 'Samanliknbar kommune' },
  period: 'Periode',
  suppressed: '<5',
  suppressedNote: 'Prikka: verdien er skjult av kjelda av omsyn til personvern (vist som «<5» og som brot i linja). Han er aldri 0.',
  missing: 'Manglar',
  missingNote: 'Manglar: kjelda har ingen verdi for perioden.',
  origin: { ssb: 'SSB', fhi: 'FHI', file: 'Fil', manual: 'Manuell' },
  originLabel: 'Opphav',
  fetchedAt: 'Henta {{at}}',
  neverImported: 'Ikkje henta enno.',
  failed: 'Siste henting feila {{at}}: {{error}} Verdiane frå førre henting vert viste.',
  importNow: 'Hent no',
  importing: 'Hentar …',
  imported: 'Henta: {{created}} nye, {{updated}} endra, {{unchanged}} uendra.',
  importFile: 'Last opp nedlasta fil (JSON-stat eller CSV)',
  tableCaption: 'Verdiar for {{series}}',
  target: 'Mål: {{target}}',
};
