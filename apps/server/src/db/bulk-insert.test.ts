import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../test/helper.js';
import { bulkInsert, bulkTarget, copyField, freshStatistics, type BulkTable } from './bulk-insert.js';
import { classifyDbError, Database } from './database.js';

describe('copyField', () => {
  it("writes COPY text: \\N for null, backslash escapes for the format's separators, anything else as it is", () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('生物医药；CRO（临床前）')).toBe('生物医药；CRO（临床前）');
    expect(copyField(9_007_199_254_740_991)).toBe('9007199254740991');
    expect(copyField(0)).toBe('0');
  });
});

describe.runIf(DB_KIND === 'postgres')('bulk loads on PostgreSQL', () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = Database.open(testDb.options);
  });
  afterAll(async () => {
    await database.close();
    await testDb.drop();
  });

  describe('freshStatistics', () => {
    const estimate = async (db: Parameters<Parameters<Database['transaction']>[0]>[0]) =>
      Number(
        (await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'stats_probe'`.execute(db))
          .rows[0]!.n,
      );
    const insert = (db: Parameters<Parameters<Database['transaction']>[0]>[0], n: number) =>
      sql`insert into stats_probe select g from generate_series(1, ${n}) g`.execute(db);

    it('analyzes inside the load each time it has doubled the table, counting its own rows', async () => {
      await database.transaction(async (trx) => {
        await sql`create table stats_probe (n integer)`.execute(trx);
        const target = bulkTarget(database, trx);
        const written = freshStatistics(target, ['stats_probe'], 0, 100);
        // Never analyzed: the planner has no row count.
        expect(await estimate(trx)).toBeLessThan(1);
        await insert(trx, 60);
        await written(60);
        expect(await estimate(trx)).toBeLessThan(1);
        await insert(trx, 60);
        await written(60);
        expect(await estimate(trx)).toBe(120);
        // The next one waits until the load has written as many rows again.
        await insert(trx, 100);
        await written(100);
        expect(await estimate(trx)).toBe(120);
        await insert(trx, 30);
        await written(30);
        expect(await estimate(trx)).toBe(250);
      });
    });
  });

  describe('bulkInsert by COPY (long work)', () => {
    beforeAll(async () => {
      await sql`create table copy_probe (id integer primary key, label text not null, note text, amount bigint)`.execute(
        database.db,
      );
    });

    const table: BulkTable = {
      name: 'copy_probe',
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'label', type: 'text' },
        { name: 'note', type: 'text' },
        { name: 'amount', type: 'bigint' },
      ],
    };
    const awkward = [
      [1, 'tab\there', null, 9_007_199_254_740_991],
      [2, 'line\nbreak\r\nand CR', '\\N', 0],
      [3, 'back\\slash \\t not a tab', '', -5],
      [4, '全角：ＡＢＣ，生物医药（CRO）', '\u00a0', null],
    ];
    const read = async () =>
      (
        await sql<{ id: number; label: string; note: string | null; amount: number | null }>`
          select id, label, note, amount from copy_probe order by id`.execute(database.db)
      ).rows.map((r) => [r.id, r.label, r.note, r.amount === null ? null : Number(r.amount)]);

    it("streams the rows through the transaction's own session and stores every value as given", async () => {
      const work = database.forLongWork();
      try {
        await work.database.transaction(async (trx) => {
          const target = bulkTarget(work.database, trx);
          expect(target.pg).not.toBeNull();
          await bulkInsert(target, table, awkward);
          // The same session: the transaction sees its rows before the commit, other connections do not.
          expect((await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(trx)).rows[0]!.n).toBe(4);
          expect(await read()).toEqual([]);
        });
        expect(await read()).toEqual(awkward);
      } finally {
        await work.release();
        await sql`delete from copy_probe`.execute(database.db);
      }
    });

    it('writes what the unnest path writes, for a target without a session', async () => {
      await database.transaction(async (trx) => {
        const target = bulkTarget(database, trx);
        expect(target.pg).toBeNull();
        await bulkInsert(target, table, awkward);
      });
      expect(await read()).toEqual(awkward);
      await sql`delete from copy_probe`.execute(database.db);
    });

    it('a row the table refuses fails the COPY and the transaction keeps none of its rows', async () => {
      const work = database.forLongWork();
      try {
        const err = await work.database
          .transaction(async (trx) => {
            await bulkInsert(bulkTarget(work.database, trx), table, [
              [10, 'kept only if all land', null, 1],
              [11, null, null, 2],
            ]);
          })
          .catch((e: unknown) => e);
        expect(classifyDbError(err)).toBe('not-null');
        expect(await read()).toEqual([]);
        // The session is usable again for the next job.
        await work.database.transaction(async (trx) => {
          await bulkInsert(bulkTarget(work.database, trx), table, [[12, 'after the failure', null, 3]]);
        });
        expect(await read()).toEqual([[12, 'after the failure', null, 3]]);
      } finally {
        await work.release();
        await sql`delete from copy_probe`.execute(database.db);
      }
    });
  });
});
