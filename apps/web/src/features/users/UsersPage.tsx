import { Alert, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequireRole } from '../auth/RequireRole';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { useMunicipalityName } from '../meetings/hooks';
import { userQueries } from './queries';

/** Who has access to a municipality, with their role. */
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
  return (
    <>
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      <Paragraph>{t('users.intro')}</Paragraph>
      {users.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : users.isError ? (
        <Alert data-color="danger">{t('common.error')}</Alert>
      ) : (
        <Table className="results responsive-table">
          <caption className="visually-hidden">{heading}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.role')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.data.map((user) => {
              const role = user.roles.find((r) => r.kommunenummer === kommunenummer)?.role;
              return (
                <Table.Row key={user.id}>
                  <Table.Cell data-label={t('users.name')}>{user.name}</Table.Cell>
                  <Table.Cell data-label={t('users.email')}>{user.email}</Table.Cell>
                  <Table.Cell data-label={t('users.role')}>{role ? t(`users.roles.${role}`) : ''}</Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
