import type { StatisticsMessages } from './types';

/** English texts of an indicator's open statistics (SSB, FHI): chart, table, import. */
export const statisticsEn: StatisticsMessages = {
  heading: 'Official statistics',
  source: '{{provider}}, table {{table}}',
  providers: { ssb: 'Statistics Norway (SSB)', fhi: 'Norwegian Institute of Public Health (FHI)' },
  attribution: 'Source: {{provider}}, table {{table}}, {{licence}}',
  openTable: 'Open the table at the source',
  series: 'Series',
  chartSummary: '{{series}}: {{lines}}.',
  levels: { municipality: 'The municipality', county: 'The county', country: 'Norway', peer: 'Peer municipality' },
  period: 'Period',
  suppressed: '<5',
  suppressedNote: 'Suppressed: the source withholds the value for privacy (shown as "<5" and as a gap in the line). It is never 0.',
  missing: 'Missing',
  missingNote: 'Missing: the source has no value for the period.',
  origin: { ssb: 'SSB', fhi: 'FHI', file: 'File', manual: 'Manual' },
  originLabel: 'Origin',
  fetchedAt: 'Fetched {{at}}',
  neverImported: 'Not fetched yet.',
  failed: 'The last fetch failed {{at}}: {{error}} The values of the previous fetch are shown.',
  importNow: 'Fetch now',
  importing: 'Fetching…',
  imported: 'Fetched: {{created}} new, {{updated}} changed, {{unchanged}} unchanged.',
  importFile: 'Upload a downloaded file (JSON-stat or CSV)',
  tableCaption: 'Values of {{series}}',
  target: 'Target: {{target}}',
};
