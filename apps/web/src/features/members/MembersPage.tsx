import { routes, type Member, type Organization } from '@slt/shared/browser';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useList } from '../resources/api';
import { ResourcePage, type ResourceField } from '../resources/ResourcePage';
import { ManagePage } from '../slt/ManagePage';

export const memberRouteSet = {
  list: routes.listMembers,
  get: routes.getMember,
  create: routes.createMember,
  update: routes.updateMember,
  remove: routes.deleteMember,
};

export function MembersPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/members' });
  const organizations = useList<Organization>(kommunenummer, 'organizations', routes.listOrganizations);
  const orgName = (id: string | null) => organizations.data?.find((o) => o.id === id)?.name ?? '';
  const fields: ResourceField<typeof memberRouteSet>[] = [
    { name: 'name', kind: 'text', label: t('members.name'), required: true },
    { name: 'roleTitle', kind: 'text', label: t('members.roleTitle') },
    {
      name: 'organizationId',
      kind: 'select',
      label: t('members.organization'),
      options: (organizations.data ?? []).map((o) => ({ value: o.id, label: o.name })),
    },
    { name: 'email', kind: 'email', label: t('members.email') },
    { name: 'emailPublic', kind: 'checkbox', label: t('members.emailPublic') },
    { name: 'phone', kind: 'tel', label: t('members.phone') },
    { name: 'phonePublic', kind: 'checkbox', label: t('members.phonePublic') },
    { name: 'isCoordinator', kind: 'checkbox', label: t('members.isCoordinator') },
  ];
  const nameOf = (m: Member) => m.name ?? t('slt.erased');
  return (
    <ManagePage kommunenummer={kommunenummer} title={(name) => t('members.title', { name })} intro={t('members.intro')}>
      {organizations.isSuccess && (
        <ResourcePage<Member, typeof memberRouteSet>
          kommunenummer={kommunenummer}
          name="members"
          routes={memberRouteSet}
          idParam="memberId"
          fields={fields}
          itemName={nameOf}
          labels={{
            list: t('nav.members'),
            add: t('members.add'),
            new: t('members.new'),
            edit: (m) => t('forms.editNamed', { name: nameOf(m) }),
            empty: t('members.empty'),
          }}
          columns={[
            { header: t('members.name'), cell: nameOf },
            { header: t('members.roleTitle'), cell: (m) => m.roleTitle ?? '' },
            { header: t('members.organization'), cell: (m) => orgName(m.organizationId) },
            { header: t('members.email'), cell: (m) => (m.email ? `${m.email}${m.emailPublic ? '' : ` (${t('members.internal')})`}` : '') },
            { header: t('members.phone'), cell: (m) => (m.phone ? `${m.phone}${m.phonePublic ? '' : ` (${t('members.internal')})`}` : '') },
          ]}
        />
      )}
    </ManagePage>
  );
}
