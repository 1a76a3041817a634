import { Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../i18n/use-i18n';
import { formatAmount, sizeLabel } from './enterprise-format';
import type { EnterpriseDetail } from './enterprise-types';

const dash = (value: string | null) => value ?? '—';

/** 基本信息: the record's own fields beyond the header. */
export function BasicTab({ enterprise: e }: { enterprise: EnterpriseDetail }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const items: DescriptionsProps['items'] = [
    { key: 'legalRepresentative', label: t('enterprise.legalRepresentative'), children: dash(e.legalRepresentative) },
    {
      key: 'registeredCapital',
      label: t('enterprise.registeredCapital'),
      children: formatAmount(e.registeredCapital, i18n),
    },
    { key: 'foundedOn', label: t('enterprise.foundedOn'), children: dash(e.foundedOn) },
    { key: 'size', label: t('enterprise.size'), children: sizeLabel(e.size, locale) },
    { key: 'address', label: t('enterprise.address'), children: dash(e.address), span: 2 },
    {
      key: 'website',
      label: t('enterprise.website'),
      children: e.website ? (
        <Typography.Link href={/^https?:\/\//i.test(e.website) ? e.website : `https://${e.website}`} target="_blank">
          {e.website}
        </Typography.Link>
      ) : (
        '—'
      ),
    },
    {
      key: 'formerNames',
      label: t('enterprise.formerNames'),
      children: e.formerNames.length ? e.formerNames.map((f) => <div key={f.name}>{f.name}</div>) : '—',
    },
    {
      key: 'tags',
      label: t('enterprise.tags'),
      span: 2,
      children: e.tags.length ? e.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—',
    },
    {
      key: 'businessScope',
      label: t('enterprise.businessScope'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(e.businessScope)}</span>,
    },
    {
      key: 'notes',
      label: t('enterprise.notes'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(e.notes)}</span>,
    },
    { key: 'createdAt', label: t('enterprise.createdAt'), children: formatDateTime(e.createdAt) },
    { key: 'updatedAt', label: t('enterprise.updatedAt'), children: formatDateTime(e.updatedAt) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="basic-info" />;
}
