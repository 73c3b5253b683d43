import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Flex, Result, Spin } from 'antd';
import type { SessionUser } from '@crm/contracts';
import { useSession } from '../data/session';
import { useI18n } from '../i18n/i18n';
import { ErrorState } from './ErrorState';

/** Renders children for a signed-in user (of one of `roles`, when given); otherwise sends them to sign in. */
export function RequireAuth({ children, roles }: { children: ReactNode; roles?: SessionUser['role'][] }) {
  const { t } = useI18n();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !roles.includes(session.data.role)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return children;
}
