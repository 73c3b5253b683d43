import { useMemo, type HTMLAttributes, type ReactNode, type UIEvent } from 'react';
import { Button, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { errorText } from '../api';
import type { useKeysetList } from '../data/keyset';
import { useI18n } from '../i18n/i18n';
import { useElementHeight } from '../use-element-height';
import { ErrorState } from './ErrorState';

/** Fetch the next page when the user is this close (px) to the end of what is loaded. */
const PREFETCH_DISTANCE = 600;
const TABLE_HEADER_HEIGHT = 40;

interface Props<T> {
  list: ReturnType<typeof useKeysetList<T>>;
  columns: TableColumnsType<T>;
  /** the columns' total width: narrower windows scroll sideways */
  scrollX: number;
  /** `${testId}-table` on the table, `${testId}-row` on each row */
  testId: string;
  onRowClick: (row: T) => void;
  empty: ReactNode;
  loadedText: (n: number) => string;
  loadError: string;
}

/**
 * A virtual table that fills the rest of the page and loads the next keyset page as the user scrolls,
 * with a status line below (how many are loaded, loading more, a failed page and its retry).
 */
export function InfiniteTable<T extends { id: string }>({ list, columns, scrollX, testId, onRowClick, empty, loadedText, loadError }: Props<T>) {
  const { t } = useI18n();
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_DISTANCE && list.hasNextPage && !list.isFetchingNextPage && !list.isError) {
      void list.fetchNextPage();
    }
  };

  const busy = list.isFetching && !list.isFetchingNextPage;
  return (
    <>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} title={loadError} onRetry={() => list.refetch()} />
      ) : (
        <div ref={tableBox} data-testid={`${testId}-table`} data-loaded={rows.length} aria-busy={list.isFetching} style={{ flex: 1, minHeight: 0 }}>
          <Table<T>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            loading={list.isPending}
            scroll={{ x: scrollX, y: Math.max(tableHeight - TABLE_HEADER_HEIGHT, 200) }}
            onScroll={onScroll}
            onRow={(row) => ({ onClick: () => onRowClick(row), style: { cursor: 'pointer' }, 'data-testid': `${testId}-row` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: list.isPending ? <div style={{ height: 160 }} /> : empty }}
          />
        </div>
      )}

      <Flex gap={12} align="center" data-testid="list-status" style={{ minHeight: 24 }}>
        {busy && <Spin size="small" />}
        <Typography.Text type="secondary">
          {list.isPending ? t('common.loading') : loadedText(rows.length)}
          {list.isFetchingNextPage && ` · ${t('customers.loadingMore')}`}
          {list.data && !list.hasNextPage && rows.length > 0 && ` · ${t('customers.allLoaded')}`}
        </Typography.Text>
        {list.isError && list.data && <Typography.Text type="danger">{errorText(list.error, t('common.networkError'))}</Typography.Text>}
        {list.isError && list.data && (
          <Button size="small" danger onClick={() => (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}>
            {t('common.retry')}
          </Button>
        )}
      </Flex>
    </>
  );
}
