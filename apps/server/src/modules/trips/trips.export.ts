import type { Bilingual, Locale } from '@kaimen/shared';
import { officeDayStamp } from '../../lib/content-disposition.js';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/audit.repository.js';
import { ZListTripsRequest } from './trips.schemas.js';
import { findTrips } from './trips.service.js';

/** An office makes tens of trips a year: the whole filtered list fits one workbook built in memory. */
export const TRIP_EXPORT_CAP = 5_000;
const PAGE = 200;

export const ZExportTripsRequest = ZListTripsRequest.omit({ page: true, pageSize: true });
export type TExportTripsRequest = z.infer<typeof ZExportTripsRequest>;

type Trip = Awaited<ReturnType<typeof findTrips>>['items'][number];

const COLUMNS: { header: Bilingual; width: number; cell: (t: Trip) => string | number | null }[] = [
  { header: { zh: '考察名称', en: 'Trip' }, width: 30, cell: (t) => t.title },
  { header: { zh: '目的地', en: 'Destination' }, width: 28, cell: (t) => t.destination },
  { header: { zh: '开始日期', en: 'Starts on' }, width: 12, cell: (t) => t.startsOn },
  { header: { zh: '结束日期', en: 'Ends on' }, width: 12, cell: (t) => t.endsOn },
  { header: { zh: '考察成员', en: 'Members' }, width: 30, cell: (t) => t.members.map((m) => m.displayName).join('、') },
  { header: { zh: '会见', en: 'Meetings' }, width: 8, cell: (t) => t.meetingCount },
  { header: { zh: '产生线索', en: 'Leads' }, width: 10, cell: (t) => t.leadCount },
  { header: { zh: '考察目的', en: 'Purpose' }, width: 40, cell: (t) => t.purpose },
];

export const tripExportHeaders = (locale: Locale) => COLUMNS.map((c) => (locale === 'en' ? c.header.en : c.header.zh));

/** GET /api/trips/export: the trips the list shows with these filters, in its order, as one sheet; one audit event. */
export async function exportTrips(deps: Deps, ctx: RequestContext, q: TExportTripsRequest) {
  const actor = ctx.actor!;
  const trips: Trip[] = [];
  for (let page = 1; trips.length < TRIP_EXPORT_CAP; page++) {
    const { items, total } = await findTrips(deps.database.db, actor, { ...q, page, pageSize: PAGE });
    trips.push(...items);
    if (items.length < PAGE || trips.length >= total) break;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaimen';
  const sheet = workbook.addWorksheet(ctx.locale === 'en' ? 'Trips' : '考察', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = tripExportHeaders(ctx.locale);
  sheet.columns = COLUMNS.map((c, i) => ({ header: headers[i], width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const trip of trips.slice(0, TRIP_EXPORT_CAP)) sheet.addRow(COLUMNS.map((c) => c.cell(trip)));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  await recordAudit(deps.database.db, ctx, {
    action: 'export',
    entityType: 'trip',
    after: { filters: q, rows: Math.min(trips.length, TRIP_EXPORT_CAP) },
  });
  const day = officeDayStamp(ctx.now);
  return {
    body,
    filename: `${ctx.locale === 'en' ? 'trips' : '考察'}-${day}.xlsx`,
    asciiFilename: `trips-${day}.xlsx`,
  };
}
