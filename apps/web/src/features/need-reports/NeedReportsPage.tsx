import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Space, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { formatRate } from '../lead-reports/report-format';
import { DepartmentTable } from './DepartmentTable';
import { NeedHeatmapChart } from './NeedHeatmapChart';
import {
  defaultRange,
  localName,
  monthRange,
  NEED_REPORT_FILTER_KEYS,
  NEED_REPORTS_EXPORT_PATH,
  useNeedReports,
  type NeedReportQuery,
  type NeedReports,
  type Rate,
} from './need-reports-api';
import { TopOpenChart } from './TopOpenChart';

const rateText = (rate: Rate) => (rate === null ? '—' : formatRate(rate));

/** 诉求分析: needs by category and month, department performance and the top open problems; the period in the URL. */
export function NeedReportsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const filters = useUrlFilters(NEED_REPORT_FILTER_KEYS);
  const fallback = useMemo(() => defaultRange(), []);
  const query: NeedReportQuery = { from: filters.values.from ?? fallback.from, to: filters.values.to ?? fallback.to };
  const report = useNeedReports(query);
  const [exporting, setExporting] = useState(false);
  const data = report.data;

  const categoryName = useMemo(() => {
    const names = new Map((data?.heatmap.categories ?? []).map((c) => [c.code, localName(c, locale)]));
    return (code: string) => names.get(code) ?? code;
  }, [data, locale]);
  const byPark = (data?.topOpenByPark ?? []).map((g) => ({
    place: g.park ?? t('needReports.noPark'),
    category: categoryName(g.category),
    count: g.count,
  }));
  const byNode = (data?.topOpenByChainNode ?? []).map((g) => ({
    place: localName(g, locale),
    category: categoryName(g.category),
    count: g.count,
  }));

  const exportFile = async () => {
    setExporting(true);
    try {
      const file = await download(NEED_REPORTS_EXPORT_PATH, query);
      const filename = file.filename ?? 'need-report.xlsx';
      saveBlob(file.blob, filename);
      void message.success(t('needReports.exported', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setExporting(false);
    }
  };

  const kpis: { key: string; title: string; value: (r: NeedReports) => number | string; red?: boolean }[] = [
    { key: 'submitted', title: t('needReports.submitted'), value: (r) => r.totals.submitted },
    { key: 'resolved', title: t('needReports.resolved'), value: (r) => r.totals.resolved },
    { key: 'onTime', title: t('needReports.onTimeRate'), value: (r) => rateText(r.totals.onTimeRate) },
    {
      key: 'satisfaction',
      title: t('needReports.satisfactionRate'),
      value: (r) => rateText(r.totals.satisfactionRate),
    },
    { key: 'open', title: t('needReports.open'), value: (r) => r.totals.open },
    { key: 'overdue', title: t('needReports.overdue'), value: (r) => r.totals.overdue, red: !!data?.totals.overdue },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('needReports.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportFile()}
            data-testid="need-report-export"
          >
            {t('needReports.export')}
          </Button>
        }
      >
        <Space wrap size="middle">
          <span>{t('needReports.range')}</span>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            onChange={(range) => range?.[0] && range[1] && filters.setFilters(monthRange(range[0], range[1]))}
            data-testid="need-report-range"
          />
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('needReports.scopeHint')} />
      </Card>

      {report.isError ? (
        <Alert type="error" showIcon title={t('error.unexpected')} />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="need-report-kpis">
            {kpis.map((k) => (
              <Col key={k.key} xs={12} md={8} xl={4}>
                <Card loading={!data}>
                  {data && (
                    <Statistic
                      title={k.title}
                      value={k.value(data)}
                      styles={k.red ? { content: { color: '#c8102e' } } : undefined}
                    />
                  )}
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('needReports.heatmap')} loading={!data}>
            {data &&
              (data.totals.submitted === 0 ? (
                <Empty description={t('needReports.empty')} />
              ) : (
                <NeedHeatmapChart heatmap={data.heatmap} />
              ))}
          </Card>
          <Card title={t('needReports.departments')} loading={!data}>
            {data && <DepartmentTable rows={data.departments} />}
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('needReports.byPark')} loading={!data}>
                <TopOpenChart rows={byPark} label={t('needReports.byParkChart')} testId="need-report-by-park" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('needReports.byChainNode')} loading={!data}>
                <TopOpenChart rows={byNode} label={t('needReports.byChainNodeChart')} testId="need-report-by-node" />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
