import { theme } from 'antd';
import type { ComplaintReport } from '../data/complaint-handling';
import { weekLabel } from '../complaint-handling-view';
import { formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';

const W = 720;
const H = 240;
const PAD = { left: 44, right: 12, top: 20, bottom: 32 };
const TICKS = [0, 25, 50, 75, 100];
/** At most this many week labels under the axis; the others are in each bar's tooltip. */
const MAX_LABELS = 13;
const sy = (percent: number) => H - PAD.bottom - (percent / 100) * (H - PAD.top - PAD.bottom);

/** The share of targets met, one bar per week (an empty slot for a week with none decided), drawn as the Pareto chart is: plain SVG. */
export function WeeklyShareChart({ weeks }: { weeks: ComplaintReport['byWeek'] }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const slot = (W - PAD.left - PAD.right) / Math.max(weeks.length, 1);
  const bar = Math.min(slot * 0.7, 40);
  const labelEvery = Math.ceil(weeks.length / MAX_LABELS);
  const text = { fill: token.colorTextSecondary, fontSize: 11 };
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('slaReport.chartAria')} data-testid="weekly-share-chart" style={{ display: 'block', maxHeight: 280 }}>
      {TICKS.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={sy(v)} y2={sy(v)} stroke={token.colorSplit} />
          <text x={PAD.left - 6} y={sy(v) + 4} textAnchor="end" {...text}>
            {v}%
          </text>
        </g>
      ))}
      {weeks.map((w, i) => {
        const x = PAD.left + slot * i + (slot - bar) / 2;
        const percent = w.share === null ? null : w.share * 100;
        const label = percent === null
          ? t('slaReport.weekEmpty', { week: w.week })
          : t('slaReport.weekBar', { week: w.week, met: w.met, targets: w.targets, share: formatPercent(w.share!, lang) });
        return (
          <g key={w.week} data-testid="week-bar" data-week={w.week} data-share={w.share ?? ''} aria-label={label}>
            <title>{label}</title>
            {percent === null ? (
              <rect x={x} y={sy(0) - 2} width={bar} height={2} fill={token.colorFillSecondary} />
            ) : (
              <>
                <rect x={x} y={sy(percent)} width={bar} height={Math.max(sy(0) - sy(percent), 1)} rx={2} fill={percent < 80 ? token.colorWarning : token.colorPrimary} />
                {slot >= 28 && (
                  <text x={x + bar / 2} y={sy(percent) - 4} textAnchor="middle" {...text}>
                    {Math.round(percent)}%
                  </text>
                )}
              </>
            )}
            {i % labelEvery === 0 && (
              <text x={x + bar / 2} y={H - PAD.bottom + 16} textAnchor="middle" {...text}>
                {weekLabel(w.week)}
              </text>
            )}
          </g>
        );
      })}
      <line x1={PAD.left} x2={W - PAD.right} y1={sy(0)} y2={sy(0)} stroke={token.colorBorder} />
    </svg>
  );
}
