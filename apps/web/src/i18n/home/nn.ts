import type { homeNb } from './nb';

export const homeNn: {
  [K in keyof typeof homeNb]: (typeof homeNb)[K] extends string ? string : { [L in keyof (typeof homeNb)[K]]: string };
} = {
  title: 'SLT i {{name}}',
  intro: 'Det som treng merksemd no, dei neste møta og vegen til alle sidene.',
  attention: 'Treng merksemd',
  allClear: 'Ingenting hastar: ingen forfalne oppgåver, alle haldne møte har referat, og alle grupper følgjer møteregelen.',
  overdue: 'forfalne oppgåver',
  dueSoon: 'oppgåver med frist denne veka',
  withoutMinutes: 'haldne møte utan referat',
  behind: 'grupper som ligg etter møteregelen',
  due: 'frist {{date}}',
  deadlines: 'Neste fristar i årshjulet',
  noDeadlines: 'Ingen fristar lagde inn for resten av året.',
  nextMeetings: 'Neste møte',
  noMeetings: 'Ingen planlagde møte.',
  pages: 'Alle sider',
  groups: { setup: 'SLT-oppsettet', meetings: 'Møte og oppfølging', admin: 'Administrasjon' },
  chooseTitle: 'Vel kommune',
  noMunicipality: 'Du har ikkje tilgang til nokon kommune enno. Du kan sjå dei offentlege sidene:',
};
