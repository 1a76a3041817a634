import { Alert, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { enterprisePath, leadPath } from '../../app/access';
import type { Id } from '../../api/types';
import { useI18n } from '../../i18n/use-i18n';
import { stageLabel } from './lead-format';
import { useDuplicates } from './leads-api';

/** The value once the user has stopped typing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Props {
  companyName: string;
  uscc: string;
  /** The lead being edited, which is no duplicate of itself. */
  excludeId?: Id;
}

/** 疑似重复: leads and local companies with the same USCC or name, as one types (a warning, not a refusal). */
export function DuplicateWarning({ companyName, uscc, excludeId }: Props) {
  const { t, locale } = useI18n();
  const probe = useDebounced({ companyName: companyName.trim(), uscc: uscc.trim().toUpperCase(), excludeId }, 400);
  const duplicates = useDuplicates(probe);
  const items = duplicates.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('leads.duplicates.title')}
      data-testid="lead-duplicates"
      description={
        <Space orientation="vertical" size={4}>
          {items.map((d) => (
            <Space key={`${d.type}-${String(d.id)}`} size={6} wrap>
              <Tag color={d.type === 'lead' ? 'blue' : 'green'}>
                {d.type === 'lead' ? t('leads.duplicates.lead') : t('leads.duplicates.enterprise')}
              </Tag>
              <Link to={d.type === 'lead' ? leadPath(d.id) : enterprisePath(d.id)} target="_blank">
                {d.name}
              </Link>
              {d.stage && <Tag>{stageLabel(d.stage, locale)}</Tag>}
              <span style={{ color: '#8c8c8c' }}>
                {d.match === 'uscc' ? t('leads.duplicates.byUscc') : t('leads.duplicates.byName')}
              </span>
            </Space>
          ))}
        </Space>
      }
    />
  );
}
