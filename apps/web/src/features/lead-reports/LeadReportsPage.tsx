import { DownloadOutlined } from '@ant-design/icons';
import { label, LEAD_SOURCE_CHANNELS, findEntry } from '@kaimen/shared';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { download } from '../../api/client';
import { saveBlob } from '../../components/save-blob';
import { useShowProblem } from '../../components/use-show-problem';
import { useUrlFilters } from '../../components/use-url-filters';
import { useI18n } from '../../i18n/use-i18n';
import { ConversionChart } from './ConversionChart';
import { ConversionTable, type ConversionRow } from './ConversionTable';
import {
  defaultRange,
  REPORT_FILTER_KEYS,
  REPORTS_EXPORT_PATH,
  useLeadReports,
  type ReportQuery,
} from './lead-reports-api';
import { MonthlyInvestmentChart } from './MonthlyInvestmentChart';
import { ReportFunnelChart } from './ReportFunnelChart';
import { formatYuan } from './report-format';

/** 招商分析: the pipeline's funnel, conversion by channel and owner, and investment by month; filters in the URL. */
export function LeadReportsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const filters = useUrlFilters(REPORT_FILTER_KEYS);
  const fallback = useMemo(() => defaultRange(), []);
  const query: ReportQuery = {
    ...filters.values,
    from: filters.values.from ?? fallback.from,
    to: filters.values.to ?? fallback.to,
  };
  const report = useLeadReports(query);
  // The owners to choose from: the range's owners before narrowing to one (the same request when none is chosen).
  const everyOwner = useLeadReports({ ...query, owner: undefined });
  const [exporting, setExporting] = useState(false);

  const channelName = (code: string) => {
    const e = findEntry(LEAD_SOURCE_CHANNELS, code);
    return e ? label(e, locale) : code;
  };
  const data = report.data;
  const byChannel: ConversionRow[] = (data?.byChannel ?? []).map((c) => ({
    ...c,
    key: c.channel,
    name: channelName(c.channel),
  }));
  const byOwner: ConversionRow[] = (data?.byOwner ?? []).map((o) => ({ ...o, key: o.ownerId, name: o.ownerName }));
  const totals = (data?.byMonth ?? []).reduce(
    (s, m) => ({
      signed: s.signed + m.signedInvestment,
      arrived: s.arrived + m.arrivedCapital,
      count: s.count + m.signedCount,
    }),
    { signed: 0, arrived: 0, count: 0 },
  );

  const exportFile = async () => {
    setExporting(true);
    try {
      const file = await download(REPORTS_EXPORT_PATH, query);
      const filename = file.filename ?? 'pipeline-report.xlsx';
      saveBlob(file.blob, filename);
      void message.success(t('reports.exported', { filename }));
    } catch (error) {
      showProblem(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('reports.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportFile()}
            data-testid="report-export"
          >
            {t('reports.export')}
          </Button>
        }
      >
        <Space wrap size="middle">
          <span>{t('reports.range')}</span>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(query.from), dayjs(query.to)]}
            onChange={(range) =>
              range?.[0] &&
              range[1] &&
              filters.setFilters({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
            }
            data-testid="report-range"
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('reports.allOwners')}
            value={query.owner}
            onChange={(owner?: string) => filters.setFilters({ owner })}
            options={(everyOwner.data?.byOwner ?? []).map((o) => ({ value: o.ownerId, label: o.ownerName }))}
            data-testid="report-owner"
          />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('reports.allChannels')}
            value={query.channel}
            onChange={(channel?: string) => filters.setFilters({ channel })}
            options={LEAD_SOURCE_CHANNELS.map((c) => ({ value: c.code, label: label(c, locale) }))}
            data-testid="report-channel"
          />
        </Space>
        <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('reports.scopeHint')} />
      </Card>

      {report.isError ? (
        <Alert type="error" showIcon title={t('error.unexpected')} />
      ) : data && data.funnel.total === 0 && totals.count === 0 && totals.arrived === 0 ? (
        <Card>
          <Empty description={t('reports.empty')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card title={t('reports.funnel')} loading={!data}>
                {data && (
                  <>
                    <Row gutter={16}>
                      <Col span={8}>
                        <Statistic title={t('reports.total')} value={data.funnel.total} />
                      </Col>
                      <Col span={8}>
                        <Statistic title={t('reports.onHold')} value={data.funnel.onHold} />
                      </Col>
                      <Col span={8}>
                        <Statistic title={t('reports.lost')} value={data.funnel.lost} />
                      </Col>
                    </Row>
                    <ReportFunnelChart funnel={data.funnel} />
                  </>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('reports.monthly')} loading={!data}>
                {data && (
                  <>
                    <Row gutter={16}>
                      <Col span={8}>
                        <Statistic title={t('reports.signedCount')} value={totals.count} />
                      </Col>
                      <Col span={8}>
                        <Statistic title={t('reports.signedInvestment')} value={formatYuan(totals.signed)} />
                      </Col>
                      <Col span={8}>
                        <Statistic title={t('reports.arrivedCapital')} value={formatYuan(totals.arrived)} />
                      </Col>
                    </Row>
                    <MonthlyInvestmentChart months={data.byMonth} />
                  </>
                )}
              </Card>
            </Col>
          </Row>
          <Card title={t('reports.conversion')} loading={!data}>
            {data && (
              <Tabs
                items={[
                  {
                    key: 'channel',
                    label: t('reports.byChannel'),
                    children: (
                      <>
                        <ConversionChart rows={byChannel} testId="report-channel-chart" />
                        <ConversionTable
                          rows={byChannel}
                          overall={data.overall}
                          nameTitle={t('reports.channel')}
                          onPick={(channel) => filters.setFilters({ channel })}
                          testId="report-by-channel"
                        />
                      </>
                    ),
                  },
                  {
                    key: 'owner',
                    label: t('reports.byOwner'),
                    children: (
                      <>
                        <ConversionChart rows={byOwner} testId="report-owner-chart" />
                        <ConversionTable
                          rows={byOwner}
                          overall={data.overall}
                          nameTitle={t('reports.owner')}
                          onPick={(owner) => filters.setFilters({ owner })}
                          testId="report-by-owner"
                        />
                      </>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
