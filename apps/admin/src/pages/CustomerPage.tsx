import type { ReactNode } from 'react';
import { App, Alert, Button, Col, Descriptions, Flex, Popconfirm, Result, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleOutlined, DeleteOutlined, EditOutlined, HistoryOutlined, StarFilled } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { isProblem } from '../api';
import { BookingTimeline } from '../components/BookingTimeline';
import { CustomerComplaints } from '../components/CustomerComplaints';
import { CustomerMessages } from '../components/CustomerMessages';
import { CustomerValueSection } from '../components/CustomerValueSection';
import { CustomerVisits } from '../components/CustomerVisits';
import { ErrorState } from '../components/ErrorState';
import { OwnerHistory } from '../components/OwnerHistory';
import { Section, TagList } from '../components/Section';
import { LifecycleSection } from '../components/LifecycleSection';
import { TierSection } from '../components/TierSection';
import { TierTag } from '../components/TierTag';
import { useCustomer, useDeleteCustomer, useRestoreCustomer, type Customer } from '../data/customers';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { formatDateTime, formatPhone } from '../format';
import { useI18n, type MessageKey } from '../i18n/i18n';

const CONSENT_CHANNELS = ['sms', 'email', 'wechat', 'phone'] as const;

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const customer = useCustomer(id);

  if (customer.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (customer.isError) {
    if (isProblem(customer.error, 404)) {
      return <Result status="404" title="404" subTitle={t('customer.notFound')} extra={<Link to="/customers">{t('common.toHome')}</Link>} />;
    }
    return <ErrorState error={customer.error} onRetry={() => customer.refetch()} />;
  }
  // A merged customer's old id answers with the survivor: show it under its own address.
  if (customer.data.id !== id) return <Navigate to={`/customers/${customer.data.id}`} replace />;
  return <CustomerProfile customer={customer.data} />;
}

