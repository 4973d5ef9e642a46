import { routes, type FocusArea, type TargetGroup } from '@slt/shared/browser';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';

const targetGroupRoutes = {
  list: routes.listTargetGroups,
  get: routes.getTargetGroup,
  create: routes.createTargetGroup,
  update: routes.updateTargetGroup,
  remove: routes.deleteTargetGroup,
};
const focusAreaRoutes = {
  list: routes.listFocusAreas,
  get: routes.getFocusArea,
  create: routes.createFocusArea,
  update: routes.updateFocusArea,
  remove: routes.deleteFocusArea,
};

export function TargetGroupsPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/target-groups' });
  const fields: ResourceField<typeof targetGroupRoutes>[] = [
    { name: 'name', kind: 'text', label: t('targetGroups.name'), required: true },
    { name: 'description', kind: 'textarea', label: t('targetGroups.description') },
    { name: 'ageFrom', kind: 'number', label: t('targetGroups.ageFrom') },
    { name: 'ageTo', kind: 'number', label: t('targetGroups.ageTo') },
    { name: 'riskCriteria', kind: 'lines', label: t('targetGroups.riskCriteria') },
  ];
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('targetGroups.title', { name })} intro={t('targetGroups.intro')}>
      <ResourcePage<TargetGroup, typeof targetGroupRoutes>
        kommunenummer={kommunenummer}
        name="target-groups"
        routes={targetGroupRoutes}
        idParam="targetGroupId"
        fields={fields}
        itemName={(g) => g.name}
        labels={{
          list: t('nav.targetGroups'),
          add: t('targetGroups.add'),
          new: t('targetGroups.new'),
          edit: (g) => t('forms.editNamed', { name: g.name }),
          empty: t('targetGroups.empty'),
        }}
        columns={[
          { header: t('targetGroups.name'), cell: (g) => g.name },
          {
            header: t('targetGroups.ageRange'),
            cell: (g) => (g.ageFrom !== null || g.ageTo !== null ? `${g.ageFrom ?? ''}–${g.ageTo ?? ''}` : ''),
          },
          { header: t('targetGroups.riskCriteria'), cell: (g) => g.riskCriteria.join(', ') },
        ]}
      />
    </ManagePage>
  );
}

export function FocusAreasPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/focus-areas' });
  const fields: ResourceField<typeof focusAreaRoutes>[] = [
    { name: 'name', kind: 'text', label: t('focusAreas.name'), required: true },
    { name: 'description', kind: 'textarea', label: t('focusAreas.description') },
    {
      name: 'decisionReference',
      kind: 'text',
      label: t('focusAreas.decisionReference'),
      description: t('focusAreas.decisionReferenceHint'),
    },
    { name: 'decisionDate', kind: 'date', label: t('focusAreas.decisionDate') },
    { name: 'displayOrder', kind: 'number', label: t('forms.displayOrder'), keepWhenEmpty: true },
  ];
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('focusAreas.title', { name })}>
      <ResourcePage<FocusArea, typeof focusAreaRoutes>
        kommunenummer={kommunenummer}
        name="focus-areas"
        routes={focusAreaRoutes}
        idParam="focusAreaId"
        fields={fields}
        itemName={(f) => f.name}
        labels={{
          list: t('nav.focusAreas'),
          add: t('focusAreas.add'),
          new: t('focusAreas.new'),
          edit: (f) => t('forms.editNamed', { name: f.name }),
          empty: t('focusAreas.empty'),
        }}
        columns={[
          { header: t('focusAreas.name'), cell: (f) => f.name },
          { header: t('focusAreas.decisionReference'), cell: (f) => [f.decisionReference, f.decisionDate].filter(Boolean).join(', ') },
        ]}
      />
    </ManagePage>
  );
}
