import { ORGANIZATION_KINDS, routes, type Organization } from '@slt/shared/browser';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';

const organizationRoutes = {
  list: routes.listOrganizations,
  get: routes.getOrganization,
  create: routes.createOrganization,
  update: routes.updateOrganization,
  remove: routes.deleteOrganization,
};

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/organizations' });
  const fields: ResourceField<typeof organizationRoutes>[] = [
    { name: 'name', kind: 'text', label: t('organizations.name'), required: true },
    {
      name: 'kind',
      kind: 'select',
      label: t('organizations.kind'),
      required: true,
      options: ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizations.kinds.${k}`) })),
    },
    { name: 'description', kind: 'textarea', label: t('organizations.description') },
  ];
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('organizations.title', { name })}>
      <ResourcePage<Organization, typeof organizationRoutes>
        kommunenummer={kommunenummer}
        name="organizations"
        routes={organizationRoutes}
        idParam="organizationId"
        fields={fields}
        itemName={(o) => o.name}
        labels={{
          list: t('nav.organizations'),
          add: t('organizations.add'),
          new: t('organizations.new'),
          edit: (o) => t('forms.editNamed', { name: o.name }),
          empty: t('organizations.empty'),
        }}
        columns={[
          { header: t('organizations.name'), cell: (o) => o.name },
          { header: t('organizations.kind'), cell: (o) => t(`organizations.kinds.${o.kind}`) },
        ]}
      />
    </ManagePage>
  );
}
