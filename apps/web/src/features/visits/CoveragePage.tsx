import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { useUser } from '../auth/session';
import { BehindTable } from './BehindTable';
import { CoverageChart } from './CoverageChart';
import { percent, visitPath } from './visit-format';
import type { CoverageGroup } from './visit-types';
import { VisitFormDrawer, type VisitFormTarget } from './VisitFormDrawer';
import { VisitPlanCard } from './VisitPlanCard';
import { COVERAGE_FILTER_KEYS, useCoverage } from './visits-api';

const thisYear = () => dayjs().year();

/** 走访覆盖: how much of the visit plan the year has covered, per officer and park, and who is behind. */
export function CoveragePage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const filters = useUrlFilters(COVERAGE_FILTER_KEYS);
  const year = Number(filters.values.year) || thisYear();
  const { park, officerId } = filters.values;
  const report = useCoverage({ year, ...(park ? { park } : {}), ...(officerId ? { officerId } : {}) });
  // The parks and officers to choose from: the year's, before narrowing (the same request when none is chosen).
  const everyone = useCoverage({ year });
  const [target, setTarget] = useState<VisitFormTarget | null>(null);
  const mayPickOfficer = user.role === 'admin' || user.role === 'leader';

  const officerName = useCallback((g: CoverageGroup) => g.name || t('coverage.noOfficer'), [t]);
  const parkName = useCallback((g: CoverageGroup) => g.name || t('coverage.noPark'), [t]);
  const data = report.data;
  const totals = data?.totals;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('nav.visitCoverage')}>
        <Space wrap size="middle">
          <span>{t('coverage.year')}</span>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && filters.setFilters({ year: d.year() === thisYear() ? '' : String(d.year()) })}
            data-testid="coverage-year"
          />
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('coverage.allParks')}
            value={park}
            onChange={(next?: string) => filters.setFilters({ park: next })}
            options={(everyone.data?.byPark ?? []).filter((g) => g.key).map((g) => ({ value: g.key!, label: g.name }))}
            data-testid="coverage-park"
          />
          {mayPickOfficer && (
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('coverage.allOfficers')}
              value={officerId}
              onChange={(next?: string) => filters.setFilters({ officerId: next })}
              options={(everyone.data?.byOfficer ?? [])
                .filter((g) => g.key)
                .map((g) => ({ value: g.key!, label: g.name }))}
              data-testid="coverage-officer"
            />
          )}
        </Space>
        {data && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t('coverage.scopeHint', { target: data.defaultTarget })}
          />
        )}
      </Card>

      {user.role === 'admin' && data && <VisitPlanCard defaultTarget={data.defaultTarget} />}

      {report.isError ? (
        <Alert type="error" showIcon title={t('error.unexpected')} />
      ) : data && totals && totals.companies === 0 ? (
        <Card>
          <Empty description={t('coverage.empty')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="coverage-kpis">
            <Col xs={12} xl={6}>
              <Card loading={!totals}>
                <Statistic title={t('coverage.companies')} value={totals?.companies ?? 0} />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card loading={!totals}>
                <Statistic
                  title={t('coverage.visited')}
                  value={totals?.visited ?? 0}
                  suffix={totals ? `(${percent(totals.visited, totals.companies)})` : undefined}
                />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card loading={!totals}>
                <Statistic
                  title={t('coverage.metTarget')}
                  value={totals?.metTarget ?? 0}
                  suffix={totals ? `(${percent(totals.metTarget, totals.companies)})` : undefined}
                />
              </Card>
            </Col>
            <Col xs={12} xl={6}>
              <Card loading={!totals}>
                <Statistic
                  title={t('coverage.visits')}
                  value={totals?.visits ?? 0}
                  suffix={totals ? t('coverage.ofTarget', { target: totals.targetVisits }) : undefined}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('coverage.byOfficer')} loading={!data}>
                {data && (
                  <CoverageChart
                    groups={data.byOfficer}
                    nameOf={officerName}
                    label={t('coverage.chartOfficer')}
                    testId="coverage-officer-chart"
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('coverage.byPark')} loading={!data}>
                {data && (
                  <CoverageChart
                    groups={data.byPark}
                    nameOf={parkName}
                    label={t('coverage.chartPark')}
                    testId="coverage-park-chart"
                  />
                )}
              </Card>
            </Col>
          </Row>
          {data && <BehindTable coverage={data} onRecord={(enterprise) => setTarget({ mode: 'new', enterprise })} />}
        </>
      )}
      <VisitFormDrawer
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(saved) => void navigate(visitPath(saved.id))}
      />
    </Space>
  );
}
