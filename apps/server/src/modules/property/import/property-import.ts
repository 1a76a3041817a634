import type { Bilingual } from '@kaimen/shared';
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { cellText, normalizeHeader, type HeaderMatch } from '../../enterprises/import/header.js';
import { type Cell, type RawRow } from '../../enterprises/import/read-rows.js';
import { inspectSheet, openSheet, SCAN_ROWS, toHeader, type Sheet } from '../../enterprises/import/sheet.js';
import type {
  ImportBadRow,
  ImportCounts,
  ImportHeader,
  ImportRowError,
  ProcessInput,
} from '../../imports/import-kind.js';

/**
 * What the units and parcels imports share (issue 6): the options, the header search under title rows, and one pass
 * over the file in batches — check each row, refuse a second row of the same record, look up the records that exist,
 * then write (in the runner's one transaction) or only count (a dry run).
 */

const BATCH = 500;

export const propertyImportOptions = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({
    headerRowNumber: z.number().int().min(1).max(1000).optional(),
    /** Column index (0 = A) → field, or null to leave the column out. */
    mapping: z.record(z.string().regex(/^\d{1,4}$/), z.enum(fields).nullable()).optional(),
    existing: z.enum(['skip', 'update']).default('skip'),
  });
export type PropertyImportOptions = z.infer<ReturnType<typeof propertyImportOptions>>;

/** Alias texts → field, matched after normalizeHeader (case, full width, blanks, brackets and units do not matter). */
export function aliasLookup<F extends string>(aliases: Record<F, readonly string[]>) {
  const byKey = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][])
    for (const a of names) if (!byKey.has(normalizeHeader(a))) byKey.set(normalizeHeader(a), field);
  return (text: string): F | undefined => byKey.get(normalizeHeader(text));
}

const headerOptions = (o: Partial<PropertyImportOptions>, fieldFor: (text: string) => string | undefined) => ({
  scanRows: SCAN_ROWS,
  fieldFor,
  ...(o.headerRowNumber !== undefined ? { headerRowNumber: o.headerRowNumber } : {}),
  ...(o.mapping ? { mapping: o.mapping as Record<number, never> } : {}),
});

/** The first rows of a file: the header found (or the rows, for the user to pick one) and a preview. */
export const inspectFile = (
  file: string,
  fileKind: 'csv' | 'xlsx',
  options: Partial<PropertyImportOptions>,
  fieldFor: (text: string) => string | undefined,
): Promise<ImportHeader> => inspectSheet(file, fileKind, headerOptions(options, fieldFor));

/**
 * A row's mapped cells by field and where each came from, for its errors. Where several columns name one field, the
 * first filled one counts (later ones are fall-backs, as in the enterprise import).
 */
export class MappedRow {
  readonly values = new Map<string, Cell>();
  private readonly columns = new Map<string, number>();
  readonly errors: ImportRowError[] = [];

  constructor(
    cells: readonly Cell[],
    private readonly header: HeaderMatch,
  ) {
    for (const [index, field] of Object.entries(header.mapping) as [string, string][]) {
      const i = Number(index);
      if (this.values.has(field)) continue;
      const cell = cells[i] ?? null;
      if (!this.columns.has(field) || cellText(cell) !== '') this.columns.set(field, i);
      if (cellText(cell) !== '') this.values.set(field, cell);
    }
  }

  get blank(): boolean {
    return this.values.size === 0;
  }

  /** The cell as trimmed text; undefined when blank or not in the file. */
  text(field: string): string | undefined {
    const cell = this.values.get(field);
    return cell === undefined ? undefined : cellText(cell);
  }

  headerOf(field: string): string {
    const i = this.columns.get(field);
    return i === undefined ? '' : (this.header.headers[i] ?? '');
  }

  error(field: string, reason: string, message: Bilingual): void {
    this.errors.push(columnError(this.header, this.columns.get(field) ?? null, field, reason, message));
  }
}

const columnError = (
  header: HeaderMatch,
  index: number | null,
  field: string,
  reason: string,
  message: Bilingual,
): ImportRowError => ({
  column: index === null ? '' : (header.headers[index] ?? ''),
  columnIndex: index,
  field,
  reason,
  message,
});

export type RowOutcome<G> =
  { kind: 'blank' } | { kind: 'bad'; errors: ImportRowError[] } | { kind: 'good'; key: string; value: G };

