import { useState } from 'react';
import { Alert, App, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { CAMPAIGN_CHANNELS, useSaveCampaign, type Campaign, type CampaignInput } from '../data/campaigns';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';

interface Values {
  name: string;
  discountPercent: number;
  holdoutPercent: number;
  channels: Campaign['channels'];
  quietStart?: string;
  quietEnd?: string;
  active: boolean;
}

/** Create a campaign, or change one's settings; the API's field errors land on the fields. */
export function CampaignEditor({ campaign, onClose, onSaved }: { campaign?: Campaign; onClose: () => void; onSaved?: (c: Campaign) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveCampaign();
  const [banner, setBanner] = useState<string[]>([]);
  const initial: Values = campaign
    ? { ...campaign, quietStart: campaign.quietStart ?? undefined, quietEnd: campaign.quietEnd ?? undefined }
    : { name: '', discountPercent: 15, holdoutPercent: 20, channels: ['sms', 'email'], quietStart: '21:00', quietEnd: '09:00', active: true };

  const submit = (v: Values) => {
    setBanner([]);
    const body: CampaignInput = { ...v, quietStart: v.quietStart?.trim() || null, quietEnd: v.quietEnd?.trim() || null };
    save.mutate(
      { id: campaign?.id, body },
      {
        onSuccess: (saved) => {
          message.success(t('campaigns.saved'));
          onSaved?.(saved);
          onClose();
        },
        onError: (err) => setBanner(applyProblemToForm(form, err)),
      },
    );
  };

  return (
    <Modal
      open
      title={campaign ? t('campaigns.edit') : t('campaigns.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="campaign-form">
        {banner.length > 0 && <Alert type="error" showIcon title={banner.join(' ')} style={{ marginBottom: 12 }} />}
        <Form.Item name="name" label={t('campaigns.name')} rules={[{ required: true, whitespace: true, max: 120 }]}>
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="discountPercent" label={t('campaigns.discountPercent')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={1} max={90} precision={0} style={{ width: '100%' }} data-testid="campaign-discount" />
          </Form.Item>
          <Form.Item name="holdoutPercent" label={t('campaigns.holdoutPercent')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} data-testid="campaign-holdout" />
          </Form.Item>
        </Flex>
        <Form.Item name="channels" label={t('campaigns.channels')} rules={[{ required: true }]}>
          <Select mode="multiple" options={CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: t(`messageChannel.${c}`) }))} data-testid="campaign-channels" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="quietStart" label={t('campaigns.quietStart')} style={{ flex: 1 }}>
            <Input placeholder="21:00" allowClear data-testid="campaign-quiet-start" />
          </Form.Item>
          <Form.Item name="quietEnd" label={t('campaigns.quietEnd')} style={{ flex: 1 }}>
            <Input placeholder="09:00" allowClear data-testid="campaign-quiet-end" />
          </Form.Item>
        </Flex>
        <Form.Item name="active" label={t('campaigns.active')} valuePropName="checked">
          <Switch data-testid="campaign-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
