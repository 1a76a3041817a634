import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import type { Id } from '../../api/types';
import { PATHS } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useIncubatees } from './incubator-api';
import { INCUBATEE_STATUS_COLORS, incubateeStatusLabel, placeText } from './incubator-format';

/** On a company's page: its latest incubation (在孵 / 已毕业 / 已退出), linking to the incubator list. */
export function EnterpriseIncubationTag({ enterpriseId, name }: { enterpriseId: Id; name: string }) {
  const { t, locale } = useI18n();
  const list = useIncubatees({ enterpriseId: String(enterpriseId), page: 1, pageSize: 1 });
  const latest = list.data?.items[0];
  if (!latest) return null;
  return (
    <Tooltip title={`${placeText(latest)} · ${t('incubator.enterpriseSince', { date: latest.entryDate })}`}>
      <Link to={`${PATHS.incubator}?q=${encodeURIComponent(name)}`}>
        <Tag color={INCUBATEE_STATUS_COLORS[latest.status] ?? 'default'} data-testid="enterprise-incubation">
          {t('incubator.enterpriseTag', { status: incubateeStatusLabel(latest.status, locale) })}
        </Tag>
      </Link>
    </Tooltip>
  );
}
