import type { Locale } from '@kaimen/shared';
import { Segmented } from 'antd';
import { useI18n } from '../i18n/use-i18n';

const OPTIONS: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

/** 中文 / English; the names stay in their own language so anyone can find theirs. */
export function LanguageSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { locale } = useI18n();
  return (
    <Segmented<Locale>
      size="small"
      options={OPTIONS}
      value={locale}
      onChange={onChange}
      data-testid="language-switch"
    />
  );
}
