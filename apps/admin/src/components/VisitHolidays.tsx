import { useState } from 'react';
import { App, Button, Card, DatePicker, Input, List, Popconfirm, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../api';
import { useDeleteHoliday, useHolidays, useSetHoliday } from '../data/visits';
import { formatDate } from '../format';
import { useI18n } from '../i18n/i18n';
import { ErrorState } from './ErrorState';

/** Managers keep the days no visit is expected (a visit planned on one shows as a conflict). */
export function VisitHolidays() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const year = dayjs().year();
  const holidays = useHolidays({ from: `${year}-01-01`, to: `${year + 1}-12-31` });
  const set = useSetHoliday();
  const remove = useDeleteHoliday();
  const [date, setDate] = useState<Dayjs | null>(null);
  const [name, setName] = useState('');
  const fail = (err: unknown) => message.error(errorText(err, t('common.networkError')));
  const add = () =>
    date && name.trim() && set.mutate({ date: date.format('YYYY-MM-DD'), name: name.trim() }, { onSuccess: () => (setDate(null), setName('')), onError: fail });
  return (
    <Card size="small" title={t('holidays.title')} style={{ marginTop: 16, maxWidth: 640 }} data-testid="visit-holidays">
      <Space.Compact style={{ marginBottom: 8 }}>
        <DatePicker value={date} onChange={setDate} />
        <Input value={name} onChange={(e) => setName(e.target.value)} onPressEnter={add} placeholder={t('holidays.name')} maxLength={100} style={{ width: 200 }} />
        <Button type="primary" onClick={add} loading={set.isPending} disabled={!date || !name.trim()}>
          {t('holidays.add')}
        </Button>
      </Space.Compact>
      {holidays.isError ? (
        <ErrorState error={holidays.error} onRetry={() => holidays.refetch()} />
      ) : (
        <List
          size="small"
          loading={holidays.isPending}
          dataSource={holidays.data ?? []}
          locale={{ emptyText: t('holidays.empty') }}
          renderItem={(h) => (
            <List.Item
              actions={[
                <Popconfirm key="d" title={t('holidays.removeConfirm')} onConfirm={() => remove.mutate(h.date, { onError: fail })}>
                  <Button size="small" type="link" danger>
                    {t('visits.remove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Typography.Text>{formatDate(h.date, lang)}</Typography.Text> {h.name}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
