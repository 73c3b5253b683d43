import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorText, isProblem } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLogin, useSession } from '../data/session';
import { useI18n } from '../i18n/i18n';

export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/customers';

  if (session.data) return <Navigate to={from} replace />;

  const failure = login.error && (isProblem(login.error, 401) ? t('login.failed') : errorText(login.error, t('common.networkError')));
  return (
    <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh', background: '#f5f6f8', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex justify="space-between" align="start" style={{ marginBottom: 24 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { email: string; password: string }) => login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) })}
        >
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, message: t('login.emailRequired') }]}>
            <Input prefix={<MailOutlined />} type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
