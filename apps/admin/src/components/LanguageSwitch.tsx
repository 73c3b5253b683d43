import { Segmented } from 'antd';
import { useI18n, type Lang } from '../i18n/i18n';

const OPTIONS: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en-US' },
];

/** 中文 / English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return <Segmented size="small" aria-label={t('lang.label')} data-testid="language-switch" options={OPTIONS} value={lang} onChange={(v) => setLang(v as Lang)} />;
}
