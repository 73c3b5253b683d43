import { useCallback, useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Select, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '../api';
import { AUDIT_FILTERS, messageOr, type AuditFilters } from '../audit-values';
import { AuditChanges } from '../components/AuditChanges';
import { DebouncedInput } from '../components/DebouncedInput';
import { ErrorState } from '../components/ErrorState';
import { useApiKeys } from '../data/api-keys';
import { useAuditLog, type AuditEntry } from '../data/audit';
import { useUsers } from '../data/users';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { useUrlFilters } from '../use-url-filters';

const ENTITY_TYPES = ['customer', 'user', 'team', 'api_key', 'booking', 'complaint', 'outgoing_message'];
const expandable = (e: AuditEntry) => !!(e.changes || e.details);
const ACTOR_COLOR: Record<AuditEntry['actor']['type'], string> = { user: 'blue', api_key: 'purple', system: 'default' };

/** The filters live in the URL, so a filtered view (a customer's history) can be linked to and survives a reload. */
function useFilters() {
  const { params, setFilters, clear } = useUrlFilters();
  const filters = useMemo<AuditFilters>(() => Object.fromEntries(AUDIT_FILTERS.map((k) => [k, params.get(k) || undefined])), [params]);
  const setFilter = useCallback((name: keyof AuditFilters, value: string | undefined) => setFilters({ [name]: value }), [setFilters]);
  return { filters, setFilter, clear, active: AUDIT_FILTERS.some((k) => params.has(k)) };
}

/** Admins see who changed what, when and from where, and open an entry for the values before and after. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const { filters, setFilter, clear, active } = useFilters();
  // Remounts the text boxes when the filters are cleared.
  const [generation, setGeneration] = useState(0);
  const users = useUsers();
  const keys = useApiKeys();
  const log = useAuditLog(filters);
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);

  const actorOptions = [
    ...(users.data ?? []).map((u) => ({ value: `user:${u.id}`, label: `${u.name} · ${u.email}` })),
    ...(keys.data ?? []).map((k) => ({ value: `api_key:${k.id}`, label: `${t('audit.actorType.api_key')} · ${k.name}` })),
    { value: 'system', label: t('audit.system') },
  ];
  const clearAll = () => {
    clear();
    setGeneration((g) => g + 1);
  };

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('audit.at'), width: 180, render: (_, e) => formatDateTime(e.at, lang) },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 220,
      ellipsis: true,
      render: (_, e) => (
        <>
          <Tag color={ACTOR_COLOR[e.actor.type]}>{t(`audit.actorType.${e.actor.type}`)}</Tag>
          {e.actor.type === 'system' ? t('audit.system') : (e.actor.name ?? t('audit.unknownActor'))}
        </>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      width: 240,
      render: (_, e) => (
        <Flex vertical>
          <span>{messageOr(lang, `audit.action.${e.action}`, e.action)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.action}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      ellipsis: true,
      render: (_, e) => (
        <>
          {messageOr(lang, `audit.entity.${e.entityType}`, e.entityType)}{' '}
          {e.entityId && e.entityType === 'customer' ? (
            <Link to={`/customers/${e.entityId}`} onClick={(ev) => ev.stopPropagation()}>
              <Typography.Text code>{e.entityId}</Typography.Text>
            </Link>
          ) : (
            e.entityId && <Typography.Text code>{e.entityId}</Typography.Text>
          )}
        </>
      ),
    },
    { key: 'ip', title: t('audit.ip'), width: 150, render: (_, e) => e.ip ?? '—' },
  ];

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1400 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('audit.help')}</Typography.Text>

      <Flex wrap gap={8} align="center">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('audit.actor')}
          placeholder={t('audit.filter.actor')}
          loading={users.isPending || keys.isPending}
          value={filters.actor}
          onChange={(v) => setFilter('actor', v)}
          options={actorOptions}
          popupMatchSelectWidth={false}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          aria-label={t('audit.entity')}
          placeholder={t('audit.filter.entityType')}
          value={filters.entityType}
          onChange={(v) => setFilter('entityType', v)}
          options={ENTITY_TYPES.map((v) => ({ value: v, label: messageOr(lang, `audit.entity.${v}`, v) }))}
          style={{ width: 150 }}
        />
        <DebouncedInput
          key={`entityId${generation}`}
          initial={filters.entityId}
          onCommit={(v) => setFilter('entityId', v)}
          placeholder={t('audit.filter.entityId')}
          aria-label={t('audit.filter.entityId')}
          style={{ width: 300 }}
        />
        <DebouncedInput
          key={`action${generation}`}
          initial={filters.action}
          onCommit={(v) => setFilter('action', v)}
          placeholder={t('audit.filter.action')}
          aria-label={t('audit.action')}
          style={{ width: 230 }}
        />
        <Input type="date" aria-label={t('audit.filter.from')} title={t('audit.filter.from')} value={filters.from ?? ''} max={filters.to} onChange={(e) => setFilter('from', e.target.value)} style={{ width: 150 }} />
        <span>–</span>
        <Input type="date" aria-label={t('audit.filter.to')} title={t('audit.filter.to')} value={filters.to ?? ''} min={filters.from} onChange={(e) => setFilter('to', e.target.value)} style={{ width: 150 }} />
        {active && <Button onClick={clearAll}>{t('audit.clearFilters')}</Button>}
      </Flex>

      {log.isError && !log.data ? (
        <ErrorState error={log.error} title={t('audit.loadError')} onRetry={() => log.refetch()} />
      ) : (
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          data-testid="audit-table"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (e) => <AuditChanges entry={e} />,
            rowExpandable: expandable,
            expandRowByClick: true,
          }}
          onRow={(e) => ({ style: { cursor: expandable(e) ? 'pointer' : undefined } })}
          locale={{
            emptyText: log.isPending ? (
              <div style={{ height: 160 }} />
            ) : (
              <Empty description={active ? t('audit.emptyFiltered') : t('audit.empty')}>
                {active && <Button onClick={clearAll}>{t('audit.clearFilters')}</Button>}
              </Empty>
            ),
          }}
        />
      )}

      <Flex gap={12} align="center" data-testid="audit-status" style={{ minHeight: 32 }}>
        {log.isFetchingNextPage && <Spin size="small" />}
        <Typography.Text type="secondary">
          {log.isPending ? t('common.loading') : t('audit.loaded', { n: rows.length })}
          {log.data && !log.hasNextPage && rows.length > 0 && ` · ${t('audit.allLoaded')}`}
        </Typography.Text>
        {log.hasNextPage && (
          <Button size="small" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
            {t('audit.loadMore')}
          </Button>
        )}
        {log.isError && log.data && <Typography.Text type="danger">{errorText(log.error, t('common.networkError'))}</Typography.Text>}
        {log.isError && log.data && (
          <Button size="small" danger onClick={() => (log.isFetchNextPageError ? log.fetchNextPage() : log.refetch())}>
            {t('common.retry')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
