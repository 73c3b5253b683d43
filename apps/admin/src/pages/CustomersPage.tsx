import { useCallback, useMemo } from 'react';
import { Button, Checkbox, Empty, Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { DebouncedInput } from '../components/DebouncedInput';
import { InfiniteTable } from '../components/InfiniteTable';
import { TierTag } from '../components/TierTag';
import { UserSelect } from '../components/UserSelect';
import { CUSTOMER_SORTS, customerExportUrl, useCustomerList, type Customer, type CustomerFilters, type CustomerSort } from '../data/customers';
import { useCurrentUser } from '../data/session';
import { OWNER_ROLES } from '../data/users';
import { formatMoney, formatPhone } from '../format';
import { useI18n } from '../i18n/i18n';
import { QUADRANTS, TIER_FLAGS, TIERS, tierFiltersFromParams } from '../tier-view';
import { useUrlFilters } from '../use-url-filters';

const TYPES: Customer['type'][] = ['individual', 'organization', 'partner'];
const FILTER_PARAMS = ['q', 'type', 'ownerId', 'tag', 'tier', 'quadrant', 'tierFlag', 'needsOwner', 'sort'] as const;

function useFilters() {
  const { params, setFilters, clear, generation } = useUrlFilters();
  const filters = useMemo<CustomerFilters>(
    () => ({
      q: params.get('q') || undefined,
      type: (params.get('type') as Customer['type']) || undefined,
      ownerId: params.get('ownerId') || undefined,
      tag: params.get('tag') || undefined,
      ...tierFiltersFromParams(params),
      needsOwner: params.get('needsOwner') === 'true' || undefined,
      sort: (params.get('sort') as CustomerSort) || undefined,
    }),
    [params],
  );
  const setFilter = useCallback((name: (typeof FILTER_PARAMS)[number], value: string | undefined) => setFilters({ [name]: value }), [setFilters]);
  const active = FILTER_PARAMS.some((p) => p !== 'sort' && params.has(p));
  return { filters, setFilter, clear, active, generation };
}

export function CustomersPage() {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { filters, setFilter, clear, active, generation } = useFilters();
  const list = useCustomerList(filters);

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

  return (
    <Flex vertical gap={16} style={{ height: '100%', minHeight: 420 }}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} href={customerExportUrl(filters, lang)} download>
            {t('customers.export')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
            {t('customers.new')}
          </Button>
        </Flex>
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
        <TierFilters filters={filters} setFilter={setFilter} />
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

      <InfiniteTable<Customer>
        list={list}
        columns={columns}
        scrollX={1010}
        testId="customer"
        onRowClick={(c) => navigate(`/customers/${c.id}`)}
        loadedText={(n) => t('customers.loaded', { n })}
        loadError={t('customers.loadError')}
        empty={
          <Empty description={active ? t('customers.emptyFiltered') : t('customers.empty')}>
            {active && <Button onClick={clear}>{t('customers.clearFilters')}</Button>}
          </Empty>
        }
      />
    </Flex>
  );
}

/** Tier, quadrant and flag: the tiers page links here with one of them set. */
function TierFilters({ filters, setFilter }: { filters: CustomerFilters; setFilter: (name: 'tier' | 'quadrant' | 'tierFlag', value: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Select
        allowClear
        aria-label={t('field.tier')}
        placeholder={t('customers.filter.tier')}
        value={filters.tier}
        onChange={(v) => setFilter('tier', v)}
        options={TIERS.map((v) => ({ value: v, label: v }))}
        data-testid="customer-tier-filter"
        style={{ width: 110 }}
      />
      <Select
        allowClear
        aria-label={t('field.quadrant')}
        placeholder={t('customers.filter.quadrant')}
        value={filters.quadrant}
        onChange={(v) => setFilter('quadrant', v)}
        options={QUADRANTS.map((v) => ({ value: v, label: t(`quadrant.${v}`) }))}
        data-testid="customer-quadrant-filter"
        popupMatchSelectWidth={false}
        style={{ width: 170 }}
      />
      <Select
        allowClear
        aria-label={t('tiers.flagsLabel')}
        placeholder={t('customers.filter.tierFlag')}
        value={filters.tierFlag}
        onChange={(v) => setFilter('tierFlag', v)}
        options={TIER_FLAGS.map((v) => ({ value: v, label: t(`flag.${v}`) }))}
        data-testid="customer-flag-filter"
        style={{ width: 130 }}
      />
    </>
  );
}