export interface Checked<G> {
  rowNumber: number;
  cells: Cell[];
  /** What identifies the record in the tenant (a building's unit code, a parcel code). */
  key: string;
  value: G;
}

export interface PropertyImportSpec<G> {
  fieldFor: (text: string) => string | undefined;
  /** Loads what the rows are checked against (buildings, …) and answers the row checker. */
  prepare(db: Executor, tenantId: string): Promise<(row: MappedRow) => RowOutcome<G>>;
  /** The column blamed for a repeated or existing record. */
  keyField: string;
  duplicate(firstRow: number): Bilingual;
  exists: Bilingual;
  /** Key → id of the records that exist. */
  existing(db: Executor, tenantId: string, rows: Checked<G>[]): Promise<Map<string, string>>;
  write(
    db: Executor,
    o: { tenantId: string; now: string },
    create: Checked<G>[],
    update: (Checked<G> & { id: string })[],
  ): Promise<void>;
}

/** One pass over the file: see PropertyImportSpec. Null header: none found with these options. */
export async function processPropertyFile<G>(
  o: ProcessInput<PropertyImportOptions>,
  spec: PropertyImportSpec<G>,
): Promise<{ header: ImportHeader | null; counts: ImportCounts | null }> {
  const scan = Math.max(SCAN_ROWS, o.options.headerRowNumber ?? 0);
  const sheet = await openSheet(o.file, o.fileKind, scan, headerOptions(o.options, spec.fieldFor));
  if (!sheet) return { header: null, counts: null };
  try {
    return await processSheet(o, spec, sheet);
  } finally {
    await sheet.close();
  }
}

async function processSheet<G>(o: ProcessInput<PropertyImportOptions>, spec: PropertyImportSpec<G>, sheet: Sheet) {
  const db = o.target.trx;
  const { header } = sheet;
  const check = await spec.prepare(db, o.tenantId);
  const keyIndex = Number(Object.entries(header.mapping).find(([, f]) => (f as string) === spec.keyField)?.[0] ?? -1);
  const keyError = (reason: string, message: Bilingual) =>
    columnError(header, keyIndex >= 0 ? keyIndex : null, spec.keyField, reason, message);
  const counts: ImportCounts = { rows: 0, blank: 0, invalid: 0, new: 0, existing: 0, created: 0, updated: 0 };
  const seen = new Map<string, number>();

  const flush = async (rows: RawRow[]) => {
    const bad: ImportBadRow[] = [];
    const good: Checked<G>[] = [];
    for (const row of rows) {
      const r = check(new MappedRow(row.cells, header));
      if (r.kind === 'blank') counts.blank++;
      else if (r.kind === 'bad') bad.push({ rowNumber: row.rowNumber, errors: r.errors, cells: row.cells });
      else {
        const key = r.key;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          const errors = [keyError('duplicate-in-file', spec.duplicate(earlier))];
          bad.push({ rowNumber: row.rowNumber, errors, cells: row.cells });
        } else {
          seen.set(key, row.rowNumber);
          good.push({ rowNumber: row.rowNumber, cells: row.cells, key, value: r.value });
        }
      }
    }
    const found = good.length ? await spec.existing(db, o.tenantId, good) : new Map<string, string>();
    const create: Checked<G>[] = [];
    const update: (Checked<G> & { id: string })[] = [];
    for (const g of good) {
      const id = found.get(g.key);
      if (id === undefined) {
        counts.new++;
        create.push(g);
        continue;
      }
      counts.existing++;
      if (o.options.existing === 'update') update.push({ ...g, id });
      else
        bad.push({
          rowNumber: g.rowNumber,
          cells: g.cells,
          skippedExisting: true,
          errors: [keyError('exists', spec.exists)],
        });
    }
    counts.invalid += bad.filter((b) => !b.skippedExisting).length;
    if (o.write) {
      await spec.write(db, { tenantId: o.tenantId, now: o.now }, create, update);
      counts.created += create.length;
      counts.updated += update.length;
    }
    if (bad.length) await o.onBadRows(bad.sort((a, b) => a.rowNumber - b.rowNumber));
  };

  for await (const rows of sheet.batches(BATCH)) {
    counts.rows += rows.length;
    await flush(rows);
  }
  return { header: toHeader(header, []), counts };
}
