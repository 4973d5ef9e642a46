import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { ProblemError, routes, type AnnualReport, type AnnualReportSection, type SectionText } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { hasRole, useSession } from '../auth/session';
import { fieldErrorText, problemText } from '../forms/problem-text';
import { currentYearOslo, todayOslo } from '../meetings/time';
import { day, DocumentButtons, hasSmallGroup, ReportFrame, TableScroll, valueText } from './parts';
import { reportQueries, reportsKey } from './queries';
import '../../i18n/meetings';
import '../../i18n/reports';

/** The report's sections in document order (the shared list is a type-only export in the browser build). */
const SECTIONS = [
  'introduction',
  'organization',
  'meetings',
  'decisions',
  'measures',
  'goals',
  'summary',
] as const satisfies readonly AnnualReportSection[];

/** The year an annual report is usually written for: the last one until April, then the current one. */
export const reportYear = () => (todayOslo().slice(5) < '04-01' ? currentYearOslo() - 1 : currentYearOslo());

/** /annual-reports: the report of the usual year. */
export function AnnualReportIndex() {
  const { kommunenummer } = useParams({ from: '/municipalities/$kommunenummer/annual-reports' });
  return (
    <Navigate to="/municipalities/$kommunenummer/annual-reports/$year" params={{ kommunenummer, year: String(reportYear()) }} replace />
  );
}

