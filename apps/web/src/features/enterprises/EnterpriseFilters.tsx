import { Button, Input, Select, Space, TreeSelect } from 'antd';
import type { UrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodes } from '../chain/chain-api';
import { chainOptions } from '../chain/chain-tree';
import { qualificationOptions, sizeOptions } from './enterprise-format';
import { useServiceOfficers, type EnterpriseFilterKey } from './enterprises-api';
import { industryTree } from './industry-options';

interface Props {
  filters: UrlFilters<EnterpriseFilterKey>;
  /** Only admins and leaders can list the officers to pick from. */
  officerFilter: boolean;
}

const CLEARED = {
  chainNode: '',
  industryCode: '',
  qualification: '',
  park: '',
  tag: '',
  size: '',
  assignedOfficerId: '',
};

/** The filters under the search box; every one is kept in the URL. */
export function EnterpriseFilters({ filters, officerFilter }: Props) {
  const { t, locale } = useI18n();
  const chain = useChainNodes();
  const officers = useServiceOfficers(officerFilter);
  const { values, setFilters } = filters;
  const text = (key: 'park' | 'tag', placeholder: string) => (
    <Input.Search
      // A new URL value (a reset, a shared link) re-creates the box with it.
      key={values[key] ?? ''}
      allowClear
      defaultValue={values[key]}
      placeholder={placeholder}
      aria-label={placeholder}
      onSearch={(value) => setFilters({ [key]: value.trim() })}
      style={{ width: 160 }}
      data-testid={`filter-${key}`}
    />
  );

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={t('enterprise.chainNodes')}
        value={values.chainNode}
        onChange={(chainNode?: string) => setFilters({ chainNode })}
        treeData={chainOptions(chain.data ?? [], locale, { valueOf: (n) => n.code })}
        treeDefaultExpandAll
        style={{ width: 200 }}
        data-testid="filter-chain-node"
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={t('enterprise.industryCode')}
        value={values.industryCode}
        onChange={(industryCode?: string) => setFilters({ industryCode })}
        treeData={industryTree(locale)}
        style={{ width: 220 }}
        popupMatchSelectWidth={320}
        data-testid="filter-industry"
      />
      <Select
        allowClear
        placeholder={t('enterprise.qualifications')}
        value={values.qualification}
        onChange={(qualification?: string) => setFilters({ qualification })}
        options={qualificationOptions(locale)}
        style={{ width: 170 }}
        data-testid="filter-qualification"
      />
      <Select
        allowClear
        placeholder={t('enterprise.size')}
        value={values.size}
        onChange={(size?: string) => setFilters({ size })}
        options={sizeOptions(locale)}
        style={{ width: 120 }}
        data-testid="filter-size"
      />
      {text('park', t('enterprise.park'))}
      {text('tag', t('enterprise.tags'))}
      {officerFilter && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('enterprise.assignedOfficer')}
          value={values.assignedOfficerId}
          onChange={(assignedOfficerId?: string) => setFilters({ assignedOfficerId })}
          loading={officers.isPending}
          options={(officers.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
          style={{ width: 160 }}
          data-testid="filter-officer"
        />
      )}
      <Button onClick={() => setFilters(CLEARED)}>{t('common.reset')}</Button>
    </Space>
  );
}
