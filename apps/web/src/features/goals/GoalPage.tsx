import { Alert, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Spinner } from '../layout/Spinner';
import {
  GOAL_DIRECTIONS,
  INDICATOR_UNITS,
  ProblemError,
  routes,
  type CreateIndicator,
  type CreateMeasurement,
  type Goal,
} from '@slt/shared/browser';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/session';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { readWithEtag, sltKey, useSetupWrite } from '../resources/api';
import { createBody, valuesOf, type CreateField } from '../resources/fields';
import { ResourceForm } from '../resources/ResourceForm';
import '../../designsystemet/table.css';

/** The charts (hand-drawn SVG) and official statistics: loaded apart, so the goal page's first paint does not wait for them. */
const IndicatorChart = lazy(() => import('./IndicatorChart').then((m) => ({ default: m.IndicatorChart })));
const IndicatorSourcePanel = lazy(() => import('./IndicatorSourcePanel').then((m) => ({ default: m.IndicatorSourcePanel })));

/** A goal with its indicators: a chart and a table per indicator; coordinators add indicators and values. */
export function GoalPage() {
  const { t } = useTranslation();
  const { kommunenummer, goalId } = useParams({ from: '/municipalities/$kommunenummer/goals/$goalId' });
  const { user } = useSession();
  const goal = useQuery({
    queryKey: sltKey(kommunenummer, 'goal', goalId),
    queryFn: () => readWithEtag<Goal>(routes.getGoal, { kommunenummer, goalId }),
  });
  const write = useSetupWrite(kommunenummer);
  const [formKey, setFormKey] = useState(0);
  useDocumentTitle(goal.data?.item.title);
  const canManage = hasRole(user, kommunenummer, 'coordinator');

  if (goal.isPending) return <Spinner aria-label={t('common.loading')} />;
  if (goal.isError) {
    const missing = goal.error instanceof ProblemError && goal.error.status === 404;
    return <Alert data-color={missing ? 'warning' : 'danger'}>{missing ? t('goals.notFound') : t('common.error')}</Alert>;
  }
  const { item, etag } = goal.data;
  const indicatorFields: CreateField<CreateIndicator>[] = [
    { name: 'name', kind: 'text', label: t('goals.indicatorName'), required: true },
    {
      name: 'unit',
      kind: 'select',
      label: t('goals.unit'),
      required: true,
      options: INDICATOR_UNITS.map((u) => ({ value: u, label: t(`goals.units.${u}`) })),
    },
    {
      name: 'direction',
      kind: 'select',
      label: t('goals.direction'),
      required: true,
      options: GOAL_DIRECTIONS.map((d) => ({ value: d, label: t(`goals.directions.${d}`) })),
    },
    { name: 'targetValue', kind: 'number', label: t('goals.target') },
  ];
  const measurementFields: CreateField<CreateMeasurement>[] = [
    { name: 'periodStart', kind: 'date', label: t('goals.periodStart'), required: true },
    { name: 'periodEnd', kind: 'date', label: t('goals.periodEnd'), required: true },
    { name: 'value', kind: 'number', label: t('goals.value'), required: true },
    { name: 'groupSize', kind: 'number', label: t('goals.groupSize'), description: t('goals.groupSizeHint') },
    { name: 'source', kind: 'text', label: t('goals.source') },
    { name: 'caveat', kind: 'textarea', label: t('goals.caveat') },
  ];
  const saved = () => setFormKey((k) => k + 1);

  return (
    <>
      <Paragraph className="back-link">
        <DsLink asChild>
          <Link to="/municipalities/$kommunenummer/slt" params={{ kommunenummer }}>
            ← {t('goals.back')}
          </Link>
        </DsLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {item.title}
      </Heading>
      {item.description && <Paragraph>{item.description}</Paragraph>}
      {item.indicators.length === 0 && <Paragraph>{t('goals.noIndicators')}</Paragraph>}
      {item.indicators.map((indicator) => (
        <section key={indicator.id} aria-labelledby={`indicator-${indicator.id}`} className="section panel">
          <Heading level={2} data-size="sm" id={`indicator-${indicator.id}`}>
            {indicator.name}
          </Heading>
          <Paragraph data-size="sm">
            {t(`goals.directions.${indicator.direction}`)} · {t(`goals.units.${indicator.unit}`)}
            {indicator.targetValue !== null && (
              <>
                {' '}
                · {t('goals.target')}: {indicator.targetValue}
              </>
            )}
          </Paragraph>
          <Suspense fallback={null}>
            <IndicatorChart indicator={indicator} />
          </Suspense>
          <Suspense fallback={null}>
            <IndicatorSourcePanel
              kommunenummer={kommunenummer}
              goalId={item.id}
              indicatorId={indicator.id}
              target={indicator.targetValue}
              canManage={canManage}
            />
          </Suspense>
          {indicator.measurements.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('goals.tableCaption', { name: indicator.name })}>
              <Table className="results">
                <caption className="visually-hidden">{t('goals.tableCaption', { name: indicator.name })}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('goals.period')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('goals.value')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('goals.source')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('goals.caveat')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('statistics.originLabel')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {indicator.measurements.map((m) => (
                    <Table.Row key={m.id}>
                      <Table.Cell>{`${m.periodStart} – ${m.periodEnd}`}</Table.Cell>
                      <Table.Cell>{m.value}</Table.Cell>
                      <Table.Cell>{m.source ?? ''}</Table.Cell>
                      <Table.Cell>{m.caveat ?? ''}</Table.Cell>
                      <Table.Cell>{t(`statistics.origin.${m.origin}`)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {canManage && (
            <>
              <Heading level={3} data-size="2xs">
                {t('goals.addMeasurement')}
              </Heading>
              <ResourceForm
                key={`${formKey}-${indicator.id}`}
                id={`measurement-${indicator.id}`}
                fields={measurementFields}
                initial={valuesOf(measurementFields)}
                submitLabel={t('goals.addMeasurement')}
                onSubmit={async (values) => {
                  await write.send(routes.createMeasurement, {
                    params: { goalId, indicatorId: indicator.id },
                    body: createBody(measurementFields, values),
                    etag: (await readWithEtag(routes.getGoal, { kommunenummer, goalId })).etag,
                  });
                  saved();
                }}
              />
            </>
          )}
        </section>
      ))}
      {canManage && (
        <section aria-labelledby="new-indicator" className="section panel">
          <Heading level={2} data-size="sm" id="new-indicator">
            {t('goals.addIndicator')}
          </Heading>
          <ResourceForm
            key={`indicator-${formKey}`}
            id="indicator-form"
            fields={indicatorFields}
            initial={{ ...valuesOf(indicatorFields), unit: 'count', direction: 'decrease' }}
            submitLabel={t('goals.addIndicator')}
            onSubmit={async (values) => {
              await write.send(routes.createIndicator, {
                params: { goalId },
                body: createBody(indicatorFields, values),
                etag,
              });
              saved();
            }}
          />
        </section>
      )}
    </>
  );
}
