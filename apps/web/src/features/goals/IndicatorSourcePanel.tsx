import { Alert, Button, Heading, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { ProblemError, routes, type IndicatorSource, type SourceValue } from '@slt/shared/browser';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readWithEtag, sltKey, writeTo } from '../resources/api';
import { SourceLinkForm, useSourceLinkTexts } from './SourceLinkForm';

const W = 560;
const H = 240;
const PAD = { left: 56, right: 16, top: 16, bottom: 40 };
const LEVELS = ['municipality', 'county', 'country', 'peer'] as const;
type Level = (typeof LEVELS)[number];
const LINE_CLASS: Record<Level, string> = {
  municipality: 'chart-line',
  county: 'chart-line-county',
  country: 'chart-line-country',
  peer: 'chart-line-peer',
};

/** One line of a chart: a region's values by period (null: a gap). */
interface Line {
  level: Level;
  region: string;
  label: string;
  values: (SourceValue | undefined)[];
}

function linesOf(values: SourceValue[], periods: string[]): Line[] {
  const byRegion = new Map<string, SourceValue[]>();
  for (const v of values) byRegion.set(v.region, [...(byRegion.get(v.region) ?? []), v]);
  return [...byRegion.entries()]
    .map(([region, list]) => ({
      level: list[0]!.regionLevel,
      region,
      label: list[0]!.regionLabel ?? region,
      values: periods.map((p) => list.find((v) => v.period === p)),
    }))
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

/** A value as text: the number, "<5", or the word for missing. */
function useShown() {
  const { t } = useTranslation();
  return (v: SourceValue | undefined) =>
    v === undefined || v.status === 'missing'
      ? t('statistics.missing')
      : v.status === 'suppressed' || v.value === null
        ? t('statistics.suppressed')
        : String(v.value);
}

/** One series (one offence group, say): lines per region with gaps where the source withheld a value, and the same data as a table. */
function SeriesChart({ label, values, target }: { label: string; values: SourceValue[]; target: number | null }) {
  const { t } = useTranslation();
  const shown = useShown();
  const captionId = useId();
  const periods = [...new Set(values.map((v) => v.period))].sort((a, b) => a.localeCompare(b));
  const lines = linesOf(values, periods);
  const numbers = values.flatMap((v) => (typeof v.value === 'number' ? [v.value] : []));
  const max = Math.max(...numbers, target ?? 0, 5) * 1.1;
  const x = (i: number) =>
    PAD.left + (periods.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (periods.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  /** Segments between gaps: a withheld or missing value breaks the line, it is never drawn as 0. */
  const pathOf = (line: Line) => {
    let d = '';
    let pen = false;
    line.values.forEach((v, i) => {
      if (typeof v?.value !== 'number') {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i)},${y(v.value)} `;
      pen = true;
    });
    return d.trim();
  };
  const summary = t('statistics.chartSummary', {
    series: label,
    lines: lines.map((l) => `${l.label}: ${l.values.map((v, i) => `${periods[i]} ${shown(v)}`).join(', ')}`).join('; '),
  });
  const hasSuppressed = values.some((v) => v.status === 'suppressed');
  const hasMissing = lines.some((l) => l.values.some((v) => v === undefined || v.status === 'missing'));
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} width="100%">
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="chart-axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="chart-axis" />
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="chart-label">
          0
        </text>
        <text x={PAD.left - 6} y={y(max / 1.1) + 4} textAnchor="end" className="chart-label">
          {Math.round(max / 1.1)}
        </text>
        {target !== null && <line x1={PAD.left} x2={W - PAD.right} y1={y(target)} y2={y(target)} className="chart-target" />}
        {lines.map((line) => (
          <g key={line.region}>
            <path d={pathOf(line)} className={LINE_CLASS[line.level]} fill="none" />
            {line.values.map((v, i) =>
              typeof v?.value === 'number' && line.level === 'municipality' ? (
                <circle key={i} cx={x(i)} cy={y(v.value)} r={4} className="chart-point" />
              ) : null,
            )}
          </g>
        ))}
        {periods.map((p, i) => (
          <text key={p} x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="chart-label">
            {p}
          </text>
        ))}
      </svg>
      <figcaption id={captionId} className="chart-caption">
        {label}
        <ul className="chart-legend">
          {lines.map((l) => (
            <li key={l.region}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" className={LINE_CLASS[l.level]} />
              </svg>{' '}
              {t(`statistics.levels.${l.level}`)} ({l.label})
            </li>
          ))}
          {target !== null && <li>{t('statistics.target', { target })}</li>}
        </ul>
        {hasSuppressed && <span>{t('statistics.suppressedNote')} </span>}
        {hasMissing && <span>{t('statistics.missingNote')}</span>}
      </figcaption>
      {/* Focusable: at 375 px the table scrolls sideways, and keyboard users must be able to scroll it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('statistics.tableCaption', { series: label })}>
        <Table className="results">
          <caption className="visually-hidden">{t('statistics.tableCaption', { series: label })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('statistics.period')}</Table.HeaderCell>
              {lines.map((l) => (
                <Table.HeaderCell key={l.region} scope="col">
                  {l.label}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col">{t('statistics.originLabel')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {periods.map((p, i) => (
              <Table.Row key={p}>
                <Table.HeaderCell scope="row">{p}</Table.HeaderCell>
                {lines.map((l) => (
                  <Table.Cell key={l.region}>{shown(l.values[i])}</Table.Cell>
                ))}
                <Table.Cell>
                  {[...new Set(lines.flatMap((l) => (l.values[i] ? [t(`statistics.origin.${l.values[i].origin}`)] : [])))].join(', ')}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </figure>
  );
}

/**
 * An indicator's official statistics (SSB, FHI): the source and its attribution, a chart and a
 * table per series with the county and the country beside the municipality, and for coordinators
 * "fetch now" and a file upload. Loaded only on the goal page, and only when it opens.
 */
export function IndicatorSourcePanel(props: {
  kommunenummer: string;
  goalId: string;
  indicatorId: string;
  target: number | null;
  canManage: boolean;
}) {
  const { kommunenummer, goalId, indicatorId, target, canManage } = props;
  useSourceLinkTexts();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const key = sltKey(kommunenummer, 'goal', goalId, 'source', indicatorId);
  const source = useQuery({
    queryKey: key,
    queryFn: () => readWithEtag<IndicatorSource>(routes.getIndicatorSource, { kommunenummer, goalId, indicatorId }),
    retry: (count, error) => !(error instanceof ProblemError && error.status === 404) && count < 2,
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const notLinked = source.isError && source.error instanceof ProblemError && source.error.status === 404;
  const params = { goalId, indicatorId };
  const linkForm = canManage && (
    <SourceLinkForm
      kommunenummer={kommunenummer}
      ids={params}
      source={source.data ?? null}
      onSaved={async (text) => {
        setMessage({ ok: true, text });
        await queryClient.invalidateQueries({ queryKey: key });
      }}
    />
  );
  const status = <div role="status">{message && <Alert data-color={message.ok ? 'success' : 'danger'}>{message.text}</Alert>}</div>;
  if (source.isPending) return null;
  if (notLinked)
    return canManage ? (
      <section className="section">
        {linkForm}
        {status}
      </section>
    ) : null;
  if (source.isError) return <Alert data-color="danger">{t('common.error')}</Alert>;
  const s = source.data.item;
  const when = (at: string) =>
    new Date(at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'medium', timeStyle: 'short' });
  const run = async (send: () => Promise<{ body: { created: number; updated: number; unchanged: number } }>) => {
    setBusy(true);
    setMessage(null);
    try {
      const { body } = await send();
      setMessage({ ok: true, text: t('statistics.imported', body) });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ProblemError ? (error.problem.detail ?? error.problem.title) : t('common.error') });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: key });
    }
  };
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    void run(async () =>
      writeTo(kommunenummer, routes.importIndicatorSourceFile, {
        params,
        body: { format: /\.csv$/i.test(file.name) ? 'csv' : 'json-stat2', content: await file.text() },
      }),
    );
  };
  // CC BY 4.0: every table the shown values came from is named (a relinked indicator keeps its old values).
  const attributionOf = (v: Pick<SourceValue, 'provider' | 'tableId' | 'licence'>) =>
    t('statistics.attribution', { provider: t(`statistics.providers.${v.provider}`), table: v.tableId, licence: v.licence });
  const attributions = [...new Set((s.values.length > 0 ? s.values : [s]).map(attributionOf))];
  const bySeries = new Map<string, SourceValue[]>();
  for (const v of s.values) bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), v]);
  return (
    <section className="section" aria-labelledby={`source-${indicatorId}`}>
      <Heading level={3} data-size="xs" id={`source-${indicatorId}`}>
        {t('statistics.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('statistics.source', { provider: t(`statistics.providers.${s.provider}`), table: s.tableId })} ·{' '}
        <DsLink href={s.tableUrl}>{t('statistics.openTable')}</DsLink>
        <br />
        {attributions.join('; ')}.{' '}
        {s.lastSuccessAt ? t('statistics.fetchedAt', { at: when(s.lastSuccessAt) }) : t('statistics.neverImported')}
      </Paragraph>
      {s.unlinkedAt && <Alert data-color="info">{t('statistics.link.unlinked', { at: when(s.unlinkedAt) })}</Alert>}
      {s.lastStatus === 'failed' && !s.unlinkedAt && (
        <Alert data-color="warning">
          {t('statistics.failed', { at: s.lastAttemptAt ? when(s.lastAttemptAt) : '', error: s.lastError ?? '' })}
        </Alert>
      )}
      {[...bySeries.entries()].map(([series, values]) => (
        <SeriesChart key={series} label={values[0]!.seriesLabel} values={values} target={target} />
      ))}
      {canManage && !s.unlinkedAt && (
        <div className="actions">
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={busy}
            onClick={() => void run(() => writeTo(kommunenummer, routes.importIndicatorSource, { params }))}
          >
            {busy ? t('statistics.importing') : t('statistics.importNow')}
          </Button>
          <label>
            {t('statistics.importFile')}{' '}
            <input type="file" accept=".json,.csv,application/json,text/csv" onChange={upload} disabled={busy} />
          </label>
        </div>
      )}
      {linkForm}
      {status}
    </section>
  );
}
