import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DB_KIND, type TestDatabase } from '../test/helper.js';
import { bulkInsert, bulkTarget, copyField, deferIndexes, freshStatistics, type BulkTable } from './bulk-insert.js';
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

  describe('deferIndexes', () => {
    type Trx = Parameters<Parameters<Database['transaction']>[0]>[0];
    /** Every index and constraint of the probe tables, as the server prints them. */
    const schemaOf = async (db: Trx | Database['db']) => {
      const { rows } = await sql<{ def: string }>`
        select tablename || ': ' || indexdef as def from pg_indexes where tablename like 'defer_%'
        union all
        select conrelid::regclass::text || ': ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
          where conrelid::regclass::text like 'defer_%'
        order by 1`.execute(db);
      return rows.map((r) => r.def);
    };
    let before: string[];

    beforeAll(async () => {
      await sql`create table defer_outside (id text primary key)`.execute(database.db);
      await sql`create table defer_parent (tenant_id text not null, id text not null, code text not null,
          name text not null, outside_id text references defer_outside (id),
          constraint defer_parent_pk primary key (tenant_id, id),
          constraint defer_parent_code_uq unique (tenant_id, code))`.execute(database.db);
      await sql`create index defer_parent_name_idx on defer_parent (tenant_id, name, id)`.execute(database.db);
      await sql`create table defer_child (tenant_id text not null, parent_id text not null, tag text not null,
          constraint defer_child_pk primary key (tenant_id, parent_id, tag),
          constraint defer_child_parent_fk foreign key (tenant_id, parent_id)
            references defer_parent (tenant_id, id) on delete cascade)`.execute(database.db);
      await sql`create index defer_child_tag_idx on defer_child (tenant_id, tag)`.execute(database.db);
      await sql`insert into defer_outside values ('o1')`.execute(database.db);
      before = await schemaOf(database.db);
    });

    const load = (trx: Trx, from: number, n: number, orphan = false) =>
      sql`with p as (insert into defer_parent
            select 't', 'p' || g, 'c' || g, '企业' || g, 'o1' from generate_series(${from}::int, ${from + n - 1}::int) g)
          insert into defer_child
            select 't', case when ${orphan}::boolean and g = ${from}::int then 'missing' else 'p' || g end, 'x'
            from generate_series(${from}::int, ${from + n - 1}::int) g`.execute(trx);

    it('drops the secondary indexes and the keys between the loaded tables, and builds the same ones back', async () => {
      await database.transaction(async (trx) => {
        const deferred = await deferIndexes(bulkTarget(database, trx), ['defer_parent', 'defer_child']);
        const during = await schemaOf(trx);
        expect(before.filter((d) => !during.includes(d))).toEqual([
          'defer_child: CREATE INDEX defer_child_tag_idx ON public.defer_child USING btree (tenant_id, tag)',
          'defer_child: defer_child_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES defer_parent(tenant_id, id) ON DELETE CASCADE',
          'defer_parent: CREATE INDEX defer_parent_name_idx ON public.defer_parent USING btree (tenant_id, name, id)',
        ]);
        // The keys the load's lookups use stay, and the key to a table outside the load (dropping it would lock that).
        expect(during).toContain('defer_parent: defer_parent_code_uq UNIQUE (tenant_id, code)');
        expect(during).toContain(
          'defer_parent: defer_parent_outside_id_fkey FOREIGN KEY (outside_id) REFERENCES defer_outside(id)',
        );
        // The wait for the locks was the drop's own.
        const { rows } = await sql<{ v: string }>`select current_setting('lock_timeout') as v`.execute(trx);
        expect(rows[0]!.v).toBe('0');
        await load(trx, 1, 500);
        await deferred.restore();
        expect(await schemaOf(trx)).toEqual(before);
      });
      expect(await schemaOf(database.db)).toEqual(before);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from defer_child c
        join defer_parent p on (p.tenant_id, p.id) = (c.tenant_id, c.parent_id)`.execute(database.db);
      expect(rows[0]!.n).toBe(500);
    });

    it('a row the dropped key would have refused fails the restore, and the transaction keeps nothing', async () => {
      const error = await database
        .transaction(async (trx) => {
          const deferred = await deferIndexes(bulkTarget(database, trx), ['defer_parent', 'defer_child']);
          await load(trx, 1000, 100, true);
          await deferred.restore();
        })
        .catch((e: unknown) => e);
      expect(classifyDbError(error)).toBe('foreign-key');
      expect(await schemaOf(database.db)).toEqual(before);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from defer_parent`.execute(database.db);
      expect(rows[0]!.n).toBe(500);
    });

    it('keeps the indexes when another session is reading the tables, instead of queueing every reader behind it', async () => {
      const reader = new pg.Client({ connectionString: (testDb.options as { url: string }).url });
      await reader.connect();
      try {
        await reader.query('begin');
        await reader.query('select count(*) from defer_parent');
        await database.transaction(async (trx) => {
          const deferred = await deferIndexes(bulkTarget(database, trx), ['defer_parent', 'defer_child']);
          // The transaction goes on, its indexes in place.
          expect(await schemaOf(trx)).toEqual(before);
          const { rows } = await sql<{ v: string }>`select current_setting('lock_timeout') as v`.execute(trx);
          expect(rows[0]!.v).toBe('0');
          await load(trx, 2000, 10);
          await deferred.restore();
        });
      } finally {
        await reader.query('rollback');
        await reader.end();
      }
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from defer_parent`.execute(database.db);
      expect(rows[0]!.n).toBe(510);
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
