import fs from 'node:fs';
import { Transform } from 'node:stream';
import type { ImportBadRow as BadRow, ImportCounts, ImportProgress, ProcessInput } from '../../imports/import-kind.js';
import { newId } from '../../../lib/ids.js';
import { checkRows, type CheckedRow } from './check-rows.js';
import type { HeaderMatch, ImportField } from './header.js';
import { deferIndexes, freshStatistics } from '../../../db/bulk-insert.js';
import { ENTERPRISE_TABLES, insertEnterprises, updateEnterprises, type ImportRecord } from './bulk-write.js';
import { readRowsFrom } from './read-rows.js';
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

/** Rows from which a load on SQLite builds its indexes at the end instead of keeping them up to date. */
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
 * written. Memory stays bounded by a batch plus the in-file duplicate set (one entry per distinct USCC).
 */
export async function processEnterpriseFile(o: ProcessOptions): Promise<ProcessResult> {
  const db = o.target.trx;
  const totalBytes = (await fs.promises.stat(o.file)).size;
  const progress: ImportProgress = { bytes: 0, totalBytes, rows: 0 };
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      progress.bytes += chunk.length;
      done(null, chunk);
    },
  });
  fs.createReadStream(o.file)
    .on('error', (e) => counter.destroy(e))
    .pipe(counter);
  const checked = await checkRows(guardRead(readRowsFrom(counter, o.fileKind)), {
    ...(o.options.headerRowNumber !== undefined ? { headerRowNumber: o.options.headerRowNumber } : {}),
    ...(o.options.mapping ? { mapping: o.options.mapping } : {}),
    ...(o.options.defaults ? { defaults: o.options.defaults } : {}),
  });
  if (!checked.header) return { header: null };

  const counts: ImportCounts = { rows: 0, blank: 0, invalid: 0, new: 0, existing: 0, created: 0, updated: 0 };
  const nodes = await chainNodeLookup(db, o.tenantId);
  const registeredBefore = await registeredCount(db, o.tenantId);
  const index = o.write ? searchIndexUpkeep(o.tenantId, registeredBefore) : null;
  // Only the lookups of companies already registered need it (there are none when the tenant had none).
  const statistics =
    o.write && registeredBefore > 0 ? freshStatistics(o.target, ['enterprises'], registeredBefore) : null;
  const chainColumn = Object.entries(checked.header.mapping).find(([, f]) => f === 'chainNodeCodes');

  // A large load on SQLite writes without the secondary indexes and builds them once at the end; whether it is large is
  // known after the first batch (bytes per row so far against the file's size).
  const deferred: { indexes: { restore(): Promise<void> } | null } = { indexes: null };
  const tableRows = o.write ? await countAll(db) : 0;
  let batch: CheckedRow[] = [];
  // The previous batch's write, still running while the next batch is read and checked: PostgreSQL works while this
  // process does (each used to wait for the other, the server busy about 70 % of the time). One write at most is in
  // flight, so memory stays bounded by two batches; a failed write stops the import at the next await of it. On
  // SQLite the statements run synchronously and nothing changes.
  let writing: Promise<void> | null = null;
  const write = async (created: readonly ImportRecord[], updated: readonly ImportRecord[]) => {
    await insertEnterprises(o.target, o.tenantId, created, nodes.ids, o.now);
    await updateEnterprises(db, o.tenantId, updated, nodes.ids, o.now);
    await statistics?.(created.length);
  };
  const written = async () => {
    const w = writing;
    writing = null;
    await w;
  };
  const flush = async () => {
    const rows = batch;
    batch = [];
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
      // Chain nodes by code or name, as the tenant's tree has them.
      const codes = r.value.chainNodeCodes?.map((c) => nodes.codeOf(c) ?? null);
      if (codes?.includes(null)) {
        const index = chainColumn ? Number(chainColumn[0]) : null;
        bad.push({
          rowNumber: row.rowNumber,
          errors: [
            {
              column: index === null ? '' : (checked.header!.headers[index] ?? ''),
              columnIndex: index,
              field: 'chainNodeCodes',
              reason: 'chain-node-unknown',
              message: reasonMessage('chain-node-unknown'),
            },
          ],
          cells: row.cells,
        });
        continue;
      }
      good.push({ row, input: codes ? { ...r.value, chainNodeCodes: codes as string[] } : r.value });
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
            errors: [existsError(checked.header!)],
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

  for await (const row of checked.rows) {
    counts.rows++;
    progress.rows = row.rowNumber;
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
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
  return { header: checked.header, counts };
}

/** A file that cannot be read (a broken xlsx, a truncated zip): what the user must fix, not a fault of ours. */
export class ImportFileError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the file cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ImportFileError';
  }
}

async function* guardRead<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  const it = rows[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await it.next();
      } catch (err) {
        throw new ImportFileError(err);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await it.return?.();
  }
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
