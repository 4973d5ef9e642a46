import { Alert, Heading, List, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { routes, type Organization, type StatusAnalysis } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { ConfirmButton } from '../forms/ConfirmButton';
import { problemText } from '../forms/problem-text';
import { GoalIndicatorCharts } from '../goals/GoalIndicatorCharts';
import { useList, writeTo } from '../resources/api';
import { IndicatorTable } from './AnnualReportPage';
import { BackLink, day, DocumentButtons, hasSmallGroup, ReportFrame } from './parts';
import { reportQueries, reportsKey } from './queries';
import { StatusAnalysisForm } from './StatusAnalysisForm';
import '../../i18n/reports';

/** One kartlegging: the computed indicators with trend and charts, what is observed, the priorities; coordinators edit. */
export function StatusAnalysisPage() {
  const { t } = useTranslation();
  const { kommunenummer, statusAnalysisId } = useParams({ from: '/municipalities/$kommunenummer/status-analyses/$statusAnalysisId' });
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const analysis = useQuery(reportQueries.statusAnalysis(kommunenummer, statusAnalysisId));
  const organizations = useList<Organization>(kommunenummer, 'organizations', routes.listOrganizations);
  const [failure, setFailure] = useState<string | null>(null);
  const canWrite = hasRole(user, kommunenummer, 'coordinator');
  const s = (key: string) => t(`reports.status.${key}`);

  async function remove(etag: string) {
    try {
      await writeTo(kommunenummer, routes.deleteStatusAnalysis, { params: { statusAnalysisId }, etag });
      await queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });
      await navigate({ to: '/municipalities/$kommunenummer/status-analyses', params: { kommunenummer } });
    } catch (error) {
      setFailure(problemText(t, error));
    }
  }

  return (
    <ReportFrame
      kommunenummer={kommunenummer}
      title={() => analysis.data?.item.title ?? t('nav.statusAnalyses')}
      back={<BackLink to="/municipalities/$kommunenummer/status-analyses" kommunenummer={kommunenummer} label={s('back')} />}
    >
      {analysis.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : analysis.isError ? (
        <Alert data-color="danger">{problemText(t, analysis.error)}</Alert>
      ) : (
        <>
          <Facts analysis={analysis.data.item} organizations={organizations.data ?? []} />
          <Indicators kommunenummer={kommunenummer} analysis={analysis.data.item} />
          <DocumentButtons
            kommunenummer={kommunenummer}
            document={{ kind: 'status', statusAnalysisId, periodStart: analysis.data.item.periodStart }}
          />
          {canWrite && (
            <section aria-labelledby="edit-status" className="section panel">
              <Heading level={2} data-size="sm" id="edit-status">
                {s('edit')}
              </Heading>
              <StatusAnalysisForm
                key={analysis.data.etag}
                kommunenummer={kommunenummer}
                analysis={analysis.data.item}
                etag={analysis.data.etag}
                organizations={organizations.data ?? []}
              />
              <div aria-live="polite">{failure && <Alert data-color="danger">{failure}</Alert>}</div>
              <ConfirmButton
                label={s('delete')}
                question={s('deleteQuestion')}
                consequence={s('deleteConsequence')}
                onConfirm={() => remove(analysis.data.etag)}
              />
            </section>
          )}
        </>
      )}
    </ReportFrame>
  );
}

function Facts({ analysis, organizations }: { analysis: StatusAnalysis; organizations: Organization[] }) {
  const { t } = useTranslation();
  const s = (key: string) => t(`reports.status.${key}`);
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? '';
  return (
    <section aria-labelledby="status-facts" className="section">
      <Paragraph id="status-facts">
        {t('reports.period')}: {day(analysis.periodStart)}–{day(analysis.periodEnd)}
      </Paragraph>
      {analysis.summary && (
        <>
          <Heading level={2} data-size="sm">
            {s('summary')}
          </Heading>
          <Paragraph className="report-text">{analysis.summary}</Paragraph>
        </>
      )}
      {analysis.priorities.length > 0 && (
        <>
          <Heading level={2} data-size="sm">
            {s('priorities')}
          </Heading>
          <List.Ordered>
            {analysis.priorities.map((p, index) => (
              <List.Item key={`${index}-${p.title}`}>
                <strong>{p.title}</strong>
                {p.rationale && <>: {p.rationale}</>}
              </List.Item>
            ))}
          </List.Ordered>
        </>
      )}
      {analysis.observations.length > 0 && (
        <>
          <Heading level={2} data-size="sm">
            {s('observations')}
          </Heading>
          <dl className="observations">
            {analysis.observations.map((o) => (
              <div key={o.organizationId}>
                <dt>{orgName(o.organizationId)}</dt>
                <dd>{o.text}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

/** The computed indicators per goal: values ("<5" kept), trend, and each goal's charts with their tables. */
function Indicators({ kommunenummer, analysis }: { kommunenummer: string; analysis: StatusAnalysis }) {
  const { t } = useTranslation();
  const s = (key: string) => t(`reports.status.${key}`);
  const goals = [...new Map(analysis.indicators.map((i) => [i.goalId, i.goalTitle])).entries()];
  return (
    <section aria-labelledby="status-indicators" className="section panel">
      <Heading level={2} data-size="sm" id="status-indicators">
        {s('indicators')}
      </Heading>
      <Paragraph data-size="sm">{s('indicatorsHint')}</Paragraph>
      {goals.length === 0 && <Paragraph>{s('noIndicators')}</Paragraph>}
      {goals.map(([goalId, goalTitle]) => (
        <div key={goalId} className="report-goal">
          <Heading level={3} data-size="xs">
            {goalTitle}
          </Heading>
          <IndicatorTable caption={goalTitle} indicators={analysis.indicators.filter((i) => i.goalId === goalId)} />
          <GoalIndicatorCharts kommunenummer={kommunenummer} goalId={goalId} level={4} />
        </div>
      ))}
      {hasSmallGroup(analysis.indicators.flatMap((i) => [i.previous, i.latest])) && (
        <Paragraph data-size="sm">{t('reports.smallGroup')}</Paragraph>
      )}
    </section>
  );
}
