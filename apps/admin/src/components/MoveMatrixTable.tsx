import { Flex, Table, Typography, theme } from 'antd';
import type { TierPreview } from '@crm/contracts';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { moveMatrix, type Tier } from '../tier-view';
import { TierTag } from './TierTag';

/** The preview: customers per (tier now, tier under the new rules); the off-diagonal cells are the moves. */
export function MoveMatrixTable({ preview }: { preview: TierPreview }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const matrix = moveMatrix(preview.moves);
  const label = (tier: Tier | null) => (tier ? <TierTag tier={tier} /> : t('tiers.untiered'));

  return (
    <Flex vertical gap={8} data-testid="move-matrix">
      <Typography.Text data-testid="move-total">{t('policy.preview.moved', { n: matrix.moved, asOf: formatDateTime(preview.asOf, lang) })}</Typography.Text>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(from) => from ?? 'none'}
        dataSource={matrix.tiers}
        columns={[
          { key: 'from', title: t('policy.preview.fromTo'), width: 160, render: (_, from) => label(from) },
          ...matrix.tiers.map((to) => ({
            key: to ?? 'none',
            title: label(to),
            align: 'center' as const,
            onCell: (from: Tier | null) => ({
              'data-testid': `move-${from ?? 'none'}-${to ?? 'none'}`,
              style: from !== to && matrix.count(from, to) ? { background: token.colorWarningBg, fontWeight: 600 } : undefined,
            }),
            render: (_: unknown, from: Tier | null) => matrix.count(from, to) || '·',
          })),
        ]}
      />
    </Flex>
  );
}
