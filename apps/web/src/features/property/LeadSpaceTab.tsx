import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Space, Typography } from 'antd';
import { api, isApiError } from '../../api/client';
import type { Id, Page } from '../../api/types';
import { useShowProblem } from '../../components/use-show-problem';
import { useI18n } from '../../i18n/use-i18n';
import { PROPERTY_KEY } from './property-api';
import type { SpaceMatchResult, Unit } from './property-types';
import { LandMatchList, UnitMatchList, UnitMatchTitle } from './SpaceMatches';

const unitUrl = (id: Id) => `/api/units/${encodeURIComponent(String(id))}/reservation`;

/**
 * 载体匹配 on a lead's page: the units that fit the lead's space need, best first with why each fits, and those held
 * for it (意向); an officer holds one with a click and releases it again.
 */
export function LeadSpaceTab({ leadId, canReserve }: { leadId: Id; canReserve: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const queryClient = useQueryClient();
  const key = [...PROPERTY_KEY, 'lead-space', String(leadId)];
  const matches = useQuery({
    queryKey: [...key, 'matches'],
    queryFn: () => api.get<SpaceMatchResult>(`/api/leads/${encodeURIComponent(String(leadId))}/space-matches`),
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
              <UnitMatchTitle unit={u} />
            </List.Item>
          )}
        />
      )}
      {noNeed ? (
        <Alert type="info" showIcon message={t('property.match.noNeed')} />
      ) : (
        <UnitMatchList
          matches={matches.data?.items ?? []}
          total={matches.data?.total ?? 0}
          loading={matches.isPending}
          actions={(m) =>
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
        />
      )}
      <LandMatchList matches={matches.data?.parcels.items ?? []} total={matches.data?.parcels.total ?? 0} />
    </Space>
  );
}
