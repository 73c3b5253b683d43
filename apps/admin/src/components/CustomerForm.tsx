import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CustomerFormValues } from '../customer-form-values';
import { OWNER_ROLES } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { UserSelect } from './UserSelect';

const TYPES = ['individual', 'organization', 'partner'] as const;
const PARTNER_KINDS = ['upstream_agency', 'ground_handler', 'distributor'] as const;
const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_plus'] as const;
const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
const CONSENT = ['sms', 'email', 'wechat', 'phone'] as const;

export interface CustomerFormProps {
  form: FormInstance<CustomerFormValues>;
  initialValues: CustomerFormValues;
  /** Whether the owner can be picked here, and the owner as loaded (an edit asks why it changes). */
  owner: { editable: boolean; original?: string };
  saving: boolean;
  /** Server errors that name no field of the form. */
  errors: string[];
  onSubmit: (values: CustomerFormValues) => void;
  onCancel: () => void;
}

/** Create and edit: the same form; server validation errors land on the fields they name. */
export function CustomerForm({ form, initialValues, owner, saving, errors, onSubmit, onCancel }: CustomerFormProps) {
  const { t } = useI18n();
  const type = Form.useWatch('type', form) ?? initialValues.type;
  const ownerId = Form.useWatch('ownerId', form);
  const freeText = { mode: 'tags' as const, open: false, tokenSeparators: [',', '，', ';', '；'], suffixIcon: null };

  return (
    <Form form={form} name="customer" layout="vertical" initialValues={initialValues} onFinish={onSubmit} scrollToFirstError style={{ maxWidth: 960 }}>
      <Card size="small" title={t('section.basic')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="type" label={t('field.type')}>
              <Radio.Group optionType="button" options={TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
            </Form.Item>
          </Col>
          {type === 'partner' && (
            <Col xs={24} md={12}>
              <Form.Item name="partnerKind" label={t('field.partnerKind')}>
                <Select allowClear options={PARTNER_KINDS.map((v) => ({ value: v, label: t(`partnerKind.${v}`) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('field.phone')} extra={t('form.phoneHint')}>
              <Input allowClear inputMode="tel" placeholder="13800138000" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('field.email')}>
              <Input allowClear type="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="organization" label={t('field.organization')}>
              <Input allowClear maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="city" label={t('field.city')}>
              <Input allowClear maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="birthday" label={t('field.birthday')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ageBand" label={t('field.ageBand')}>
              <Select allowClear options={AGE_BANDS.map((v) => ({ value: v, label: t(`ageBand.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occupation" label={t('field.occupation')}>
              <Input allowClear maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('section.behaviour')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="preferredSeasons" label={t('field.preferredSeasons')}>
              <Checkbox.Group options={SEASONS.map((v) => ({ value: v, label: t(`season.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="decisionCycleDays" label={t('field.decisionCycleDays')}>
              <InputNumber min={0} max={3650} precision={0} suffix={t('customer.days', { n: '' }).trim()} style={{ width: 160 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sensitivities" label={t('field.sensitivities')} extra={t('form.tagsHint')}>
          <Select {...freeText} />
        </Form.Item>
      </Card>

      <Card size="small" title={`${t('section.motivation')} · ${t('section.tags')}`} style={{ marginBottom: 16 }}>
        <Form.Item name="motivations" label={t('field.motivations')} extra={t('form.tagsHint')}>
          <Select {...freeText} />
        </Form.Item>
        <Form.Item name="tags" label={t('field.tags')} extra={t('form.tagsHint')}>
          <Select {...freeText} />
        </Form.Item>
      </Card>

      {type !== 'individual' && (
        <Card size="small" title={t('section.contacts')} style={{ marginBottom: 16 }}>
          <Form.List name="contacts">
            {(fields, { add, remove }, { errors: listErrors }) => (
              <>
                {fields.map(({ key, name }) => (
                  <Row key={key} gutter={8} align="top">
                    <Col xs={24} md={5}>
                      <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
                        <Input placeholder={t('field.contactName')} aria-label={t('field.contactName')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item name={[name, 'role']}>
                        <Input placeholder={t('field.contactRole')} aria-label={t('field.contactRole')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[name, 'phone']}>
                        <Input placeholder={t('field.phone')} aria-label={t('field.phone')} inputMode="tel" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={5}>
                      <Form.Item name={[name, 'email']}>
                        <Input placeholder={t('field.email')} aria-label={t('field.email')} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={4}>
                      <Form.Item name={[name, 'primary']} valuePropName="checked">
                        <Checkbox>{t('field.contactPrimary')}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={listErrors} />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ primary: fields.length === 0 })}>
                  {t('form.addContact')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      )}

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('section.consent')} style={{ marginBottom: 16 }}>
            <Form.Item label={t('field.consent')}>
              <Space wrap>
                {CONSENT.map((ch) => (
                  <Form.Item key={ch} name={['consent', ch]} valuePropName="checked" noStyle>
                    <Checkbox>{t(`consent.${ch}`)}</Checkbox>
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
            <Form.Item name="doNotContact" label={t('field.doNotContact')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('section.externalRefs')} style={{ marginBottom: 16 }}>
            <Form.List name="externalRefs">
              {(fields, { add, remove }, { errors: listErrors }) => (
                <>
                  {fields.map(({ key, name }) => (
                    <Flex key={key} gap={8} align="start">
                      <Form.Item name={[name, 'source']} style={{ flex: 1 }}>
                        <Input placeholder={t('field.refSource')} aria-label={t('field.refSource')} />
                      </Form.Item>
                      <Form.Item name={[name, 'externalId']} style={{ flex: 1 }}>
                        <Input placeholder={t('field.refExternalId')} aria-label={t('field.refExternalId')} />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('form.remove')} onClick={() => remove(name)} />
                    </Flex>
                  ))}
                  <Form.ErrorList errors={listErrors} />
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ source: '', externalId: '' })}>
                    {t('form.addRef')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('section.owner')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="ownerId" label={t('field.owner')} extra={owner.editable ? undefined : t('form.ownerOnlyManagers')}>
              <UserSelect disabled={!owner.editable} filter={(u) => u.active && OWNER_ROLES.includes(u.role)} />
            </Form.Item>
          </Col>
          {owner.editable && owner.original && ownerId !== owner.original && (
            <Col xs={24} md={12}>
              <Form.Item name="ownerChangeReason" label={t('field.ownerChangeReason')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>

      {errors.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('form.rejected')} description={errors.join('；')} style={{ marginBottom: 16 }} data-testid="form-errors" />
      )}

      {/* Stays in view while scrolling a long form; -24 covers the page padding below it. */}
      <Flex gap={8} style={{ position: 'sticky', bottom: -24, padding: '12px 0 24px', background: '#f5f5f5', borderTop: '1px solid rgba(5,5,5,0.06)', zIndex: 2 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
