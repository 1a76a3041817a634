import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { usccCheckDigit } from '@kaimen/shared';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { createTenant, type TestTenant } from '../../../test/factories.js';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../../../test/helper.js';
import { tenantForOperator } from '../../tenants/tenants.service.js';

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const CLI = path.join(SERVER_ROOT, 'src/cli.ts');

const uscc = (n: number) => {
  const body = `91320594${String(n).padStart(9, '0')}`;
  return body + usccCheckDigit(body);
};

function writeCsv(file: string, rows: number, bad: number[] = []) {
  const lines = ['统一社会信用代码,企业名称,注册资本（万元）,成立日期,经营范围,联系人,手机号码,标签'];
  for (let i = 1; i <= rows; i++) {
    const code = bad.includes(i) ? '91350203M0001QAY9B' : uscc(i);
    lines.push(
      `${code},苏州测试生物医药有限公司${i},${i % 900},2020-0${(i % 9) + 1}-15,CRO 临床前研究,联系人${i},1390000${String(i % 10000).padStart(4, '0')},CRO`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Runs the real CLI in a child process; `onStderr` may kill it. */
function runCli(testDb: TestDatabase, args: string[], onStderr?: (text: string, kill: () => void) => void) {
  const env: NodeJS.ProcessEnv = { ...process.env, KAIMEN_DATA_DIR: testDb.dataDir, KAIMEN_LOG_LEVEL: 'silent' };
  if (testDb.options.kind === 'postgres') env.DATABASE_URL = testDb.options.url;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: SERVER_ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    onStderr?.(stderr, () => child.kill('SIGKILL'));
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

describe(`kaimen import enterprises (${DB_KIND})`, () => {
  let testDb: TestDatabase;
  let database: Database;
  let t: TestTenant;
  let file: string;
  const ROWS = 30_000;
  /** Each case starts a real process (tsx compiles the CLI as it loads): slow on a busy machine. */
  const SLOW = 180_000;

  const counts = async () => {
    const n = async (table: 'enterprises' | 'enterpriseContacts' | 'enterpriseTags' | 'enterpriseSearch') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('tenantId', '=', t.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      enterprises: await n('enterprises'),
      contacts: await n('enterpriseContacts'),
      tags: await n('enterpriseTags'),
      search: await n('enterpriseSearch'),
    };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
    await migrateToLatest(database);
    t = await createTenant(database, 'cli');
    await createTenant(database, 'cli-other');
    file = path.join(testDb.dataDir, 'companies.csv');
    writeCsv(file, ROWS, [7, 70]);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  it(
    'a dry run prints every bad row with its row number, column and reason, and writes nothing',
    { timeout: SLOW },
    async () => {
      const r = await runCli(testDb, ['import', 'enterprises', file, '--tenant', 'cli', '--dry-run']);
      expect(r.code, r.stderr).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines.slice(0, 2)).toEqual([
        'row 8: 统一社会信用代码: 统一社会信用代码无效（长度、字符或校验位错误） (uscc-invalid)',
        'row 71: 统一社会信用代码: 统一社会信用代码无效（长度、字符或校验位错误） (uscc-invalid)',
      ]);
      expect(lines[2]).toBe(
        `dry run: ${ROWS} rows below the header (row 1); ${ROWS - 2} new, 0 already there (skipped), 2 with errors, 0 blank`,
      );
      expect(await counts()).toEqual({ enterprises: 0, contacts: 0, tags: 0, search: 0 });
    },
  );

  it('asks for --tenant when the database holds several', async () => {
    await expect(tenantForOperator(database.db, undefined)).rejects.toThrow('--tenant is required');
    await expect(tenantForOperator(database.db, 'nope')).rejects.toThrow('no tenant nope; tenants: cli, cli-other');
    expect((await tenantForOperator(database.db, 'cli')).id).toBe(t.id);
  });

  it(
    'a process killed in the middle of an import leaves no partial rows, and the import then runs whole',
    { timeout: 2 * SLOW },
    async () => {
      let killedAt = 0;
      const killed = await runCli(testDb, ['import', 'enterprises', file, '--tenant', 'cli'], (text, kill) => {
        const rows = [...text.matchAll(/importing: row (\d+)/g)].map((m) => Number(m[1]));
        const last = rows[rows.length - 1] ?? 0;
        if (!killedAt && last >= 2_000 && last < ROWS) {
          killedAt = last;
          kill();
        }
      });
      expect(killed.signal, `the import finished before it could be killed: ${killed.stdout}`).toBe('SIGKILL');
      expect(killedAt).toBeGreaterThanOrEqual(2_000);
      // Thousands of rows had been written inside the transaction: none of them, nor their children or index rows, stay.
      expect(await counts()).toEqual({ enterprises: 0, contacts: 0, tags: 0, search: 0 });
      if (DB_KIND === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
        expect(check.rows).toEqual([{ integrityCheck: 'ok' }]);
      }
      const audit = await database.db
        .selectFrom('auditEvents')
        .select('id')
        .where('tenantId', '=', t.id)
        .where('action', '=', 'import')
        .execute();
      expect(audit).toEqual([]);

      const whole = await runCli(testDb, ['import', 'enterprises', file, '--tenant', 'cli']);
      expect(whole.stdout).toContain(`${ROWS - 2} created`);
      expect(await counts()).toEqual({ enterprises: ROWS - 2, contacts: ROWS - 2, tags: ROWS - 2, search: ROWS - 2 });
    },
  );
});
