import { Result } from 'antd';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { EnterpriseRecord } from './EnterpriseRecord';

/** 我的企业: an enterprise user's own record, with no list in between. */
export function MyEnterprisePage() {
  const user = useUser();
  const { t } = useI18n();
  if (user.enterpriseId === null) return <Result status="info" title={t('enterprise.notLinked')} />;
  return <EnterpriseRecord id={user.enterpriseId} />;
}
