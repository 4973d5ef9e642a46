import type { DocumentLanguage } from '../../lib/documents/index.js';
import { PLAN_WORDS } from '../plans/plan-document.js';

/** Words shared by the plan cycle's documents, in bokmål and nynorsk (the plan's own words are reused). */
const nb = {
  ...PLAN_WORDS.nb,
  period: 'Periode',
  internal: 'Intern versjon',
  public: 'Offentlig versjon',
  generatedOn: (date: string) => `Laget ${date}.`,
  yes: 'ja',
  no: 'nei',
  trends: { improving: 'bedring', worsening: 'forverring', unchanged: 'uendret' } as Record<string, string>,
  noData: 'Ingen data.',
  outcomes: { achieved: 'Nådd', partly_achieved: 'Delvis nådd', not_achieved: 'Ikke nådd', inconclusive: 'Uavklart' } as Record<
    string,
    string
  >,
};
const nn: typeof nb = {
  ...PLAN_WORDS.nn,
  period: 'Periode',
  internal: 'Intern versjon',
  public: 'Offentleg versjon',
  generatedOn: (date: string) => `Laga ${date}.`,
  yes: 'ja',
  no: 'nei',
  trends: { improving: 'betring', worsening: 'forverring', unchanged: 'uendra' },
  noData: 'Ingen data.',
  outcomes: { achieved: 'Nådd', partly_achieved: 'Delvis nådd', not_achieved: 'Ikkje nådd', inconclusive: 'Uavklart' },
};

export const COMMON_WORDS: Record<DocumentLanguage, typeof nb> = { nb, nn };
