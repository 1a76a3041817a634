import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Id, Page } from '../api/types';
import { useUser } from '../features/auth/session';
import { useI18n } from '../i18n/use-i18n';

interface Ref {
  id: Id;
  name: string;
}

const useEnterpriseOptions = (search: string, assignedOfficerId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['enterprises', 'options', search, assignedOfficerId ?? ''],
    queryFn: async () =>
      (
        await api.get<Page<{ id: Id; name: string }>>('/api/enterprises', {
          q: search.trim(),
          assignedOfficerId,
          pageSize: 20,
        })
      ).items,
    enabled,
    placeholderData: keepPreviousData,
  });

/**
 * Picks a company of the registry, searched on the server as one types; a service officer finds only the companies
 * assigned to them (what they may visit and raise needs for). Keeps the chosen company's name while the search moves on.
 */
export function EnterpriseSelect({
  value,
  onChange,
  initial,
  disabled,
  active = true,
  testId = 'enterprise-select',
}: {
  value?: string;
  onChange?: (value: string) => void;
  /** A company chosen before the form opened. */
  initial?: Ref | undefined;
  disabled?: boolean;
  /** Searches only while its form is open. */
  active?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const user = useUser();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Ref | null>(null);
  const officerId = user.role === 'service' ? String(user.id) : undefined;
  const results = useEnterpriseOptions(search, officerId, active && !disabled);
  const options = new Map<string, string>();
  for (const e of [...(initial ? [initial] : []), ...(picked ? [picked] : []), ...(results.data ?? [])]) {
    options.set(String(e.id), e.name);
  }
  return (
    <Select
      value={value}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('common.searchCompany')}
      loading={results.isFetching}
      notFoundContent={t('common.noCompany')}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
      onChange={(next: string) => {
        setPicked({ id: next, name: options.get(next) ?? '' });
        onChange?.(next);
      }}
      data-testid={testId}
    />
  );
}
