import { Button, InputNumber, Select, Space, TreeSelect } from 'antd';
import type { UrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useChainNodes } from '../chain/chain-api';
import { chainOptions } from '../chain/chain-tree';
import { channelOptions, OVERDUE_KINDS, overdueLabel, stageOptions } from './lead-format';
import { useOwnerOptions, type LeadFilterKey } from './leads-api';

const CLEARED = {
  q: '',
  stage: '',
  ownerId: '',
  sourceChannel: '',
  chainNode: '',
  minInvestment: '',
  maxInvestment: '',
  overdue: '',
};

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
/** 万元 in the box, yuan in the URL (the API's unit). */
const wanOf = (yuan: string | undefined) => (yuan ? Number(yuan) / 10_000 : undefined);
const yuanOf = (wan: number | null) => (wan === null || Number.isNaN(wan) ? '' : String(Math.round(wan * 10_000)));

/** The pipeline's filters; each one is kept in the URL, so a filtered board or list is a link. */
export function LeadFilters({ filters }: { filters: UrlFilters<LeadFilterKey> }) {
  const { t, locale } = useI18n();
  const chain = useChainNodes();
  const owners = useOwnerOptions();
  const { values, setFilters } = filters;

  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="lead-filters">
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('leads.field.stage')}
        aria-label={t('leads.field.stage')}
        value={list(values.stage)}
        onChange={(stage: string[]) => setFilters({ stage: stage.join(',') })}
        options={stageOptions(locale)}
        style={{ width: 200 }}
        data-testid="filter-stage"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('leads.field.owner')}
        aria-label={t('leads.field.owner')}
        value={values.ownerId}
        onChange={(ownerId?: string) => setFilters({ ownerId })}
        loading={owners.isPending}
        options={(owners.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
        style={{ width: 140 }}
        data-testid="filter-owner"
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('leads.field.sourceChannel')}
        aria-label={t('leads.field.sourceChannel')}
        value={list(values.sourceChannel)}
        onChange={(sourceChannel: string[]) => setFilters({ sourceChannel: sourceChannel.join(',') })}
        options={channelOptions(locale)}
        style={{ width: 200 }}
        data-testid="filter-channel"
      />
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        placeholder={t('leads.field.chainNode')}
        value={values.chainNode}
        onChange={(chainNode?: string) => setFilters({ chainNode })}
        treeData={chainOptions(chain.data ?? [], locale, { valueOf: (n) => n.code })}
        treeDefaultExpandAll
        style={{ width: 180 }}
        data-testid="filter-chain-node"
      />
      <Space.Compact>
        <InputNumber<number>
          key={`min-${values.minInvestment ?? ''}`}
          min={0}
          placeholder={t('leads.filter.minInvestment')}
          aria-label={t('leads.filter.minInvestment')}
          defaultValue={wanOf(values.minInvestment)}
          onBlur={(e) => setFilters({ minInvestment: yuanOf(e.target.value === '' ? null : Number(e.target.value)) })}
          onPressEnter={(e) =>
            setFilters({ minInvestment: yuanOf(e.currentTarget.value === '' ? null : Number(e.currentTarget.value)) })
          }
          style={{ width: 130 }}
          data-testid="filter-min-investment"
        />
        <InputNumber<number>
          key={`max-${values.maxInvestment ?? ''}`}
          min={0}
          placeholder={t('leads.filter.maxInvestment')}
          aria-label={t('leads.filter.maxInvestment')}
          defaultValue={wanOf(values.maxInvestment)}
          onBlur={(e) => setFilters({ maxInvestment: yuanOf(e.target.value === '' ? null : Number(e.target.value)) })}
          onPressEnter={(e) =>
            setFilters({ maxInvestment: yuanOf(e.currentTarget.value === '' ? null : Number(e.currentTarget.value)) })
          }
          style={{ width: 130 }}
          data-testid="filter-max-investment"
        />
      </Space.Compact>
      <Select
        allowClear
        placeholder={t('leads.filter.overdue')}
        aria-label={t('leads.filter.overdue')}
        value={values.overdue}
        onChange={(overdue?: string) => setFilters({ overdue })}
        options={[
          { value: 'any', label: t('leads.filter.overdueAny') },
          ...OVERDUE_KINDS.map((kind) => ({ value: kind, label: overdueLabel(kind, t) })),
        ]}
        style={{ width: 150 }}
        data-testid="filter-overdue"
      />
      <Button onClick={() => setFilters(CLEARED)}>{t('common.reset')}</Button>
    </Space>
  );
}