/** The annual report for a year: every section from the records, and the coordinator's text per section. */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const params = useParams({ from: '/municipalities/$kommunenummer/annual-reports/$year' });
  const { kommunenummer } = params;
  const year = Number(params.year);
  const navigate = useNavigate();
  const report = useQuery(reportQueries.annual(kommunenummer, year));
  const years = Array.from({ length: 6 }, (_, i) => currentYearOslo() - i);
  return (
    <ReportFrame
      kommunenummer={kommunenummer}
      title={(name) => t('reports.annual.title', { year, name })}
      intro={t('reports.annual.intro')}
    >
      <Field className="narrow-field">
        <Label>{t('reports.annual.year')}</Label>
        <Select
          value={String(year)}
          onChange={(event) =>
            void navigate({
              to: '/municipalities/$kommunenummer/annual-reports/$year',
              params: { kommunenummer, year: event.target.value },
            })
          }
        >
          {(years.includes(year) ? years : [year, ...years]).map((y) => (
            <Select.Option key={y} value={String(y)}>
              {y}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {report.isPending ? (
        <Spinner aria-label={t('common.loading')} />
      ) : report.isError ? (
        <Alert data-color="danger">{problemText(t, report.error)}</Alert>
      ) : (
        <>
          <Paragraph data-size="sm">{t('reports.annual.generatedOn', { date: day(report.data.generatedOn) })}</Paragraph>
          {SECTIONS.map((section) => (
            <section key={section} aria-labelledby={`section-${section}`} className="section panel">
              <Heading level={2} data-size="sm" id={`section-${section}`}>
                {t(`reports.annual.sections.${section}`)}
              </Heading>
              <SectionFacts report={report.data} section={section} />
              <SectionText key={year} kommunenummer={kommunenummer} year={year} section={section} />
            </section>
          ))}
          <DocumentButtons kommunenummer={kommunenummer} document={{ kind: 'annual', year }} />
        </>
      )}
    </ReportFrame>
  );
}

function SectionFacts({ report, section }: { report: AnnualReport; section: AnnualReportSection }) {
  const { t } = useTranslation();
  const a = (key: string) => t(`reports.annual.${key}`);
  if (section === 'organization')
    return report.organization.tiers.length === 0 ? (
      <Paragraph>{a('noTiers')}</Paragraph>
    ) : (
      <TableScroll label={t('reports.annual.sections.organization')}>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{a('tier')}</Table.HeaderCell>
              {(['chair', 'secretary', 'member', 'observer'] as const).map((role) => (
                <Table.HeaderCell key={role}>{t(`roles.${role}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.organization.tiers.map((tier) => (
              <Table.Row key={tier.tierId}>
                <Table.Cell>{tier.name}</Table.Cell>
                {(['chair', 'secretary', 'member', 'observer'] as const).map((role) => (
                  <Table.Cell key={role}>{tier.roles[role].value}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    );
  if (section === 'meetings')
    return (
      <TableScroll label={t('reports.annual.sections.meetings')}>
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{a('tier')}</Table.HeaderCell>
              <Table.HeaderCell>{a('held')}</Table.HeaderCell>
              <Table.HeaderCell>{a('required')}</Table.HeaderCell>
              <Table.HeaderCell>{a('cancelled')}</Table.HeaderCell>
              <Table.HeaderCell>{a('status')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.meetings.tiers.map((tier) => (
              <Table.Row key={tier.tierId}>
                <Table.Cell>{tier.name}</Table.Cell>
                <Table.Cell>{tier.held.value}</Table.Cell>
                <Table.Cell>{tier.periods.length === 0 ? '–' : tier.periods.reduce((sum, p) => sum + p.required, 0)}</Table.Cell>
                <Table.Cell>{tier.cancelled.value}</Table.Cell>
                <Table.Cell>{tier.status ? t(`meetings.compliance.statuses.${tier.status}`) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    );
  if (section === 'decisions' && report.decisions)
    return (
      <>
        <Paragraph>{t('reports.annual.decisionCount', { count: report.decisions.count.value })}</Paragraph>
        {report.decisions.items.length > 0 && (
          <ul className="plain decisions-list">
            {report.decisions.items.map((d) => (
              <li key={d.decisionId}>
                <span className="muted">{day(d.date)}</span> {d.text}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  if (section === 'measures') {
    const m = report.measures;
    return (
      <>
        <Paragraph>
          {a('started')}: {m.started.value} · {a('completed')}: {m.completed.value}
          {m.evaluated && (
            <>
              {' · '}
              {a('evaluated')}: {m.evaluated.value}
            </>
          )}
        </Paragraph>
        {m.items.length > 0 && (
          <TableScroll label={t('reports.annual.sections.measures')}>
            <Table>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{a('measure')}</Table.HeaderCell>
                  <Table.HeaderCell>{a('measureStatus')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('reports.period')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {m.items.map((item) => (
                  <Table.Row key={item.measureId}>
                    <Table.Cell>{item.title}</Table.Cell>
                    <Table.Cell>{t(`measures.statuses.${item.status}`)}</Table.Cell>
                    <Table.Cell>{[item.startDate, item.endDate].map((d) => (d ? day(d) : '')).join('–')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
      </>
    );
  }
  if (section === 'goals') {
    const g = report.goals;
    const points = g.items.flatMap((goal) => goal.indicators.flatMap((i) => [i.previous, i.latest]));
    return (
      <>
        <Paragraph>
          {t('reports.annual.indicatorCount', { indicators: g.indicatorCount.value, measurements: g.measurementCount.value })}
        </Paragraph>
        {g.items.map((goal) => (
          <div key={goal.goalId}>
            <Heading level={3} data-size="2xs">
              {goal.title}
            </Heading>
            <Paragraph data-size="sm">{t('reports.annual.goalMeasures', { count: goal.measures.value })}</Paragraph>
            {goal.indicators.length > 0 && <IndicatorTable indicators={goal.indicators} />}
          </div>
        ))}
        {hasSmallGroup(points) && <Paragraph data-size="sm">{t('reports.smallGroup')}</Paragraph>}
      </>
    );
  }
  return null;
}

type Point = { periodEnd: string; value: number | string } | null;
/** Indicators with their previous and latest values and trend ("<5" as it is). */
export function IndicatorTable({
  indicators,
  caption,
  previousLabel,
}: {
  indicators: { indicatorId: string; name: string; previous: Point; latest: Point; trend: string | null; targetValue?: number | null }[];
  caption?: string;
  /** The heading of the earlier value's column ("Forrige" by default; "Utgangspunkt" in the grant report). */
  previousLabel?: string;
}) {
  const { t } = useTranslation();
  const point = (p: Point) => (p ? `${valueText(p)} (${day(p.periodEnd)})` : '–');
  return (
    <TableScroll label={caption ?? t('reports.indicator')}>
      <Table>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('reports.indicator')}</Table.HeaderCell>
            <Table.HeaderCell>{previousLabel ?? t('reports.previous')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.latest')}</Table.HeaderCell>
            <Table.HeaderCell>{t('reports.trend')}</Table.HeaderCell>
            {indicators.some((i) => i.targetValue !== undefined) && <Table.HeaderCell>{t('reports.target')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {indicators.map((i) => (
            <Table.Row key={i.indicatorId}>
              <Table.Cell>{i.name}</Table.Cell>
              <Table.Cell>{point(i.previous)}</Table.Cell>
              <Table.Cell>{point(i.latest)}</Table.Cell>
              <Table.Cell>
                <Tag data-color={i.trend === 'improving' ? 'success' : i.trend === 'worsening' ? 'danger' : 'neutral'} data-size="sm">
                  {t(`reports.trends.${i.trend ?? 'none'}`)}
                </Tag>
              </Table.Cell>
              {i.targetValue !== undefined && <Table.Cell>{i.targetValue ?? '–'}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** The coordinator's text of a section: shown to members, editable by coordinators (If-Match). */
function SectionText({ kommunenummer, year, section }: { kommunenummer: string; year: number; section: AnnualReportSection }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const texts = useQuery(reportQueries.annualTexts(kommunenummer, year));
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = t(`reports.annual.sections.${section}`);
  if (!texts.data) return null;
  const current: SectionText | null = texts.data.item.sections[section];
  const canWrite = hasRole(user, kommunenummer, 'coordinator');
  if (!canWrite)
    return current ? (
      <Paragraph className="report-text">{current.text}</Paragraph>
    ) : (
      <Paragraph data-size="sm">{t('reports.annual.noText')}</Paragraph>
    );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('text') ?? '').trim();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.call(routes.updateAnnualReportTexts, {
        params: { kommunenummer, year },
        headers: { 'if-match': texts.data!.etag },
        body: { [section]: text === '' ? null : { text, isPublic: form.get('isPublic') === 'on' } },
      });
      setSaved(true);
    } catch (failure) {
      const fieldError = failure instanceof ProblemError ? failure.errors.find((e) => e.pointer?.startsWith(`/${section}`)) : undefined;
      setError(fieldError ? { field: 'text', text: fieldErrorText(t, fieldError) } : { text: problemText(t, failure) });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: reportsKey(kommunenummer) });
    }
  }
  return (
    // Keyed by the texts' version: the fields are uncontrolled, so a new version (saved here, or
    // read after a change elsewhere) must start them again from what the server holds.
    <form key={texts.data.etag} className="stack report-text-form" noValidate onSubmit={(event) => void submit(event)}>
      <Textfield
        multiline
        rows={4}
        label={t('reports.annual.text')}
        name="text"
        defaultValue={current?.text ?? ''}
        error={error?.field === 'text' ? error.text : undefined}
      />
      <Checkbox name="isPublic" label={t('reports.annual.isPublic')} defaultChecked={current?.isPublic ?? false} />
      <div aria-live="polite">
        {error && !error.field && <Alert data-color="danger">{error.text}</Alert>}
        {saved && (
          <Alert data-color="success" data-size="sm">
            {t('reports.annual.textSaved', { section: name })}
          </Alert>
        )}
      </div>
      <div className="buttons">
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('reports.annual.saveText', { section: name })}
        </Button>
      </div>
    </form>
  );
}
