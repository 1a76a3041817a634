import { UNIT_STATUSES, label } from '@kaimen/shared';
import { Button, Empty, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../i18n/use-i18n';
import { formatArea, statusColors, unitStatusLabel, unitTypeLabel } from './property-format';
import type { Floor, Unit } from './property-types';
import type { RentControl } from './rent-control';

const rowStyle: CSSProperties = { display: 'flex', gap: 8, alignItems: 'stretch', padding: '8px 0' };
const floorStyle: CSSProperties = { width: 72, flex: 'none', fontWeight: 600, alignSelf: 'center' };

export const floorName = (floor: Pick<Floor, 'number' | 'label'>, t: ReturnType<typeof useI18n>['t']) =>
  floor.label || t('property.floorName', { number: floor.number });

/** The legend: each status's colour and how many of the building's units have it today. */
export function StatusLegend({ counts }: { counts: RentControl['counts'] }) {
  const { locale } = useI18n();
  return (
    <Space wrap data-testid="rent-control-legend">
      {UNIT_STATUSES.map((s) => (
        <Tag key={s.code} color={statusColors(s.code).tag} data-testid={`legend-${s.code}`}>
          {label(s, locale)} {counts[s.code]}
        </Tag>
      ))}
    </Space>
  );
}

/** 租控表: a row per floor, top floor first; each unit a cell coloured by its status today. */
export function RentControlTable({
  table,
  onOpen,
  onAdd,
}: {
  table: RentControl;
  onOpen: (unit: Unit) => void;
  /** Absent: the user may not add units. */
  onAdd?: (floor: Floor) => void;
}) {
  const { t, locale } = useI18n();
  if (table.rows.length === 0) return <Empty description={t('property.noFloors')} />;
  return (
    <div data-testid="rent-control">
      {table.rows.map(({ floor, units }) => (
        <div
          key={floor.id}
          style={{ ...rowStyle, borderBottom: '1px solid #f0f0f0' }}
          data-testid={`floor-${floor.number}`}
        >
          <div style={floorStyle}>{floorName(floor, t)}</div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, flex: 1 }}>
            {units.length === 0 && <Typography.Text type="secondary">{t('property.emptyFloor')}</Typography.Text>}
            {units.map((unit) => {
              const colors = statusColors(unit.status);
              return (
                <button
                  key={unit.id}
                  type="button"
                  onClick={() => onOpen(unit)}
                  title={unitStatusLabel(unit.status, locale)}
                  className={`rent-cell rent-cell-${unit.status}`}
                  data-status={unit.status}
                  data-testid={`unit-${unit.code}`}
                  style={{
                    minWidth: 110,
                    padding: '6px 10px',
                    textAlign: 'left',
                    cursor: 'pointer',
                    background: colors.bg,
                    border: `1px solid ${colors.border}`,
                    borderLeft: `4px solid ${colors.border}`,
                    borderRadius: 6,
                  }}
                >
                  <div style={{ fontWeight: 600 }}>{unit.code}</div>
                  <div style={{ fontSize: 12 }}>{formatArea(unit.area)}</div>
                  <div style={{ fontSize: 12, color: '#595959' }}>
                    {unitTypeLabel(unit.type, locale)} · {unitStatusLabel(unit.status, locale)}
                  </div>
                </button>
              );
            })}
            {onAdd && (
              <Button type="dashed" onClick={() => onAdd(floor)} data-testid={`add-unit-${floor.number}`}>
                + {t('property.addUnit')}
              </Button>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
