import { Alert, Button } from 'antd';
import { errorText } from '../api';
import { useI18n } from '../i18n/i18n';

/** A failed load: what went wrong, and a way to try again. */
export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('common.error')}
      description={errorText(error, t('common.networkError'))}
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
