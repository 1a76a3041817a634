import fs from 'node:fs';
import type { ImportBadRow as BadRow, ImportCounts, ImportProgress, ProcessInput } from '../../imports/import-kind.js';
import { withBoundedHeapGrowth } from '../../../lib/heap.js';
import { newId } from '../../../lib/ids.js';
import type { CheckedRow } from './check-rows.js';
import { checkInWorker, type CheckedBatches } from './check-in-worker.js';
import type { HeaderMatch, ImportField } from './header.js';
import { deferIndexes, freshStatistics } from '../../../db/bulk-insert.js';
import { ENTERPRISE_TABLES, insertEnterprises, updateEnterprises, type ImportRecord } from './bulk-write.js';
import { reasonMessage, type ImportDefaults, type RowError } from './validate-row.js';
import { chainNodeLookup, existingByUscc, registeredCount, searchIndexUpkeep } from './registry-lookups.js';

/** What the user chose for one import. */
export interface EnterpriseImportOptions {
  /** Take this row as the header (1-based) instead of looking for it. */
  headerRowNumber?: number;
  /** Column index → field, or null to leave a column out; over the automatic mapping. */
  mapping?: Record<number, ImportField | null>;
  /** A row whose company is already registered: left alone, or its filled cells written over the record. */
  existing: 'skip' | 'update';
  defaults?: ImportDefaults;
}

export type ProcessOptions = ProcessInput<EnterpriseImportOptions>;

export type ProcessResult = { header: null } | { header: HeaderMatch; counts: ImportCounts };

/**
 * Rows from which a load builds its tables' indexes at the end instead of keeping them up to date (deferIndexes), if it
 * is also a quarter of the rows the table holds: on PostgreSQL other offices wait for the registry until it commits.
 */
const DEFER_INDEXES_AT = 50_000;

