import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { routes, type Goal } from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { readWithEtag, sltKey } from '../resources/api';
import '../../i18n/reports';

// The chart's code loads when a chart is first shown, so it stays out of the pages' first bundle.
const IndicatorChart = lazy(() => import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })));

/**
 * A goal's indicators as charts, each with its data table (the same values, for screen readers and
 * keyboard users): for the plan page (under each goal) and the kartlegging page.
 */
export function GoalIndicatorCharts({
  kommunenummer,
  goalId,
  level,
  showEmpty = false,
}: {
  kommunenummer: string;
  goalId: string;
  /** The heading level of each indicator's name. */
  level: 3 | 4 | 5;
  /** Say so when the goal has no measurements (else nothing is shown). */
  showEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const goal = useQuery({
    queryKey: sltKey(kommunenummer, 'goal', goalId),
    queryFn: () => readWithEtag<Goal>(routes.getGoal, { kommunenummer, goalId }),
  });
  const measured = (goal.data?.item.indicators ?? []).filter((i) => i.measurements.length > 0);
  if (!goal.data) return null;
  if (measured.length === 0) return showEmpty ? <Paragraph data-size="sm">{t('reports.charts.none')}</Paragraph> : null;
  return (
    <div className="indicator-charts">
      {measured.map((indicator) => (
        <div key={indicator.id} className="indicator-chart">
          <Heading level={level} data-size="2xs">
            {indicator.name}
          </Heading>
          <Suspense fallback={null}>
            <IndicatorChart indicator={indicator} />
          </Suspense>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('goals.tableCaption', { name: indicator.name })}>
            <Table data-size="sm">
              <caption className="visually-hidden">{t('goals.tableCaption', { name: indicator.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('goals.period')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('goals.value')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {indicator.measurements.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{`${m.periodStart} – ${m.periodEnd}`}</Table.Cell>
                    <Table.Cell>{m.value}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </div>
      ))}
    </div>
  );
}
