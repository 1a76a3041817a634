import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KIND } from '../test/helper.js';
import { Database } from './database.js';

/** SQLite only (the project of either database runs it once, on SQLite's): see checkpointer.ts. */
describe.skipIf(DB_KIND !== 'sqlite')('SQLite checkpoints after long work run in a worker', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A fresh database file with one table, and its size before any rows. */
  const freshFile = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-ckpt-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const database = Database.open({ kind: 'sqlite', file });
    await sql`create table t (id integer primary key, body text not null)`.execute(database.db);
    return { file, database, before: fs.statSync(file).size };
  };
  /** 12 MB of rows in one transaction on a connection for long work, committed and released. */
  const longWrite = async (database: Database) => {
    const long = database.forLongWork();
    await long.database.transaction(async (trx) => {
      for (let i = 0; i < 2_000; i++) await sql`insert into t (body) values (${'本'.repeat(2_000)})`.execute(trx);
    });
    await long.release();
  };

  const until = async (ok: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 25));
    }
    return true;
  };

  it('copies a long transaction into the database file after its commit, and the app’s connection no longer does', async () => {
    const { file, database, before } = await freshFile();
    expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await longWrite(database);
    // The app's connection stopped checkpointing on its own once long work began.
    expect(database.sqlite!.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Committed, readable by the app at once, whether or not the file has it yet.
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(database.db);
    expect(rows[0]!.n).toBe(2_000);
    // 12 MB of rows reach the database file itself without any connection of this thread checkpointing.
    expect(await until(() => fs.statSync(file).size > before + 10_000_000)).toBe(true);

    // A small write of the app's afterwards leaves the WAL to the checkpointer too, and close removes it.
    await sql`insert into t (body) values ('x')`.execute(database.db);
    await database.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = Database.open({ kind: 'sqlite', file });
    const again = await sql<{ n: number }>`select count(*) as n from t`.execute(reopened.db);
    expect(again.rows[0]!.n).toBe(2_001);
    await reopened.close();
  });

  it('copies what a process committed before it closes, though another process keeps the database open', async () => {
    // The server, open throughout, and a CLI import that commits and ends at once.
    const { file, database: server, before } = await freshFile();
    const cli = Database.open({ kind: 'sqlite', file });
    await longWrite(cli);
    await cli.close();
    // Not left to the server's next write, which would copy it on the server's thread.
    expect(fs.statSync(file).size).toBeGreaterThan(before + 10_000_000);
    await server.close();
  });
});
