import { Alert, Heading, List, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { routes, type GrantApplication } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { ConfirmButton } from '../forms/ConfirmButton';
import { problemText } from '../forms/problem-text';
import { writeTo } from '../resources/api';
import { IndicatorTable } from './AnnualReportPage';
import { GrantForm } from './GrantForm';
import { percent } from './GrantsPage';
import { BackLink, day, DocumentButtons, hasSmallGroup, kroner, ReportFrame, TableScroll } from './parts';
import { reportQueries, reportsKey } from './queries';
import '../../i18n/reports';

/** One grant application: its facts and warning, the edit form and deletion (coordinators), and the grant report. */
export function GrantPage() {
  const { t } = useTranslation();
  const { kommunenummer, grantApplicationId } = useParams({
    from: '/municipalities/$kommunenummer/grant-applications/$grantApplicationId',
  });
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const grant = useQuery(reportQueries.grant(kommunenummer, grantApplicationId));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const canWrite = hasRole(user, kommunenummer, 'coordinator');
  const g = (key: string) => t(`reports.grants.${key}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });

  async function remove(etag: string) {
    try {
      await writeTo(kommunenummer, routes.deleteGrantApplication, { params: { grantApplicationId }, etag });
      await refresh();
      await navigate({ to: '/municipalities/$kommunenummer/grant-applications', params: { kommunenummer } });
    } catch (error) {
      setMessage({ ok: false, text: problemText(t, error) });
    }
  }

  return (
    <ReportFrame
      kommunenummer={kommunenummer}
      title={() => grant.data?.item.title ?? t('nav.grants')}
      back={<BackLink to="/municipalities/$kommunenummer/grant-applications" kommunenummer={kommunenummer} label={g('back')} />}
    >
      {grant.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : grant.isError ? (
        <Alert data-color="danger">{problemText(t, grant.error)}</Alert>
      ) : (
        <>
          <GrantFacts grant={grant.data.item} />
          <GrantReportView kommunenummer={kommunenummer} grantApplicationId={grantApplicationId} />
          <DocumentButtons
            kommunenummer={kommunenummer}
            document={{ kind: 'grant', grantApplicationId, periodStart: grant.data.item.periodStart }}
          />
          {canWrite && (
            <section aria-labelledby="edit-grant" className="section panel">
              <Heading level={2} data-size="sm" id="edit-grant">
                {g('edit')}
              </Heading>
              <GrantForm
                key={grant.data.etag}
                kommunenummer={kommunenummer}
                grant={grant.data.item}
                submitLabel={t('reports.save')}
                onSubmit={async (body) => {
                  setMessage(null);
                  await writeTo(kommunenummer, routes.updateGrantApplication, {
                    params: { grantApplicationId },
                    body: { ...body, grantedAmount: body.grantedAmount ?? null, description: body.description ?? null },
                    etag: grant.data.etag,
                  });
                  await refresh();
                  setMessage({ ok: true, text: t('reports.saved') });
                }}
              />
              <div aria-live="polite">
                {message && (
                  <Alert data-color={message.ok ? 'success' : 'danger'} data-size="sm">
                    {message.text}
                  </Alert>
                )}
              </div>
              <ConfirmButton
                label={g('delete')}
                question={g('deleteQuestion')}
                consequence={g('deleteConsequence')}
                onConfirm={() => remove(grant.data.etag)}
              />
            </section>
          )}
        </>
      )}
    </ReportFrame>
  );
}

function GrantFacts({ grant }: { grant: GrantApplication }) {
  const { t } = useTranslation();
  const g = (key: string) => t(`reports.grants.${key}`);
  return (
    <section aria-label={t('reports.period')} className="section">
      {grant.warnings.includes('own_funding_below_20_percent') && (
        <Alert data-color="warning" role="alert" data-testid="own-funding-warning">
          {t('reports.grants.warningOwnFunding', { share: percent(grant.ownFundingShare) })}
        </Alert>
      )}
      <Paragraph>
        {t('reports.period')}: {day(grant.periodStart)}–{day(grant.periodEnd)}
      </Paragraph>
      <Paragraph>
        {g('applied')}: {kroner(grant.appliedAmount)} · {g('granted')}:{' '}
        {grant.grantedAmount === null ? g('undecided') : kroner(grant.grantedAmount)} · {g('ownFunding')}: {kroner(grant.ownFunding)} (
        {g('ownShare')} {percent(grant.ownFundingShare)} %)
      </Paragraph>
      <Paragraph data-size="sm">
        {t('reports.grants.deadlines', { apply: day(grant.deadlines.apply), report: grant.deadlines.report.map(day).join(', ') })}
      </Paragraph>
      {grant.description && <Paragraph>{grant.description}</Paragraph>}
    </section>
  );
}

/** The grant report: each goal with its measures in the period and its indicators, and budget against accounts. */
function GrantReportView({ kommunenummer, grantApplicationId }: { kommunenummer: string; grantApplicationId: string }) {
  const { t } = useTranslation();
  const report = useQuery(reportQueries.grantReport(kommunenummer, grantApplicationId));
  const g = (key: string) => t(`reports.grants.${key}`);
  if (report.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (report.isError) return <Alert data-color="danger">{problemText(t, report.error)}</Alert>;
  const { goals, budget } = report.data;
  const points = goals.flatMap((goal) => goal.indicators.flatMap((i) => [i.baseline, i.latest]));
  return (
    <section aria-labelledby="grant-report" className="section panel">
      <Heading level={2} data-size="sm" id="grant-report">
        {g('report')}
      </Heading>
      <Paragraph>{g('reportIntro')}</Paragraph>
      {goals.length === 0 && <Paragraph>{g('noReportGoals')}</Paragraph>}
      {goals.map((goal) => (
        <div key={goal.goalId} className="report-goal">
          <Heading level={3} data-size="xs">
            {goal.title}
          </Heading>
          <Heading level={4} data-size="2xs">
            {g('measuresRan')}
          </Heading>
          {goal.measures.length === 0 ? (
            <Paragraph data-size="sm">{g('noMeasures')}</Paragraph>
          ) : (
            <List.Unordered>
              {goal.measures.map((m) => (
                <List.Item key={m.measureId}>
                  {m.title} <Tag data-size="sm">{t(`measures.statuses.${m.status}`)}</Tag>
                  {m.evaluations.length > 0 && (
                    <>
                      {' '}
                      {g('evaluations')}: {m.evaluations.map((e) => `${day(e.date)} ${t(`measures.outcomes.${e.outcome}`)}`).join(', ')}
                    </>
                  )}
                </List.Item>
              ))}
            </List.Unordered>
          )}
          {goal.indicators.length > 0 && (
            <IndicatorTable
              caption={goal.title}
              indicators={goal.indicators.map((i) => ({ ...i, previous: i.baseline }))}
              previousLabel={g('baseline')}
            />
          )}
        </div>
      ))}
      {hasSmallGroup(points) && <Paragraph data-size="sm">{t('reports.smallGroup')}</Paragraph>}
      <Heading level={3} data-size="xs">
        {g('budget')}
      </Heading>
      <TableScroll label={g('budget')}>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{g('lineLabel')}</Table.HeaderCell>
              <Table.HeaderCell>{g('lineBudget')}</Table.HeaderCell>
              <Table.HeaderCell>{g('lineAccounts')}</Table.HeaderCell>
              <Table.HeaderCell>{g('difference')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {budget.lines.map((line, index) => (
              <Table.Row key={`${index}-${line.label}`}>
                <Table.Cell>{line.label}</Table.Cell>
                <Table.Cell>{kroner(line.budget)}</Table.Cell>
                <Table.Cell>{kroner(line.accounts)}</Table.Cell>
                <Table.Cell>{kroner(line.difference)}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row>
              <Table.HeaderCell scope="row">{g('total')}</Table.HeaderCell>
              <Table.Cell>{kroner(budget.totalBudget)}</Table.Cell>
              <Table.Cell>{kroner(budget.totalAccounts)}</Table.Cell>
              <Table.Cell>{kroner(budget.totalAccounts - budget.totalBudget)}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
