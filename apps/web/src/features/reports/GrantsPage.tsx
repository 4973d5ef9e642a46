import { Alert, Heading, Link as DsLink, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { routes } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { problemText } from '../forms/problem-text';
import { writeTo } from '../resources/api';
import { GrantForm } from './GrantForm';
import { day, kroner, ReportFrame } from './parts';
import { reportQueries, reportsKey } from './queries';
import '../../i18n/reports';

/** The municipality's grant applications, and a new one (coordinators). */
export function GrantsPage() {
  const { t } = useTranslation();
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/grant-applications' });
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const grants = useQuery(reportQueries.grants(kommunenummer));
  const g = (key: string) => t(`reports.grants.${key}`);
  return (
    <ReportFrame kommunenummer={kommunenummer} title={(name) => t('reports.grants.title', { name })} intro={g('intro')}>
      <section aria-labelledby="grant-list" className="section">
        <Heading level={2} data-size="sm" id="grant-list">
          {g('list')}
        </Heading>
        {grants.isPending ? (
          <Spinner aria-label={t('common.loading')} />
        ) : grants.isError ? (
          <Alert data-color="danger">{problemText(t, grants.error)}</Alert>
        ) : grants.data.length === 0 ? (
          <Paragraph>{g('empty')}</Paragraph>
        ) : (
          <Table className="responsive-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('reports.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('reports.period')}</Table.HeaderCell>
                <Table.HeaderCell>{g('applied')}</Table.HeaderCell>
                <Table.HeaderCell>{g('granted')}</Table.HeaderCell>
                <Table.HeaderCell>{g('ownShare')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {grants.data.map((grant) => (
                <Table.Row key={grant.id}>
                  <Table.Cell data-label={t('reports.title')}>
                    <DsLink asChild>
                      <Link
                        to="/municipalities/$kommunenummer/grant-applications/$grantApplicationId"
                        params={{ kommunenummer, grantApplicationId: grant.id }}
                      >
                        {grant.title}
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('reports.period')}>
                    {day(grant.periodStart)}–{day(grant.periodEnd)}
                  </Table.Cell>
                  <Table.Cell data-label={g('applied')}>{kroner(grant.appliedAmount)}</Table.Cell>
                  <Table.Cell data-label={g('granted')}>
                    {grant.grantedAmount === null ? g('undecided') : kroner(grant.grantedAmount)}
                  </Table.Cell>
                  <Table.Cell data-label={g('ownShare')}>
                    {grant.warnings.includes('own_funding_below_20_percent') ? (
                      <Tag data-color="warning" data-size="sm">
                        {percent(grant.ownFundingShare)} %
                      </Tag>
                    ) : (
                      `${percent(grant.ownFundingShare)} %`
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      {hasRole(user, kommunenummer, 'coordinator') && (
        <section aria-labelledby="new-grant" className="section panel">
          <Heading level={2} data-size="sm" id="new-grant">
            {g('newApplication')}
          </Heading>
          <GrantForm
            kommunenummer={kommunenummer}
            submitLabel={g('create')}
            onSubmit={async (body) => {
              const created = await writeTo(kommunenummer, routes.createGrantApplication, { body });
              await queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });
              await navigate({
                to: '/municipalities/$kommunenummer/grant-applications/$grantApplicationId',
                params: { kommunenummer, grantApplicationId: created.body.id },
              });
            }}
          />
        </section>
      )}
    </ReportFrame>
  );
}

/** A share (0.18) as a percentage with one decimal in Norwegian style (18,0). */
export const percent = (share: number) => (Math.round(share * 1000) / 10).toLocaleString('nb-NO', { minimumFractionDigits: 1 });