function CustomerProfile({ customer: c }: { customer: Customer }) {
  const { t, lang } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const remove = useDeleteCustomer();
  const restore = useRestoreCustomer();
  const manager = canManageCustomers(user);
  const label = (key: string) => t(key as MessageKey);

  const onDelete = () =>
    remove.mutate(c.id, {
      onSuccess: () => {
        navigate('/customers');
        const key = `deleted-${c.id}`;
        message.success({
          key,
          duration: 8,
          content: (
            <Space>
              {t('customer.deletedMessage', { name: c.name })}
              <Button
                size="small"
                type="link"
                onClick={() =>
                  restore.mutate(c.id, {
                    onSuccess: () => {
                      message.success({ key, content: t('customer.restored', { name: c.name }) });
                      navigate(`/customers/${c.id}`);
                    },
                    onError: (err) => message.error({ key, content: err.message }),
                  })
                }
              >
                {t('common.undo')}
              </Button>
            </Space>
          ),
        });
      },
      onError: (err) => message.error(err.message),
    });

  return (
    <div style={{ maxWidth: 1280 }}>
      <Link to="/customers">
        <ArrowLeftOutlined /> {t('nav.customers')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ margin: '12px 0 20px' }}>
        <Space size={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
            {c.name}
          </Typography.Title>
          <Tag>{t(`type.${c.type}`)}</Tag>
          {c.tier && <TierTag tier={c.tier} />}
          {c.doNotContact && <Tag color="red">{t('field.doNotContact')}</Tag>}
          {c.deletedAt && <Tag color="default">{t('customer.deleted')}</Tag>}
        </Space>
        <Space>
          {user.role === 'admin' && (
            <Link to={`/audit?entityType=customer&entityId=${c.id}`} data-testid="customer-audit-link">
              <HistoryOutlined /> {t('customer.auditHistory')}
            </Link>
          )}
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/customers/${c.id}/edit`)}>
            {t('common.edit')}
          </Button>
          {manager && (
            <Popconfirm title={t('customer.deleteConfirm')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={onDelete}>
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Section title={t('section.basic')} testId="basic">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              {c.type === 'partner' && <Descriptions.Item label={t('field.partnerKind')}>{c.partnerKind ? label(`partnerKind.${c.partnerKind}`) : '—'}</Descriptions.Item>}
              <Descriptions.Item label={t('field.phone')}>
                <span data-testid="customer-phone">{c.phone ? formatPhone(c.phone) : '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.email')}>{dash(c.email)}</Descriptions.Item>
              <Descriptions.Item label={t('field.organization')}>{dash(c.organization)}</Descriptions.Item>
              <Descriptions.Item label={t('field.city')}>
                <span data-testid="customer-city">{dash(c.city)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.birthday')}>{dash(c.birthday)}</Descriptions.Item>
              <Descriptions.Item label={t('field.ageBand')}>{c.ageBand ? label(`ageBand.${c.ageBand}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('field.occupation')}>{dash(c.occupation)}</Descriptions.Item>
              <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(c.createdAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('field.updatedAt')}>{formatDateTime(c.updatedAt, lang)}</Descriptions.Item>
            </Descriptions>
          </Section>

          <CustomerValueSection customerId={c.id} />

          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Section title={t('section.behaviour')} testId="behaviour">
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('field.preferredSeasons')}>
                    <TagList values={c.preferredSeasons.map((s) => label(`season.${s}`))} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.decisionCycleDays')}>
                    {c.decisionCycleDays === null ? '—' : t('customer.days', { n: c.decisionCycleDays })}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('field.sensitivities')}>
                    <TagList values={c.sensitivities} color="orange" />
                  </Descriptions.Item>
                </Descriptions>
              </Section>
            </Col>
            <Col xs={24} md={12}>
              <Section title={t('section.motivation')} testId="motivation">
                <TagList values={c.motivations} color="green" />
              </Section>
              <Section title={t('section.tags')} testId="tags">
                <TagList values={c.tags} color="blue" />
              </Section>
            </Col>
          </Row>

          <Section title={t('section.contacts')} testId="contacts">
            {c.type === 'individual' ? (
              <Typography.Text type="secondary">{t('customer.noContactsForIndividual')}</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.contacts}
                columns={[
                  {
                    key: 'name',
                    title: t('field.contactName'),
                    render: (_, p) => (
                      <Space size={4}>
                        {p.name}
                        {p.primary && <StarFilled style={{ color: '#faad14' }} aria-label={t('field.contactPrimary')} />}
                      </Space>
                    ),
                  },
                  { key: 'role', title: t('field.contactRole'), render: (_, p) => dash(p.role) },
                  { key: 'phone', title: t('field.phone'), render: (_, p) => (p.phone ? formatPhone(p.phone) : '—') },
                  { key: 'email', title: t('field.email'), render: (_, p) => dash(p.email) },
                ]}
              />
            )}
          </Section>

          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Section title={t('section.consent')} testId="consent">
                <Space size={[8, 8]} wrap>
                  {CONSENT_CHANNELS.map((ch) => (
                    <Tag
                      key={ch}
                      icon={c.consent[ch] ? <CheckCircleFilled /> : <CloseCircleOutlined />}
                      color={c.consent[ch] ? 'success' : 'default'}
                      aria-label={`${t(`consent.${ch}`)}: ${c.consent[ch] ? t('common.yes') : t('common.no')}`}
                    >
                      {t(`consent.${ch}`)}
                    </Tag>
                  ))}
                </Space>
                {c.doNotContact && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('field.doNotContact')} />}
              </Section>
            </Col>
            <Col xs={24} md={12}>
              <Section title={t('section.externalRefs')} testId="external-refs">
                {c.externalRefs.length ? (
                  <Descriptions size="small" column={1}>
                    {c.externalRefs.map((r) => (
                      <Descriptions.Item key={`${r.source}/${r.externalId}`} label={r.source}>
                        <Typography.Text copyable>{r.externalId}</Typography.Text>
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                )}
              </Section>
            </Col>
          </Row>
        </Col>

        <Col xs={24} xl={8}>
          <Section title={t('section.owner')} testId="owner">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <div>
                <Typography.Text strong data-testid="customer-owner">
                  {c.owner.name}
                </Typography.Text>{' '}
                <Typography.Text type="secondary">{c.owner.email}</Typography.Text>
              </div>
              {!c.owner.active && <Alert type="warning" showIcon title={t('customer.ownerInactiveWarning')} />}
              <Typography.Text type="secondary">{t('customer.ownerHistory')}</Typography.Text>
              <OwnerHistory customerId={c.id} />
            </Space>
          </Section>

          <TierSection customer={c} />

          <BookingTimeline customerId={c.id} />

          <LifecycleSection customer={c} />

          <CustomerVisits customerId={c.id} />

          <CustomerComplaints customerId={c.id} />

          <CustomerMessages customerId={c.id} />
        </Col>
      </Row>
    </div>
  );
}
