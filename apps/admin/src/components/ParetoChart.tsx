import { theme } from 'antd';
import type { TieringSummary } from '@crm/contracts';
import { useI18n } from '../i18n/i18n';
import { paretoCrossing, paretoPoints } from '../tier-view';

const W = 560;
const H = 280;
const PAD = { left: 44, right: 16, top: 12, bottom: 36 };
const TICKS = [0, 20, 40, 60, 80, 100];
const sx = (x: number) => PAD.left + (x / 100) * (W - PAD.left - PAD.right);
const sy = (y: number) => H - PAD.bottom - (y / 100) * (H - PAD.top - PAD.bottom);

/**
 * Cumulative share of sales against the share of customers (best first), with the policy's A and B lines:
 * where the curve crosses a line is how many customers that tier takes.
 */
export function ParetoChart({ pareto, lines }: { pareto: TieringSummary['pareto']; lines: { label: string; percent: number }[] }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const points = paretoPoints(pareto);
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
  const axis = { stroke: token.colorBorder, strokeWidth: 1 };
  const text = { fill: token.colorTextSecondary, fontSize: 11 };

  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('tiers.pareto.aria')} data-testid="pareto-chart" style={{ display: 'block', maxHeight: 320 }}>
      {TICKS.map((v) => (
        <g key={v}>
          <line x1={sx(0)} x2={sx(100)} y1={sy(v)} y2={sy(v)} stroke={token.colorSplit} />
          <text x={PAD.left - 6} y={sy(v) + 4} textAnchor="end" {...text}>
            {v}%
          </text>
          <text x={sx(v)} y={H - PAD.bottom + 16} textAnchor="middle" {...text}>
            {v}%
          </text>
        </g>
      ))}
      <line x1={sx(0)} x2={sx(0)} y1={sy(0)} y2={sy(100)} {...axis} />
      <line x1={sx(0)} x2={sx(100)} y1={sy(0)} y2={sy(0)} {...axis} />
      <text x={sx(50)} y={H - 4} textAnchor="middle" {...text}>
        {t('tiers.pareto.xAxis')}
      </text>
      {lines.map((l) => {
        const x = paretoCrossing(points, l.percent);
        return (
          <g key={l.label} data-testid="pareto-line">
            <line x1={sx(0)} x2={sx(100)} y1={sy(l.percent)} y2={sy(l.percent)} stroke={token.colorWarning} strokeDasharray="5 4" />
            {x !== null && <line x1={sx(x)} x2={sx(x)} y1={sy(l.percent)} y2={sy(0)} stroke={token.colorWarning} strokeDasharray="2 3" />}
            <text x={sx(100) - 4} y={sy(l.percent) + 14} textAnchor="end" fill={token.colorWarningText} fontSize={11}>
              {x === null ? `${l.label} ${l.percent}%` : t('tiers.pareto.line', { label: l.label, percent: l.percent, customers: Math.round(x * 10) / 10 })}
            </text>
          </g>
        );
      })}
      <path d={path} fill="none" stroke={token.colorPrimary} strokeWidth={2} />
    </svg>
  );
}
