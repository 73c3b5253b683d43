import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, List, Radio, Spin, Tag, Typography } from 'antd';
import { FOLLOW_UP_COLORS, followUpState } from '../complaint-handling-view';
import { useAnswerFollowUp, useComplaintFollowUps, type FollowUp } from '../data/complaint-handling';
import type { ComplaintDetail } from '../data/complaints';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';
import { useNow } from '../use-now';
import { StaffSentence } from './ComplaintBits';
import { ErrorState } from './ErrorState';

/** The satisfaction follow-up of a closed complaint: when it is due, and the customer's answer, recorded once. */
export function FollowUpCard({ c }: { c: ComplaintDetail }) {
  const { t } = useI18n();
  const followUps = useComplaintFollowUps(c);
  return (
    <Card size="small" title={t('followUp.title')} style={{ marginBottom: 16 }} data-testid="complaint-follow-up">
      {followUps.isPending ? (
        <Spin />
      ) : followUps.isError ? (
        <ErrorState error={followUps.error} title={t('followUp.loadError')} onRetry={() => followUps.refetch()} />
      ) : followUps.data.length ? (
        <List size="small" dataSource={followUps.data} renderItem={(f) => <FollowUpItem f={f} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUp.notYet')} />
      )}
    </Card>
  );
}

function FollowUpItem({ f }: { f: FollowUp }) {
  const { t, lang } = useI18n();
  const state = followUpState(f, useNow());
  return (
    <List.Item data-testid="follow-up" data-state={state}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={FOLLOW_UP_COLORS[state]}>{state === 'due' || state === 'upcoming' ? t(`followUp.${state}`) : t(`followUpStatus.${state}`)}</Tag>
          <Typography.Text data-testid="follow-up-due">{t('followUp.dueAt', { time: formatDateTime(f.dueAt, lang) })}</Typography.Text>
        </Flex>
        {f.status === 'pending' && <AnswerForm f={f} />}
        {f.status === 'answered' && (
          <Flex vertical gap={2} data-testid="follow-up-answer">
            <Typography.Text strong style={{ color: f.satisfied ? '#389e0d' : '#cf1322' }}>{t(f.satisfied ? 'followUp.satisfied' : 'followUp.unsatisfied')}</Typography.Text>
            {f.note && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.note}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <StaffSentence id={f.answeredBy} text={(name) => t('followUp.answeredBy', { name, time: formatDateTime(f.answeredAt!, lang) })} />
            </Typography.Text>
          </Flex>
        )}
        {f.status === 'cancelled' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('followUp.cancelled', { time: formatDateTime(f.cancelledAt!, lang) })}
          </Typography.Text>
        )}
      </Flex>
    </List.Item>
  );
}

interface AnswerValues {
  satisfied?: boolean;
  note?: string;
}

/** Satisfied or not, and what the customer said. */
function AnswerForm({ f }: { f: FollowUp }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const answer = useAnswerFollowUp(f.complaintId);
  const onFinish = (v: AnswerValues) => {
    setErrors([]);
    answer.mutate(
      { satisfied: v.satisfied!, note: v.note?.trim() || undefined },
      { onSuccess: () => message.success(t('followUp.recorded')), onError: (err) => setErrors(applyProblemToForm(form, err)) },
    );
  };
  return (
    <Form<AnswerValues> form={form} layout="vertical" onFinish={onFinish} data-testid="follow-up-form">
      {errors.length > 0 && <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} />}
      <Form.Item name="satisfied" label={t('followUp.question')} rules={[{ required: true, message: t('followUp.choose') }]} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('followUp.satisfied') },
            { value: false, label: t('followUp.unsatisfied') },
          ]}
          data-testid="follow-up-satisfied"
        />
      </Form.Item>
      <Form.Item name="note" label={t('followUp.note')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={5000} data-testid="follow-up-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="follow-up-submit">
        {t('followUp.submit')}
      </Button>
    </Form>
  );
}