const countAll = async (db: ProcessOptions['target']['trx']) =>
  Number(
    (
      await db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** Rows validated and looked up together: one existence query and one insert per batch. */
const BATCH = 1000;

/**
 * One pass over an uploaded spreadsheet: every row validated, duplicates in the file and companies already registered
 * found, bad rows handed to `onBadRows` a batch at a time (never kept), and — when `write` is set — the good rows
 * written. Reading and checking run in a worker thread (check-in-worker.ts), the lookups and writes on this one.
 * Memory stays bounded by a few batches plus the in-file duplicate set (one entry per distinct USCC, in the worker);
 * a write on PostgreSQL also bounds how far V8 lets the heaps grow between collections (lib/heap.ts).
 */
export async function processEnterpriseFile(o: ProcessOptions): Promise<ProcessResult> {
  return o.write && o.target.dialect === 'postgres' ? withBoundedHeapGrowth(() => processFile(o)) : processFile(o);
}

async function processFile(o: ProcessOptions): Promise<ProcessResult> {
  const totalBytes = (await fs.promises.stat(o.file)).size;
  const registeredBefore = await registeredCount(o.target.trx, o.tenantId);
  const nodes = await chainNodeLookup(o.target.trx, o.tenantId);
  const checked = await checkInWorker({
    file: o.file,
    fileKind: o.fileKind,
    options: {
      ...(o.options.headerRowNumber !== undefined ? { headerRowNumber: o.options.headerRowNumber } : {}),
      ...(o.options.mapping ? { mapping: o.options.mapping } : {}),
      ...(o.options.defaults ? { defaults: o.options.defaults } : {}),
    },
    batch: BATCH,
    chainNodes: nodes.nodes,
    // A good row's cells go into the report only when its company exists and is skipped.
    goodRowCells: registeredBefore > 0 && o.options.existing === 'skip',
  });
  try {
    return checked.header
      ? await writeChecked(o, checked.header, checked.batches, { totalBytes, registeredBefore, nodeIds: nodes.ids })
      : { header: null };
  } finally {
    await checked.close();
  }
}

async function writeChecked(
  o: ProcessOptions,
  header: HeaderMatch,
  batches: CheckedBatches['batches'],
  {
    totalBytes,
    registeredBefore,
    nodeIds,
  }: { totalBytes: number; registeredBefore: number; nodeIds: Map<string, string> },
): Promise<ProcessResult> {
  const db = o.target.trx;
  const progress: ImportProgress = { bytes: 0, totalBytes, rows: 0 };

  const counts: ImportCounts = { rows: 0, blank: 0, invalid: 0, new: 0, existing: 0, created: 0, updated: 0 };
  const index = o.write ? searchIndexUpkeep(o.tenantId, registeredBefore) : null;
  // Only the lookups of companies already registered need it (there are none when the tenant had none).
  const statistics =
    o.write && registeredBefore > 0 ? freshStatistics(o.target, ['enterprises'], registeredBefore) : null;

  // A large load writes without the secondary indexes and builds them once at the end; whether it is large is known
  // after the first batch (bytes per row so far against the file's size).
  const deferred: { indexes: { restore(): Promise<void> } | null } = { indexes: null };
  const tableRows = o.write ? await countAll(db) : 0;
  // The previous batch's write, still running while this thread takes the next batch: PostgreSQL works while this
  // process does (each used to wait for the other, the server busy about 70 % of the time). One write at most is in
  // flight, so memory stays bounded by two batches; a failed write stops the import at the next await of it. On
  // SQLite the statements run synchronously here, while the check worker reads and checks the batches that follow.
  let writing: Promise<void> | null = null;
  const write = async (created: readonly ImportRecord[], updated: readonly ImportRecord[]) => {
    await insertEnterprises(o.target, o.tenantId, created, nodeIds, o.now);
    await updateEnterprises(db, o.tenantId, updated, nodeIds, o.now);
    await statistics?.(created.length);
  };
  const written = async () => {
    const w = writing;
    writing = null;
    await w;
  };
  const flush = async (rows: readonly CheckedRow[]) => {
    const bad: BadRow[] = [];
    const good: { row: CheckedRow; input: ImportRecord['input'] }[] = [];
    for (const row of rows) {
      const r = row.result;
      if (r.skipped) {
        counts.blank++;
        continue;
      }
      if (!r.ok) {
        bad.push({ rowNumber: row.rowNumber, errors: r.errors, cells: row.cells });
        continue;
      }
      // Chain nodes arrive as the tenant's codes (the worker resolved names; an unknown one made the row bad).
      good.push({ row, input: r.value });
    }
    const found = await existingByUscc(
      db,
      o.tenantId,
      good.map((g) => g.input.uscc),
      registeredBefore,
    );
    const created: ImportRecord[] = [];
    const updated: ImportRecord[] = [];
    for (const g of good) {
      const id = found.get(g.input.uscc);
      if (id === undefined) {
        counts.new++;
        created.push({ id: newId(), input: g.input });
      } else {
        counts.existing++;
        if (o.options.existing === 'update') updated.push({ id, input: g.input });
        else
          bad.push({
            rowNumber: g.row.rowNumber,
            cells: g.row.cells,
            skippedExisting: true,
            errors: [existsError(header)],
          });
      }
    }
    counts.invalid += bad.filter((b) => !b.skippedExisting).length;
    if (o.write) {
      await written();
      writing = write(created, updated);
      writing.catch(() => undefined); // awaited by the next batch or after the last; until then not "unhandled"
      counts.created += created.length;
      counts.updated += updated.length;
      index!.written([...created, ...updated].map((r) => r.id));
    }
    if (bad.length) await o.onBadRows(bad.sort((a, b) => a.rowNumber - b.rowNumber));
    o.onProgress?.(progress);
    if (o.write && !deferred.indexes && progress.bytes > 0) {
      const expected = (counts.rows / progress.bytes) * totalBytes;
      if (expected >= DEFER_INDEXES_AT && expected * 4 >= tableRows) {
        await written();
        deferred.indexes = await deferIndexes(o.target, ENTERPRISE_TABLES);
      }
    }
  };

  for await (const part of batches) {
    counts.rows += part.rows.length;
    progress.rows = part.rows[part.rows.length - 1]?.rowNumber ?? progress.rows;
    progress.bytes = part.bytes;
    await flush(part.rows);
  }
  await written();
  progress.bytes = totalBytes;
  if (deferred.indexes) {
    o.onProgress?.({ ...progress, stage: 'indexes' });
    await deferred.indexes.restore();
  }
  if (index) {
    o.onProgress?.({ ...progress, stage: 'search' });
    await index.finish(db, o.target.dialect);
  }
  o.onProgress?.(progress);
  return { header, counts };
}

function existsError(header: HeaderMatch): RowError {
  const index = Number(Object.entries(header.mapping).find(([, f]) => f === 'uscc')?.[0] ?? -1);
  return {
    column: header.headers[index] ?? '',
    columnIndex: index >= 0 ? index : null,
    field: 'uscc',
    reason: 'exists',
    message: reasonMessage('exists'),
  };
}
