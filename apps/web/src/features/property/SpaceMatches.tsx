import { List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/use-i18n';
import { buildingPath, statusColors, unitStatusLabel } from './property-format';
import type { ParcelMatch, Unit, UnitMatch } from './property-types';

/** A matched unit's title: building and code (to its 租控表), today's status, the asking rent. */
export function UnitMatchTitle({ unit }: { unit: Unit }) {
  const { t, locale } = useI18n();
  return (
    <Space size={6} wrap>
      <Link to={buildingPath(unit.building.id)}>
        {unit.building.name} · {unit.code}
      </Link>
      <Tag color={statusColors(unit.status).tag}>{unitStatusLabel(unit.status, locale)}</Tag>
      {unit.monthlyRentPerSqm !== null && (
        <Typography.Text type="secondary">{t('property.match.rent', { rent: unit.monthlyRentPerSqm })}</Typography.Text>
      )}
    </Space>
  );
}

/** The units that fit, best first, each with why; `actions` adds buttons to a unit (holding it for a lead). */
export function UnitMatchList({
  matches,
  total,
  loading,
  actions,
}: {
  matches: UnitMatch[];
  total: number;
  loading: boolean;
  actions?: (m: UnitMatch) => ReactNode[];
}) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      loading={loading}
      header={<Typography.Text strong>{t('property.match.title', { count: total })}</Typography.Text>}
      locale={{ emptyText: t('property.match.none') }}
      dataSource={matches}
      renderItem={(m) => (
        <List.Item actions={actions?.(m) ?? []} data-testid="lead-space-match">
          <List.Item.Meta title={<UnitMatchTitle unit={m.unit} />} description={m.reasons.join(' · ')} />
        </List.Item>
      )}
    />
  );
}

/** Land the project could build on instead (shown only when some fits). */
export function LandMatchList({ matches, total }: { matches: ParcelMatch[]; total: number }) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('property.match.landTitle', { count: total })}</Typography.Text>}
      dataSource={matches}
      renderItem={(m) => (
        <List.Item data-testid="lead-space-parcel">
          <List.Item.Meta title={`${m.parcel.code} · ${m.parcel.name}`} description={m.reasons.join(' · ')} />
        </List.Item>
      )}
    />
  );
}
