import { Card, Descriptions, Result, Space, Spin, Tabs, Tag, Typography, type TabsProps } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import type { Id } from '../../api/types';
import { enterprisePath } from '../../app/access';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { MaskedTag } from '../enterprises/ContactsTab';
import { ApprovalCard } from './ApprovalCard';
import {
  canWorkLeads,
  channelLabel,
  formatInvestment,
  overdueLabel,
  requirementLabel,
  STAGE_COLORS,
  stageLabel,
  unitTypeLabel,
} from './lead-format';
import { LeadActions } from './LeadActions';
import { LeadActivitiesTab } from './LeadActivitiesTab';
import { LeadSpaceTab } from '../property/LeadSpaceTab';
import { LeadContactsTab } from './LeadContactsTab';
import { LeadFilesTab } from './LeadFilesTab';
import { LeadStageSteps } from './LeadStageSteps';
import { LeadTimelineTab } from './LeadTimelineTab';
import { useLead, useLeadTimeline } from './leads-api';

const TABS = ['timeline', 'activities', 'files', 'contacts', 'space'] as const;

/** One lead: stage steps, key figures, actions, a pending approval, and tabs (the open tab is in the URL). */
export function LeadRecord({ id }: { id: Id }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const user = useUser();
  const record = useLead(id);
  const timeline = useLeadTimeline(id);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((key) => key === params.get('tab')) ?? 'timeline';

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
  const lead = record.data;
  const space = [
    lead.spaceUnitType ? unitTypeLabel(lead.spaceUnitType, locale) : null,
    lead.spaceArea ? `${lead.spaceArea.toLocaleString(locale)} ㎡` : null,
    ...lead.spaceRequirements.map((r) => requirementLabel(r, locale)),
  ].filter(Boolean);

  const items: TabsProps['items'] = [
    {
      key: 'timeline',
      label: t('leads.tab.timeline'),
      children: <LeadTimelineTab entries={timeline.data} loading={timeline.isPending} />,
    },
    { key: 'activities', label: t('leads.tab.activities'), children: <LeadActivitiesTab leadId={lead.id} /> },
    {
      key: 'files',
      label: t('leads.tab.files'),
      children: <LeadFilesTab leadId={lead.id} writable={canWorkLeads(user.role)} />,
    },
    {
      key: 'contacts',
      label: (
        <Space size={4}>
          {t('leads.tab.contacts')}
          {lead.personalDataMasked && <MaskedTag />}
        </Space>
      ),
      children: <LeadContactsTab lead={lead} />,
    },
    // 载体匹配: the units that fit the lead's space need, and those held for it.
    {
      key: 'space',
      label: t('property.match.tab'),
      children: <LeadSpaceTab leadId={lead.id} canReserve={canWorkLeads(user.role)} />,
    },
  ];

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="lead-name">
            {lead.companyName}
          </Typography.Title>
          <Tag color={STAGE_COLORS[lead.stage]} data-testid="lead-stage">
            {stageLabel(lead.stage, locale)}
          </Tag>
          {lead.overdueKind && <Tag color="red">{overdueLabel(lead.overdueKind, t)}</Tag>}
          {lead.pendingApproval && (
            <Tag color="orange">
              {t('leads.card.awaitingApproval', { stage: stageLabel(lead.pendingApproval.toStage, locale) })}
            </Tag>
          )}
        </Space>
      }
      extra={<LeadActions lead={lead} />}
    >
      <LeadStageSteps lead={lead} timeline={timeline.data ?? []} />
      <ApprovalCard lead={lead} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 8 }}
        data-testid="lead-figures"
        items={[
          {
            key: 'plannedInvestment',
            label: t('leads.field.plannedInvestment'),
            children: formatInvestment(lead.plannedInvestment, i18n),
          },
          {
            key: 'capitalArrived',
            label: t('leads.field.capital'),
            children: formatInvestment(lead.capitalArrived, i18n),
          },
          { key: 'owner', label: t('leads.field.owner'), children: lead.owner?.displayName ?? '—' },
          { key: 'channel', label: t('leads.field.sourceChannel'), children: channelLabel(lead.sourceChannel, locale) },
          {
            key: 'chainNode',
            label: t('leads.field.chainNode'),
            children: lead.chainNode
              ? locale === 'en'
                ? lead.chainNode.nameEn || lead.chainNode.nameZh
                : lead.chainNode.nameZh
              : '—',
          },
          {
            key: 'nextFollowUpOn',
            label: t('leads.field.nextFollowUpOn'),
            children: (
              <Typography.Text type={lead.overdueKind ? 'danger' : undefined}>
                {lead.nextFollowUpOn ?? '—'}
              </Typography.Text>
            ),
          },
          {
            key: 'expectedJobs',
            label: t('leads.field.expectedJobs'),
            children: lead.expectedJobs?.toLocaleString(locale) ?? '—',
          },
          {
            key: 'expectedAnnualTax',
            label: t('leads.field.expectedAnnualTax'),
            children: formatInvestment(lead.expectedAnnualTax, i18n),
          },
          { key: 'space', label: t('leads.detail.space'), children: space.length ? space.join(' · ') : '—' },
          { key: 'uscc', label: t('leads.field.uscc'), children: lead.uscc ?? '—' },
          {
            key: 'enterprise',
            label: t('leads.detail.enterprise'),
            children: lead.enterpriseId ? (
              <Link to={enterprisePath(lead.enterpriseId)} data-testid="lead-enterprise-link">
                {t('leads.detail.openEnterprise')}
              </Link>
            ) : (
              '—'
            ),
          },
          ...(lead.notes
            ? [
                {
                  key: 'notes',
                  label: t('leads.field.notes'),
                  span: 'filled' as const,
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{lead.notes}</span>,
                },
              ]
            : []),
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              if (key === 'timeline') next.delete('tab');
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
