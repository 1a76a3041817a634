import {
  findEntry,
  label,
  LEAD_PIPELINE_STAGES,
  LEAD_SOURCE_CHANNELS,
  LEAD_STAGES,
  type Bilingual,
  type Locale,
} from '@kaimen/shared';
import ExcelJS from 'exceljs';
import {
  addReportSheet,
  COUNT_FORMAT,
  DAYS_FORMAT,
  PERCENT_FORMAT,
  textIn,
  type ReportCell,
  type ReportColumn,
} from '../../lib/report-sheet.js';
import type { TConversion, TLeadReports } from './lead-reports.schemas.js';

const WAN = '#,##0.00';

const stageLabel = (code: string, locale: Locale) => {
  const e = findEntry(LEAD_STAGES, code);
  return e ? label(e, locale) : code;
};
const channelLabel = (code: string, locale: Locale) => {
  const e = findEntry(LEAD_SOURCE_CHANNELS, code);
  return e ? label(e, locale) : code;
};
/** Yuan to 万元, as the office reports money. */
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

const conversionColumns = (first: Bilingual): ReportColumn[] => [
  { header: first, width: 22 },
  { header: { zh: '项目数', en: 'Leads' }, width: 10, format: COUNT_FORMAT },
  { header: { zh: '签约数', en: 'Reached signed' }, width: 10, format: COUNT_FORMAT },
  { header: { zh: '落地数', en: 'Reached registered' }, width: 10, format: COUNT_FORMAT },
  { header: { zh: '流失数', en: 'Lost' }, width: 10, format: COUNT_FORMAT },
  { header: { zh: '签约转化率', en: 'Signed rate' }, width: 12, format: PERCENT_FORMAT },
  { header: { zh: '落地转化率', en: 'Registered rate' }, width: 12, format: PERCENT_FORMAT },
  ...LEAD_PIPELINE_STAGES.map((s) => {
    const e = findEntry(LEAD_STAGES, s)!;
    return { header: { zh: `${e.zh}（中位天数）`, en: `${e.en} (median days)` }, width: 14, format: DAYS_FORMAT };
  }),
];

const conversionCells = (name: string, c: TConversion): ReportCell[] => [
  name,
  c.leads,
  c.reachedSigned,
  c.reachedRegistered,
  c.lost,
  c.signedRate,
  c.registeredRate,
  ...LEAD_PIPELINE_STAGES.map((s) => c.medianDays[s]),
];

/** The report as four sheets — funnel, by channel, by owner, by month — headed in the reader's language. */
export async function reportWorkbook(r: TLeadReports, locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  const total = textIn({ zh: '合计', en: 'Total' }, locale);

  addReportSheet(
    workbook,
    textIn({ zh: '项目漏斗', en: 'Funnel' }, locale),
    [
      { header: { zh: '阶段', en: 'Stage' }, width: 20 },
      { header: { zh: '当前数量', en: 'Now at stage' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '累计到达', en: 'Ever reached' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '到达率', en: 'Share reached' }, width: 12, format: PERCENT_FORMAT },
    ],
    [
      ...r.funnel.stages.map((s) => [
        stageLabel(s.stage, locale),
        s.current,
        s.reached,
        r.funnel.total ? s.reached / r.funnel.total : 0,
      ]),
      [stageLabel('on_hold', locale), r.funnel.onHold, null, null],
      [stageLabel('lost', locale), r.funnel.lost, null, null],
      [total, r.funnel.total, null, null],
    ],
    locale,
  );
  addReportSheet(
    workbook,
    textIn({ zh: '按渠道', en: 'By channel' }, locale),
    conversionColumns({ zh: '招商渠道', en: 'Source channel' }),
    [...r.byChannel.map((c) => conversionCells(channelLabel(c.channel, locale), c)), conversionCells(total, r.overall)],
    locale,
  );
  addReportSheet(
    workbook,
    textIn({ zh: '按负责人', en: 'By owner' }, locale),
    conversionColumns({ zh: '负责人', en: 'Owner' }),
    [...r.byOwner.map((c) => conversionCells(c.ownerName, c)), conversionCells(total, r.overall)],
    locale,
  );
  const sum = (k: 'signedCount' | 'signedInvestment' | 'arrivedCapital') => r.byMonth.reduce((n, m) => n + m[k], 0);
  addReportSheet(
    workbook,
    textIn({ zh: '月度投资', en: 'By month' }, locale),
    [
      { header: { zh: '月份', en: 'Month' }, width: 10 },
      { header: { zh: '签约项目数', en: 'Leads signed' }, width: 12, format: COUNT_FORMAT },
      { header: { zh: '签约投资（万元）', en: 'Investment signed (10k yuan)' }, width: 20, format: WAN },
      { header: { zh: '实际到资（万元）', en: 'Capital arrived (10k yuan)' }, width: 20, format: WAN },
    ],
    [
      ...r.byMonth.map((m) => [m.month, m.signedCount, wan(m.signedInvestment), wan(m.arrivedCapital)]),
      [total, sum('signedCount'), wan(sum('signedInvestment')), wan(sum('arrivedCapital'))],
    ],
    locale,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
