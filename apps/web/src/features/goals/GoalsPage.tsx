import { Link as DsLink } from '@digdir/designsystemet-react';
import { routes, type FocusArea, type Goal } from '@slt/shared/browser';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useList } from '../resources/api';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';

const goalRoutes = {
  list: routes.listGoals,
  get: routes.getGoal,
  create: routes.createGoal,
  update: routes.updateGoal,
  remove: routes.deleteGoal,
};

export function GoalsPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/goals' });
  const focusAreas = useList<FocusArea>(kommunenummer, 'focus-areas', routes.listFocusAreas);
  const fields: ResourceField<typeof goalRoutes>[] = [
    { name: 'title', kind: 'text', label: t('goals.goalTitle'), required: true },
    { name: 'description', kind: 'textarea', label: t('goals.description') },
    {
      name: 'focusAreaId',
      kind: 'select',
      label: t('goals.focusArea'),
      options: (focusAreas.data ?? []).map((f) => ({ value: f.id, label: f.name })),
    },
    { name: 'displayOrder', kind: 'number', label: t('forms.displayOrder'), keepWhenEmpty: true },
  ];
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('goals.title', { name })} intro={t('goals.intro')}>
      {focusAreas.isSuccess && (
        <ResourcePage<Goal, typeof goalRoutes>
          kommunenummer={kommunenummer}
          name="goals"
          routes={goalRoutes}
          idParam="goalId"
          fields={fields}
          itemName={(g) => g.title}
          labels={{
            list: t('nav.goals'),
            add: t('goals.add'),
            new: t('goals.new'),
            edit: (g) => t('forms.editNamed', { name: g.title }),
            empty: t('goals.empty'),
          }}
          columns={[
            {
              header: t('goals.goalTitle'),
              cell: (g) => (
                <DsLink asChild>
                  <Link to="/municipalities/$kommunenummer/goals/$goalId" params={{ kommunenummer, goalId: g.id }}>
                    {g.title}
                  </Link>
                </DsLink>
              ),
            },
            { header: t('goals.indicators'), cell: (g) => String(g.indicators.length) },
          ]}
        />
      )}
    </ManagePage>
  );
}
