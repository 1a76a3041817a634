import { label, PARCEL_STATUSES, type Locale } from '@kaimen/shared';
import { MapChart, type MapSeriesOption } from 'echarts/charts';
import {
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import { init, registerMap, use as registerChartParts, type ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Empty } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/use-i18n';
import type { PropertyMap } from './occupancy-api';
import { buildingPath, formatArea, formatPercent } from './property-format';

registerChartParts([MapChart, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

/** The fill of each parcel status (the e2e spec looks for these pixels), and of the buildings drawn over them. */
export const PARCEL_STATUS_COLORS: Record<string, string> = {
  idle: '#fa541c',
  inefficient: '#faad14',
  in_use: '#52c41a',
  planned: '#1677ff',
};
export const BUILDING_COLOR = '#434343';

/** The name ECharts knows the map by: registered anew with each answer, nothing is fetched from a tile server. */
const MAP_NAME = 'kaimen-parcels';
// A map series colours a region by its value: the status's place in the dictionary, and one more for buildings.
const BUILDING_VALUE = PARCEL_STATUSES.length;

interface Region {
  name: string;
  value: number;
  kind: 'parcel' | 'building';
  id: string;
  title: string;
  code?: string;
  area: number;
  status?: string;
  vacancyRate?: number | null;
}

/** Every [lon, lat] of an outline, whatever its nesting (Polygon or MultiPolygon). */
const positions = (c: unknown): number[][] =>
  Array.isArray(c) ? (typeof c[0] === 'number' ? [c as number[]] : c.flatMap(positions)) : [];

/** One FeatureCollection of the parcels, then the buildings (drawn last, so on top), named by a unique key. */
function featuresOf(map: PropertyMap) {
  const parcels = map.parcels.filter((p) => p.outline);
  const buildings = map.buildings.filter((b) => b.outline);
  const regions: Region[] = [
    ...parcels.map((p) => ({
      name: `parcel:${p.id}`,
      value: Math.max(
        0,
        PARCEL_STATUSES.findIndex((s) => s.code === p.status),
      ),
      kind: 'parcel' as const,
      id: p.id,
      title: p.name,
      code: p.code,
      area: p.area,
      status: p.status,
    })),
    ...buildings.map((b) => ({
      name: `building:${b.id}`,
      value: BUILDING_VALUE,
      kind: 'building' as const,
      id: b.id,
      title: b.name,
      area: b.area,
      vacancyRate: b.vacancyRate,
    })),
  ];
  const outlines = [...parcels.map((p) => p.outline!), ...buildings.map((b) => b.outline!)];
  const geoJson = {
    type: 'FeatureCollection',
    features: regions.map((r, i) => ({ type: 'Feature', properties: { name: r.name }, geometry: outlines[i] })),
  };
  // Degrees of longitude shrink with latitude: scale so that a square plot looks square.
  const lats = outlines.flatMap((o) => positions(o.coordinates).map((p) => p[1] ?? 0));
  const meanLat = lats.length ? lats.reduce((sum, lat) => sum + lat, 0) / lats.length : 0;
  return { regions, geoJson, aspectScale: Math.cos((meanLat * Math.PI) / 180) };
}

function tooltipText(r: Region, t: ReturnType<typeof useI18n>['t'], locale: Locale) {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows =
    r.kind === 'parcel'
      ? [
          [t('parcelMap.code'), r.code ?? ''],
          [t('parcelMap.name'), r.title],
          [t('parcelMap.area'), formatArea(r.area)],
          [t('parcelMap.status'), statusLabel(r.status ?? '', locale)],
        ]
      : [
          [t('parcelMap.building'), r.title],
          [t('parcelMap.area'), formatArea(r.area)],
          [t('parcelMap.vacancy'), formatPercent(r.vacancyRate ?? null)],
        ];
  return rows.map(([k, v]) => `${esc(k ?? '')}：<b>${esc(v ?? '')}</b>`).join('<br/>');
}

const statusLabel = (code: string, locale: Locale) => {
  const entry = PARCEL_STATUSES.find((s) => s.code === code);
  return entry ? label(entry, locale) : code;
};

/**
 * 地块地图: the parcels' and buildings' GeoJSON outlines drawn by ECharts (no tile server), parcels coloured by status
 * with a legend that also hides a status, buildings on top; a building's click opens its rent-control page.
 */
export function ParcelMap({ map, height = 560 }: { map: PropertyMap; height?: number }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const { regions, geoJson, aspectScale } = useMemo(() => featuresOf(map), [map]);
  const option = useMemo<Option>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const data = (p as { data?: Region }).data;
          return data ? tooltipText(data, t, locale) : '';
        },
      },
      visualMap: {
        type: 'piecewise',
        left: 8,
        bottom: 8,
        seriesIndex: 0,
        pieces: [
          ...PARCEL_STATUSES.map((s, i) => ({
            value: i,
            label: label(s, locale),
            color: PARCEL_STATUS_COLORS[s.code],
          })),
          { value: BUILDING_VALUE, label: t('parcelMap.building'), color: BUILDING_COLOR },
        ],
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          aspectScale,
          roam: true,
          selectedMode: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          label: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { show: false }, itemStyle: { borderColor: '#141414', borderWidth: 2 } },
          data: regions,
        },
      ],
    }),
    [regions, aspectScale, t, locale],
  );

  useEffect(() => {
    const element = ref.current;
    if (!element || regions.length === 0) return;
    registerMap(MAP_NAME, geoJson as unknown as Parameters<typeof registerMap>[1]);
    const chart = init(element);
    chart.setOption(option);
    chart.on('click', (p) => {
      const data = p.data as Region | undefined;
      if (data?.kind === 'building') navigate(buildingPath(data.id));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [geoJson, option, regions.length, navigate]);

  if (regions.length === 0) return <Empty description={t('parcelMap.empty')} data-testid="parcel-map-empty" />;
  return (
    <div
      ref={ref}
      style={{ width: '100%', height }}
      role="img"
      aria-label={t('parcelMap.chart')}
      data-testid="parcel-map"
    />
  );
}
