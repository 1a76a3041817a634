import { bulkTarget } from '../../../db/bulk-insert.js';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDbError, Database, type Executor } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { newId } from '../../../lib/ids.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helper.js';
import type { ImportBadRow } from '../../imports/import-kind.js';
import { writeEnterpriseCsv } from '../../seed/enterprise-files.js';
import { processEnterpriseFile } from './process-file.js';

describe('processEnterpriseFile writing one batch while it reads the next', () => {
  let testDb: TestDatabase;
  let database: Database;
  let tenant: TestTenant;
  let file: string;
  /** The USCC of a row of the third batch (rows 2001–3000 below the header). */
  let laterUscc: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
    tenant = await createTenant(database, 'pipe');
    file = path.join(testDb.dataDir, 'companies.csv');
    await writeEnterpriseCsv(file, { seed: 'pipeline', count: 3000 });
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');
    const header = Papa.parse<string[]>(lines[0]!.replace(/^\ufeff/, '')).data[0]!;
    laterUscc = Papa.parse<string[]>(lines[2300]!).data[0]![header.indexOf('统一社会信用代码')]!;
    // A copy of the first company in the second batch: that batch has a bad row to report.
    lines.splice(1500, 0, lines[1]!);
    fs.writeFileSync(file, lines.join('\r\n'));
  });

  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const companies = async () =>
    Number(
      (
        await database.db
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenantId', '=', tenant.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const importFile = (trx: Executor, onBadRows: (rows: ImportBadRow[]) => Promise<void>) =>
    processEnterpriseFile({
      target: bulkTarget(database, trx),
      tenantId: tenant.id,
      file,
      fileKind: 'csv',
      options: { existing: 'skip' },
      write: true,
      now: new Date().toISOString(),
      onBadRows,
    });

  it('fails with the error of a write that failed behind it, and its transaction leaves no company', async () => {
    const run = database.transaction(async (trx) => {
      let reported = 0;
      // While the second batch is being written, someone registers a company of the third.
      return importFile(trx, async (rows) => {
        reported += rows.length;
        await trx
          .insertInto('enterprises')
          .values({
            tenantId: tenant.id,
            id: newId(),
            uscc: laterUscc,
            name: '同时登记的企业',
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
            version: 1,
          })
          .execute();
        expect(reported).toBe(1);
      });
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(classifyDbError(error)).toBe('unique');
    expect(await companies()).toBe(0);
  });

  it('writes every good row when nothing gets in the way', async () => {
    const result = await database.transaction((trx) => importFile(trx, async () => {}));
    expect('counts' in result && result.counts).toMatchObject({ rows: 3001, invalid: 1, created: 3000 });
    expect(await companies()).toBe(3000);
  });
});
