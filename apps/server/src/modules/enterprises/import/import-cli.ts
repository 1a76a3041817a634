import fs from 'node:fs';
import path from 'node:path';
import { bulkTarget } from '../../../db/bulk-insert.js';
import type { Database } from '../../../db/database.js';
import { iso } from '../../../lib/time.js';
import { recordAudit } from '../../audit/audit.repository.js';
import type { ImportBadRow, ImportCounts } from '../../imports/import-kind.js';
import { sniffFileKind } from '../../imports/imports.storage.js';
import { tenantForOperator } from '../../tenants/tenants.service.js';
import { importKind } from '../../imports/imports.kinds.js';

export interface CliImportOptions {
  /** What the rows are: 'enterprises' or 'leads' (an ImportKind). */
  kind?: string;
  file: string;
  /** Tenant slug; may be left out while the database holds one tenant. */
  tenant?: string;
  dryRun: boolean;
  existing: 'skip' | 'update';
  now: Date;
  /** Summary and bad rows (stdout). */
  out: (line: string) => void;
  /** Progress (stderr). */
  progress?: (text: string) => void;
}

const describe = (b: ImportBadRow) =>
  b.errors.map((e) => `${e.column ? `${e.column}: ` : ''}${e.message.zh} (${e.reason})`).join('; ');

/**
 * `kaimen import <kind> <file>`: what the import page does, from a shell. A dry run checks every row and writes
 * nothing; otherwise the good rows go in in one transaction (a kill or a crash leaves the registry as it was). Every
 * bad row is printed with its row number, column and reason.
 */
export async function importFromCli(database: Database, o: CliImportOptions): Promise<ImportCounts | null> {
  const file = path.resolve(o.file);
  if (!fs.existsSync(file)) throw new Error(`no file ${o.file}`);
  const fileKind = await sniffFileKind(file);
  if (!fileKind) throw new Error(`${o.file} is neither an xlsx nor a text (csv) file`);
  const tenant = await tenantForOperator(database.db, o.tenant);
  const kind = importKind(o.kind ?? 'enterprises');
  const options = kind.ZOptions.parse({ existing: o.existing });
  // Rows skipped because their company exists are counted, not listed: a re-import would list every row.
  const onBadRows = async (rows: ImportBadRow[]) => {
    for (const b of rows) if (!b.skippedExisting) o.out(`row ${b.rowNumber}: ${describe(b)}`);
  };
  let lastShown = 0;
  const onProgress = (p: { bytes: number; totalBytes: number; rows: number }) => {
    if (!o.progress || Date.now() - lastShown < 200) return;
    lastShown = Date.now();
    const pct = p.totalBytes ? Math.floor((p.bytes / p.totalBytes) * 100) : 0;
    o.progress(`${o.dryRun ? 'checking' : 'importing'}: row ${p.rows} (${pct}%)`);
  };
  // As the import page's jobs do: a connection of its own, with a page cache sized for a long transaction.
  const long = database.forLongWork();
  const own = long.database;
  const work = (write: boolean) => async (trx: Database['db']) => {
    const now = iso(o.now);
    const result = await kind.process({
      target: bulkTarget(own, trx),
      tenantId: tenant.id,
      file,
      fileKind,
      options,
      write,
      now,
      onBadRows,
      onProgress,
    });
    if (write && result.header) {
      await recordAudit(
        trx,
        { actor: null, ip: null, requestId: null, locale: 'zh-CN', now: o.now },
        {
          action: 'import',
          entityType: kind.entityType,
          tenantId: tenant.id,
          actorUsername: 'kaimen-cli',
          after: { fileName: path.basename(file), options, counts: result.counts },
        },
      );
    }
    return result;
  };
  const result = await (o.dryRun ? work(false)(own.db) : own.transaction(work(true))).finally(() => long.release());
  if (!result.header || !result.counts) {
    o.out(
      'no header row found among the first 20 rows: name the columns 统一社会信用代码, 企业名称 … (see the README)',
    );
    return null;
  }
  const c = result.counts;
  o.out(
    `${o.dryRun ? 'dry run' : 'imported'}: ${c.rows} rows below the header (row ${result.header.headerRowNumber}); ` +
      `${c.new} new, ${c.existing} already there (${o.existing === 'update' ? 'updated' : 'skipped'}), ` +
      `${c.invalid} with errors, ${c.blank} blank` +
      (o.dryRun ? '' : `; ${c.created} created, ${c.updated} updated`),
  );
  return c;
}
