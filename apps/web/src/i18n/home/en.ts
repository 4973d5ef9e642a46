import type { homeNn } from './nn';

export const homeEn: typeof homeNn = {
  title: 'SLT in {{name}}',
  intro: 'What needs attention now, the next meetings, and the way to every page.',
  attention: 'Needs attention',
  allClear: 'Nothing urgent: no overdue tasks, every held meeting has minutes, and every group keeps its meeting rule.',
  overdue: 'overdue tasks',
  dueSoon: 'tasks due this week',
  withoutMinutes: 'held meetings without minutes',
  behind: 'groups behind their meeting rule',
  due: 'due {{date}}',
  deadlines: 'Next deadlines in the year plan',
  noDeadlines: 'No deadlines for the rest of the year.',
  nextMeetings: 'Next meetings',
  noMeetings: 'No planned meetings.',
  pages: 'All pages',
  groups: { setup: 'The SLT setup', meetings: 'Meetings and follow-up', admin: 'Administration' },
  chooseTitle: 'Choose a municipality',
  noMunicipality: 'You have no access to a municipality yet. You can see the public pages:',
};
