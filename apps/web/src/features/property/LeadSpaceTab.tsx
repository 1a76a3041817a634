import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, isApiError } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { buildingPath, statusColors, unitStatusLabel } from './property-format';
import { PROPERTY_KEY } from './property-api';
import type { ParcelMatch, Unit, UnitMatch } from './property-types';

const unitUrl = (id: Id) => `/api/units/${encodeURIComponent(String(id))}/reservation`;

/**
 * 载体匹配 on a lead's page: the units that fit the lead's space need, best first with why each fits, and those held
 * for it (意向); an officer holds one with a click and releases it again.
 */
export function LeadSpaceTab({ leadId, canReserve }: { leadId: Id; canReserve: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();
  const key = [...PROPERTY_KEY, 'lead-space', String(leadId)];
  const matches = useQuery({
    queryKey: [...key, 'matches'],
    queryFn: () =>
      api.get<{ items: UnitMatch[]; total: number; parcels: { items: ParcelMatch[]; total: number } }>(
        `/api/leads/${encodeURIComponent(String(leadId))}/space-matches`,
      ),
    retry: false,
  });
  const held = useQuery({
    queryKey: [...key, 'held'],
    queryFn: () => api.get<Page<Unit>>('/api/units', { reservedFor: String(leadId), pageSize: 50 }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: PROPERTY_KEY });
  const reserve = useMutation({
    mutationFn: (unitId: Id) => api.put<Unit>(unitUrl(unitId), { leadId: String(leadId) }),
    onSuccess: (u) => {
      void message.success(t('property.match.reserved', { code: u.code }));
      void refresh();
    },
    onError: (e) => showProblem(e),
  });
  const release = useMutation({
    mutationFn: (unitId: Id) => api.delete<Unit>(unitUrl(unitId)),
    onSuccess: (u) => {
      void message.success(t('property.match.released', { code: u.code }));
      void refresh();
    },
    onError: (e) => showProblem(e),
  });

  const noNeed = isApiError(matches.error, 'unprocessable');
  const heldIds = new Set((held.data?.items ?? []).map((u) => String(u.id)));
  const unitTitle = (u: Unit) => (
    <Space size={6} wrap>
      <Link to={buildingPath(u.building.id)}>
        {u.building.name} · {u.code}
      </Link>
      <Tag color={statusColors(u.status).tag}>{unitStatusLabel(u.status, locale)}</Tag>
      {u.monthlyRentPerSqm !== null && (
        <Typography.Text type="secondary">{t('property.match.rent', { rent: u.monthlyRentPerSqm })}</Typography.Text>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="lead-space">
      {(held.data?.items.length ?? 0) > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('property.match.held')}</Typography.Text>}
          bordered
          dataSource={held.data?.items ?? []}
          renderItem={(u) => (
            <List.Item
              actions={
                canReserve
                  ? [
                      <Button
                        key="release"
                        size="small"
                        loading={release.isPending}
                        onClick={() => release.mutate(u.id)}
                      >
                        {t('property.match.release')}
                      </Button>,
                    ]
                  : []
              }
              data-testid="lead-space-held"
            >
              {unitTitle(u)}
            </List.Item>
          )}
        />
      )}
      {noNeed ? (
        <Alert type="info" showIcon message={t('property.match.noNeed')} />
      ) : (
        <List
          size="small"
          loading={matches.isPending}
          header={
            <Typography.Text strong>{t('property.match.title', { count: matches.data?.total ?? 0 })}</Typography.Text>
          }
          locale={{ emptyText: t('property.match.none') }}
          dataSource={matches.data?.items ?? []}
          renderItem={(m) => (
            <List.Item
              actions={
                canReserve && !heldIds.has(String(m.unit.id)) && !m.unit.reservation
                  ? [
                      <Button
                        key="reserve"
                        type="primary"
                        size="small"
                        loading={reserve.isPending && reserve.variables === m.unit.id}
                        onClick={() => reserve.mutate(m.unit.id)}
                        data-testid={`lead-space-reserve-${m.unit.code}`}
                      >
                        {t('property.match.reserve')}
                      </Button>,
                    ]
                  : []
              }
              data-testid="lead-space-match"
            >
              <List.Item.Meta title={unitTitle(m.unit)} description={m.reasons.join(' · ')} />
            </List.Item>
          )}
        />
      )}
      {(matches.data?.parcels.total ?? 0) > 0 && (
        <List
          size="small"
          header={
            <Typography.Text strong>
              {t('property.match.landTitle', { count: matches.data?.parcels.total ?? 0 })}
            </Typography.Text>
          }
          dataSource={matches.data?.parcels.items ?? []}
          renderItem={(m) => (
            <List.Item data-testid="lead-space-parcel">
              <List.Item.Meta title={`${m.parcel.code} · ${m.parcel.name}`} description={m.reasons.join(' · ')} />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
