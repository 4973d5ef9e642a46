import { Alert, Heading, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import type { CreateInvitation, Invitation, Role, User } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useSession } from '../auth/session';
import { ConfirmButton } from '../forms/ConfirmButton';
import { problemText } from '../forms/problem-text';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useMunicipalityName } from '../meetings/hooks';
import { formatDateTime } from '../meetings/time';
import { createBody, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import { useUserWrites } from './mutations';
import { userQueries } from './queries';
import '../../designsystemet/table.css';

const ROLES: Role[] = ['member', 'coordinator'];

/** Who has access to a municipality: invite by e-mail with a role, change a role, remove access. */
export function UsersPage() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/users' });
  return (
    <RequireRole kommunenummer={kommunenummer} role="coordinator">
      <Users kommunenummer={kommunenummer} />
    </RequireRole>
  );
}

function Users({ kommunenummer }: { kommunenummer: string }) {
  const { t } = useTranslation();
  const name = useMunicipalityName(kommunenummer);
  const heading = t('users.title', { name });
  useDocumentTitle(heading);
  const users = useQuery(userQueries.list(kommunenummer));
  const writes = useUserWrites(kommunenummer);
  const [invited, setInvited] = useState<Invitation | null>(null);
  const [formKey, setFormKey] = useState(0);
  const fields: CreateField<CreateInvitation>[] = [
    { name: 'name', kind: 'text', label: t('users.name'), required: true },
    { name: 'email', kind: 'email', label: t('users.email'), required: true },
    {
      name: 'role',
      kind: 'select',
      label: t('users.role'),
      required: true,
      options: ROLES.map((r) => ({ value: r, label: t(`users.roles.${r}`) })),
    },
  ];
  return (
    <>
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{t('users.intro')}</Paragraph>
      <section aria-labelledby="users-list" className="section">
        <Heading level={2} data-size="sm" id="users-list">
          {t('users.list')}
        </Heading>
        {users.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : users.isError ? (
          <Alert data-color="danger">{t('common.error')}</Alert>
        ) : (
          <UserTable kommunenummer={kommunenummer} users={users.data} />
        )}
      </section>
      <section aria-labelledby="users-invite" className="panel">
        <Heading level={2} data-size="sm" id="users-invite">
          {t('users.invite')}
        </Heading>
        <Paragraph data-size="sm">{t('users.inviteIntro')}</Paragraph>
        <ResourceForm
          key={formKey}
          id="invite-form"
          fields={fields}
          initial={{ name: '', email: '', role: 'member' }}
          submitLabel={t('users.inviteSubmit')}
          onSubmit={async (values) => {
            setInvited(await writes.invite.mutateAsync(createBody(fields, values)));
            setFormKey((k) => k + 1);
          }}
        />
        <div aria-live="polite">{invited && <InvitationLink invitation={invited} />}</div>
      </section>
    </>
  );
}

function InvitationLink({ invitation }: { invitation: Invitation }) {
  const { t, i18n } = useTranslation();
  if (!invitation.token) return <Alert data-color="success">{t('users.hadAccount', { name: invitation.user.name })}</Alert>;
  const link = `${window.location.origin}/invitation#${invitation.token}`;
  return (
    <Alert data-color="success">
      <Paragraph>
        {t('users.invited', { name: invitation.user.name, date: formatDateTime(invitation.expiresAt!, i18n.language) })}
      </Paragraph>
      <code className="secret" data-testid="invitation-link">
        {link}
      </code>
    </Alert>
  );
}

function UserTable({ kommunenummer, users }: { kommunenummer: string; users: User[] }) {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const writes = useUserWrites(kommunenummer);
  const [failure, setFailure] = useState<string | null>(null);
  const roleOf = (user: User) => user.roles.find((r) => r.kommunenummer === kommunenummer)?.role;
  return (
    <>
      <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
      <Table className="results responsive-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
            <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('forms.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {users.map((user) => {
            const self = user.id === me?.id;
            const role = roleOf(user);
            return (
              <Table.Row key={user.id}>
                <Table.Cell data-label={t('users.name')}>{user.name}</Table.Cell>
                <Table.Cell data-label={t('users.email')}>{user.email}</Table.Cell>
                <Table.Cell data-label={t('users.role')}>
                  {self || !role ? (
                    role && t(`users.roles.${role}`)
                  ) : (
                    <Select
                      data-size="sm"
                      aria-label={t('users.roleOf', { name: user.name })}
                      value={role}
                      onChange={(event) =>
                        void writes.setRole
                          .mutateAsync({ userId: user.id, role: event.target.value as Role })
                          .then(() => setFailure(null))
                          .catch((e: unknown) => setFailure(problemText(t, e)))
                      }
                    >
                      {ROLES.map((r) => (
                        <Select.Option key={r} value={r}>
                          {t(`users.roles.${r}`)}
                        </Select.Option>
                      ))}
                    </Select>
                  )}
                </Table.Cell>
                <Table.Cell data-label={t('forms.actions')}>
                  {!self && (
                    <ConfirmButton
                      label={t('users.remove')}
                      question={t('users.removeQuestion', { name: user.name })}
                      consequence={t('users.removeConsequence')}
                      onConfirm={() =>
                        writes.remove
                          .mutateAsync(user.id)
                          .then(() => setFailure(null))
                          .catch((e: unknown) => setFailure(problemText(t, e)))
                      }
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </>
  );
}
