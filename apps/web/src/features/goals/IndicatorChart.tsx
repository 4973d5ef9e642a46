import type { Indicator } from '@slt/shared/browser';
import { useTranslation } from 'react-i18next';

const W = 560;
const H = 220;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };

/**
 * An indicator's measurements as a line over the periods, with the target as a dashed line.
 * "<5" values are drawn as hollow marks at the bottom band (their exact value is never known
 * here). The table beside it carries the same data for screen readers and keyboard users.
 */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const points = indicator.measurements;
  if (points.length === 0) return null;
  const numbers = points.map((m) => (typeof m.value === 'number' ? m.value : 0));
  const max = Math.max(...numbers, indicator.targetValue ?? 0, 5) * 1.1;
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const line = points.map((m, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(typeof m.value === 'number' ? m.value : 0)}`).join(' ');
  const summary = t('goals.chartSummary', {
    name: indicator.name,
    values: points.map((m) => `${m.periodStart.slice(0, 4)}: ${m.value}`).join(', '),
  });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} width="100%">
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} className="chart-axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} className="chart-axis" />
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="chart-label">
          0
        </text>
        <text x={PAD.left - 6} y={y(max / 1.1) + 4} textAnchor="end" className="chart-label">
          {Math.round(max / 1.1)}
        </text>
        {indicator.targetValue !== null && (
          <line x1={PAD.left} x2={W - PAD.right} y1={y(indicator.targetValue)} y2={y(indicator.targetValue)} className="chart-target" />
        )}
        <path d={line} className="chart-line" fill="none" />
        {points.map((m, i) => (
          <g key={m.id}>
            <circle
              cx={x(i)}
              cy={y(typeof m.value === 'number' ? m.value : 0)}
              r={5}
              className={typeof m.value === 'number' ? 'chart-point' : 'chart-point-small'}
            />
            <text x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" className="chart-label">
              {m.periodStart.slice(0, 4) === m.periodEnd.slice(0, 4) ? m.periodStart.slice(0, 4) : `${m.periodStart.slice(0, 7)}`}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-caption">
        {indicator.targetValue !== null ? t('goals.targetLegend', { target: indicator.targetValue }) : null}
      </figcaption>
    </figure>
  );
}
