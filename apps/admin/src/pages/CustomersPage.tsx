import { useCallback, useMemo, useState, type HTMLAttributes, type UIEvent } from 'react';
import { Button, Checkbox, Empty, Flex, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../api';
import { DebouncedInput } from '../components/DebouncedInput';
import { ErrorState } from '../components/ErrorState';
import { TierTag } from '../components/TierTag';
import { UserSelect } from '../components/UserSelect';
import { CUSTOMER_SORTS, useCustomerList, type Customer, type CustomerFilters, type CustomerSort } from '../data/customers';
import { useCurrentUser } from '../data/session';
import { OWNER_ROLES } from '../data/users';
import { formatMoney, formatPhone } from '../format';
import { useI18n } from '../i18n/i18n';
import { useElementHeight } from '../use-element-height';

const TYPES: Customer['type'][] = ['individual', 'organization', 'partner'];
const FILTER_PARAMS = ['q', 'type', 'ownerId', 'tag', 'needsOwner', 'sort'] as const;
/** Fetch the next page when the user is this close (px) to the end of what is loaded. */
const PREFETCH_DISTANCE = 600;
const TABLE_HEADER_HEIGHT = 40;

/** The filters live in the URL, so a filtered list survives opening a customer and coming back. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CustomerFilters>(
    () => ({
      q: params.get('q') || undefined,
      type: (params.get('type') as Customer['type']) || undefined,
      ownerId: params.get('ownerId') || undefined,
      tag: params.get('tag') || undefined,
      needsOwner: params.get('needsOwner') === 'true' || undefined,
      sort: (params.get('sort') as CustomerSort) || undefined,
    }),
    [params],
  );
  const setFilter = useCallback(
    (name: (typeof FILTER_PARAMS)[number], value: string | undefined) =>
      setParams(
        (prev) => {
          if ((prev.get(name) ?? '') === (value ?? '')) return prev;
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams({}, { replace: true }), [setParams]);
  const active = FILTER_PARAMS.some((p) => p !== 'sort' && params.has(p));
  return { filters, setFilter, clear, active };
}

export function CustomersPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { filters, setFilter, clear, active } = useFilters();
  // Remounts the text boxes when the filters are cleared.
  const [generation, setGeneration] = useState(0);
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>();
  const list = useCustomerList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < PREFETCH_DISTANCE && list.hasNextPage && !list.isFetchingNextPage && !list.isError) {
      void list.fetchNextPage();
    }
  };
  const clearAll = () => {
    clear();
    setGeneration((g) => g + 1);
  };

  const columns: TableColumnsType<Customer> = [
    {
      key: 'name',
      title: t('field.name'),
      width: 220,
      ellipsis: true,
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {c.name}
        </Link>
      ),
    },
    { key: 'type', title: t('field.type'), width: 110, render: (_, c) => t(`type.${c.type}`) },
    { key: 'phone', title: t('field.phone'), width: 170, render: (_, c) => (c.phone ? formatPhone(c.phone) : '—') },
    { key: 'city', title: t('field.city'), width: 110, ellipsis: true, render: (_, c) => c.city ?? '—' },
    {
      key: 'owner',
      title: t('field.owner'),
      width: 170,
      ellipsis: true,
      render: (_, c) => (
        <>
          {c.owner.name}
          {!c.owner.active && (
            <Tag color="warning" style={{ marginInlineStart: 6 }}>
              {t('customer.ownerInactive')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'tier', title: t('field.tier'), width: 80, align: 'center', render: (_, c) => <TierTag tier={c.tier} /> },
    { key: 'value', title: t('field.lifetimeValue'), width: 150, align: 'right', render: (_, c) => formatMoney(c.lifetimeValue, lang) },
  ];

  const busy = list.isFetching && !list.isFetchingNextPage;
  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
          {t('customers.new')}
        </Button>
      </Flex>

      <Flex wrap gap={8} align="center">
        <DebouncedInput
          key={`q${generation}`}
          initial={filters.q}
          onCommit={(v) => setFilter('q', v)}
          prefix={<SearchOutlined />}
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          data-testid="customer-search"
          style={{ width: 300 }}
        />
        <Select
          allowClear
          aria-label={t('field.type')}
          placeholder={t('customers.filter.type')}
          value={filters.type}
          onChange={(v) => setFilter('type', v)}
          options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))}
          style={{ width: 130 }}
        />
        {user.role !== 'account_manager' && (
          <UserSelect
            allowClear
            aria-label={t('field.owner')}
            placeholder={t('customers.filter.owner')}
            value={filters.ownerId}
            onChange={(v) => setFilter('ownerId', v)}
            filter={(u) => OWNER_ROLES.includes(u.role)}
            style={{ width: 160 }}
          />
        )}
        <DebouncedInput
          key={`tag${generation}`}
          initial={filters.tag}
          onCommit={(v) => setFilter('tag', v)}
          placeholder={t('customers.filter.tag')}
          aria-label={t('customers.filter.tag')}
          style={{ width: 130 }}
        />
        <Checkbox checked={!!filters.needsOwner} onChange={(e) => setFilter('needsOwner', e.target.checked ? 'true' : undefined)}>
          {t('customers.filter.needsOwner')}
        </Checkbox>
        <Select
          aria-label={t('customers.sort')}
          value={filters.sort ?? 'name'}
          onChange={(v) => setFilter('sort', v === 'name' ? undefined : v)}
          options={CUSTOMER_SORTS.map((v) => ({ value: v, label: t(`sort.${v}`) }))}
          style={{ width: 190, marginInlineStart: 'auto' }}
        />
      </Flex>

      {list.isError && !list.data ? (
        <ErrorState error={list.error} title={t('customers.loadError')} onRetry={() => list.refetch()} />
      ) : (
        <div ref={tableBox} data-testid="customer-table" data-loaded={rows.length} aria-busy={list.isFetching} style={{ flex: 1, minHeight: 0 }}>
          <Table<Customer>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            loading={list.isPending}
            scroll={{ x: 1010, y: Math.max(tableHeight - TABLE_HEADER_HEIGHT, 200) }}
            onScroll={onScroll}
            onRow={(c) => ({ onClick: () => navigate(`/customers/${c.id}`), style: { cursor: 'pointer' }, 'data-testid': 'customer-row' }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={active ? t('customers.emptyFiltered') : t('customers.empty')}>
                  {active && <Button onClick={clearAll}>{t('customers.clearFilters')}</Button>}
                </Empty>
              ),
            }}
          />
        </div>
      )}

      <Flex gap={12} align="center" data-testid="list-status" style={{ minHeight: 24 }}>
        {busy && <Spin size="small" />}
        <Typography.Text type="secondary">
          {list.isPending ? t('common.loading') : t('customers.loaded', { n: rows.length })}
          {list.isFetchingNextPage && ` · ${t('customers.loadingMore')}`}
          {list.data && !list.hasNextPage && rows.length > 0 && ` · ${t('customers.allLoaded')}`}
        </Typography.Text>
        {list.isError && list.data && (
          <Typography.Text type="danger">{errorText(list.error, t('common.networkError'))}</Typography.Text>
        )}
        {list.isError && list.data && (
          <Button size="small" danger onClick={() => (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}>
            {t('common.retry')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
