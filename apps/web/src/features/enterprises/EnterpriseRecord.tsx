import { Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography, type TabsProps } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import type { Id } from '../../api/types';
import { canSee } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { EnterpriseLeadsTab } from '../leads/EnterpriseLeadsTab';
import { EnterpriseNeedsTab } from '../needs/EnterpriseNeedsTab';
import { EnterpriseLeasesTab } from '../property/EnterpriseLeasesTab';
import { EnterpriseIncubationTag } from '../property/EnterpriseIncubationTag';
import { EnterpriseVisitsTab } from '../visits/EnterpriseVisitsTab';
import { BasicTab } from './BasicTab';
import { ChainTab } from './ChainTab';
import { ContactsTab, MaskedTag } from './ContactsTab';
import { qualificationLabel } from './enterprise-format';
import { EnterpriseActions } from './EnterpriseActions';
import { useEnterprise } from './enterprises-api';
import { FiguresTab } from './FiguresTab';
import { industryLabel } from './industry-options';
import { QualificationsTab } from './QualificationsTab';

const TABS = ['basic', 'contacts', 'qualifications', 'figures', 'chain', 'leads'] as const;

/** One company: header fields, actions and tabs (the open tab is in the URL, so it can be linked). */
export function EnterpriseRecord({ id }: { id: Id }) {
  const { t, locale } = useI18n();
  const record = useEnterprise(id);
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'basic';

  if (record.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (record.isError) {
    const notFound = isApiError(record.error) && record.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '404' : t('error.unexpected')}
        subTitle={isApiError(record.error) ? record.error.problem.detail : undefined}
      />
    );
  }
  const e = record.data;

  const items: TabsProps['items'] = [
    { key: 'basic', label: t('enterprise.tab.basic'), children: <BasicTab enterprise={e} /> },
    {
      key: 'contacts',
      label: (
        <Space size={4}>
          {t('enterprise.tab.contacts')}
          {e.personalDataMasked && <MaskedTag />}
        </Space>
      ),
      children: <ContactsTab enterprise={e} />,
    },
    {
      key: 'qualifications',
      label: t('enterprise.tab.qualifications'),
      children: <QualificationsTab qualifications={e.qualificationDetails} />,
    },
    { key: 'figures', label: t('enterprise.tab.figures'), children: <FiguresTab figures={e.figures} /> },
    { key: 'chain', label: t('enterprise.tab.chain'), children: <ChainTab codes={e.chainNodes} /> },
    // 招商历程: the pipeline's leads of this company, for the roles that see the pipeline.
    ...(canSee('leads', user.role)
      ? [{ key: 'leads', label: t('leads.enterpriseTab'), children: <EnterpriseLeadsTab enterpriseId={e.id} /> }]
      : []),
    // 租赁: the company's leases, for the roles that read leases (an enterprise user its own).
    ...(canSee('leases', user.role)
      ? [
          {
            key: 'leases',
            label: t('leases.enterpriseTab'),
            children: <EnterpriseLeasesTab enterpriseId={String(e.id)} />,
          },
        ]
      : []),
    // 走访记录: the company's visits, for the roles that record or read them.
    ...(canSee('visits', user.role)
      ? [
          {
            key: 'visits',
            label: t('visits.enterpriseTab'),
            children: <EnterpriseVisitsTab enterpriseId={String(e.id)} />,
          },
        ]
      : []),
    // 企业诉求: the company's needs, for the roles that work them (an enterprise user sees its own).
    ...(canSee('needs', user.role)
      ? [
          {
            key: 'needs',
            label: t('needs.enterpriseTab'),
            children: <EnterpriseNeedsTab enterpriseId={String(e.id)} />,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-name">
            {e.name}
          </Typography.Title>
          {e.qualifications.map((code) => (
            <Tag key={code} color="red">
              {qualificationLabel(code, locale)}
            </Tag>
          ))}
          {/* 孵化: the company's incubation, for the roles that read the incubator (an enterprise user its own). */}
          {canSee('incubator', user.role) && <EnterpriseIncubationTag enterpriseId={e.id} name={e.name} />}
        </Space>
      }
      extra={<EnterpriseActions enterprise={e} />}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'uscc', label: t('enterprise.uscc'), children: <Typography.Text copyable>{e.uscc}</Typography.Text> },
          { key: 'industry', label: t('enterprise.industryCode'), children: industryLabel(e.industryCode, locale) },
          { key: 'park', label: t('enterprise.park'), children: e.park ?? '—' },
          {
            key: 'officer',
            label: t('enterprise.assignedOfficer'),
            children: e.assignedOfficer?.displayName ?? '—',
          },
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (key === 'basic') next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={items}
      />
    </Card>
  );
}
