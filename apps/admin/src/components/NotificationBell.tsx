import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMarkRead, useNotifications, type Notification } from '../data/notifications';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { notificationText } from '../tier-view';

/** The header's bell: the unread count, and the latest notifications; one opens what it is about. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const unread = notifications.data?.unread ?? 0;

  const panel = (
    <Flex vertical style={{ width: 360 }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ paddingBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={!unread} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)} data-testid="notifications-read-all">
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {notifications.data?.items.length ? (
        <List
          size="small"
          dataSource={notifications.data.items}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(n) => <NotificationItem n={n} onOpen={() => setOpen(false)} />}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </Flex>
  );

  return (
    <Popover content={panel} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={t('notifications.bell', { n: unread })} data-testid="notification-bell" style={{ height: 40 }}>
        <Badge count={unread} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = () => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (n.entityType === 'customer' && n.entityId) navigate(`/customers/${n.entityId}`);
    if (n.entityType === 'complaint' && n.entityId) navigate(`/complaints/${n.entityId}`);
    onOpen();
  };
  return (
    <List.Item onClick={open} data-testid="notification-item" style={{ cursor: 'pointer', paddingInline: 8, background: n.readAt ? undefined : token.colorPrimaryBg }}>
      <Flex vertical gap={2}>
        <Typography.Text strong={!n.readAt}>{notificationText(t, n)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(n.createdAt, lang)}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
