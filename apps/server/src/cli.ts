#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, checkPassword, type Role } from '@kaimen/shared';
import { Command } from 'commander';
import { loadConfig, type Config } from './config.js';
import { Database } from './db/database.js';
import { migrateDown, migrateToLatest } from './db/migrate.js';
import { newId } from './lib/ids.js';
import { hashPassword } from './lib/password.js';
import { iso } from './lib/time.js';
import { backupDatabase, restoreDatabase } from './modules/backup/backup.service.js';
import { rebuildSearchIndex } from './modules/enterprises/search/enterprise-search.js';
import { DEMO_TENANT_NAME, generateDemoPassword, seedDemo } from './modules/seed/demo.js';
import { startServer } from './server.js';

const program = new Command('kaimen').description('Kaimen (开门) operator commands').showHelpAfterError();

async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = Database.open(config.database);
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

const passwordFile = (config: Config) => path.join(config.dataDir, 'demo-password.txt');

/** The configured demo password, or the one generated at the first seed (kept in the data dir). */
function demoPassword(config: Config): { password: string; generated: boolean } {
  if (config.demoPassword) return { password: config.demoPassword, generated: false };
  const file = passwordFile(config);
  if (fs.existsSync(file)) return { password: fs.readFileSync(file, 'utf8').trim(), generated: true };
  const password = generateDemoPassword();
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { password, generated: true };
}

async function seedDemoTenant(database: Database, config: Config) {
  await migrateToLatest(database);
  const { password, generated } = demoPassword(config);
  if (!checkPassword(password).ok)
    throw new Error(
      'KAIMEN_DEMO_PASSWORD does not meet the password policy (8+ characters, 3 of: upper, lower, digit, symbol)',
    );
  const result = await seedDemo(database, { password, scryptCost: config.scryptCost, now: config.now() });
  return { ...result, password, generated };
}

function printLogins(url: string, r: { usernames: string[]; password: string; generated: boolean }) {
  const width = Math.max(...r.usernames.map((u) => u.length)) + 2;
  const lines = [
    '',
    `  Kaimen 开门 — ${DEMO_TENANT_NAME}`,
    `  Open ${url} and sign in as any of:`,
    ...r.usernames.map((u) => `    ${u.padEnd(width)}${r.password}`),
    r.generated
      ? `  (generated password, kept in ${'data/demo-password.txt'}; set KAIMEN_DEMO_PASSWORD to choose one)`
      : '',
    '',
  ];
  console.log(lines.join('\n'));
}

program
  .command('migrate')
  .description('apply pending database migrations (or undo the last with --down)')
  .option('--down', 'undo the most recent migration')
  .action(async (o: { down?: boolean }) => {
    const done = await withDatabase((db) => (o.down ? migrateDown(db) : migrateToLatest(db)));
    console.log(done.length ? done.join('\n') : 'database is up to date');
  });

program
  .command('seed')
  .description('create demo data')
  .requiredOption('--demo', 'create the demo tenant with one user per role (skipped when it exists)')
  .action(async () => {
    const r = await withDatabase((db, config) => seedDemoTenant(db, config));
    console.log(r.created ? 'demo tenant created' : 'demo tenant already exists');
    printLogins('http://localhost:' + loadConfig().port, r);
  });

program
  .command('serve')
  .description('run the server (migrates first)')
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command('demo')
  .description('migrate, seed the demo tenant when empty, and serve')
  .action(async () => {
    const config = loadConfig();
    const database = Database.open(config.database);
    const r = await seedDemoTenant(database, config);
    await startServer(config, database);
    printLogins(`http://localhost:${config.port}`, r);
  });

const progress = (verb: string) => (table: string, rows: number) =>
  process.stderr.write(`\r${verb} ${table}: ${rows} rows   `);

program
  .command('backup <file>')
  .description('write a portable backup of the database (gzip JSON lines; attachment files are copied separately)')
  .action(async (file: string) => {
    const r = await withDatabase((db) =>
      backupDatabase(db, path.resolve(file), { onProgress: progress('backing up') }),
    );
    process.stderr.write('\n');
    console.log(
      `backup written to ${file}: ${Object.entries(r.tables)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  });

program
  .command('restore <file>')
  .description('restore a backup into a fresh, migrated database (all or nothing; SQLite and PostgreSQL alike)')
  .action(async (file: string) => {
    const r = await withDatabase(async (db) => {
      await migrateToLatest(db);
      const restored = await restoreDatabase(db, path.resolve(file), { onProgress: progress('restoring') });
      await rebuildSearchIndex(db);
      return restored;
    });
    process.stderr.write('\n');
    console.log(
      `restored ${file}: ${Object.entries(r.tables)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}`,
    );
  });

const exportCommand = program.command('export').description('write records to a spreadsheet');
exportCommand
  .command('enterprises <file>')
  .description("a tenant's enterprise registry as xlsx or csv: unmasked (an operator's export), audited as kaimen-cli")
  .option('--tenant <slug>', 'tenant slug (may be left out when the database holds one tenant)')
  .option('--format <format>', 'xlsx | csv (from the file name unless given)')
  .action(async (file: string, o: { tenant?: string; format?: string }) => {
    // Loaded here, not at the top: the spreadsheet libraries are needed by this command only.
    const { exportEnterprisesToFile, formatFor } = await import('./modules/enterprises/export/export.service.js');
    const format = formatFor(file, o.format);
    const r = await withDatabase((db) =>
      exportEnterprisesToFile(db, { file: path.resolve(file), tenant: o.tenant, format }),
    );
    console.log(`exported ${r.rows} enterprises of ${r.tenant} to ${file} (${r.format}, unmasked, audited)`);
  });

const importCommand = program.command('import').description('read records from a spreadsheet');
for (const [kind, what] of [
  ['enterprises', 'companies'],
  ['leads', 'investment leads (an existing pipeline sheet)'],
  ['units', 'property units, one row per unit (a rent-control sheet; buildings must exist, floors are created)'],
  ['parcels', 'land parcels (code, name, area in m² or 亩, zoning, status, owner, GeoJSON outline)'],
] as const) {
  importCommand
    .command(`${kind} <file>`)
    .description(`${what} from an xlsx or csv: every bad row printed with its row number, column and reason`)
    .option('--tenant <slug>', 'tenant slug (may be left out when the database holds one tenant)')
    .option('--dry-run', 'check every row and write nothing')
    .option('--existing <mode>', 'records already there: skip | update', 'skip')
    .action(async (file: string, o: { tenant?: string; dryRun?: boolean; existing: string }) => {
      if (o.existing !== 'skip' && o.existing !== 'update') throw new Error('--existing must be skip or update');
      const { importFromCli } = await import('./modules/enterprises/import/import-cli.js');
      const counts = await withDatabase(async (database, config) => {
        await migrateToLatest(database);
        return importFromCli(database, {
          kind,
          file,
          tenant: o.tenant,
          dryRun: Boolean(o.dryRun),
          existing: o.existing as 'skip' | 'update',
          now: config.now(),
          out: (line) => console.log(line),
          progress: (text) => process.stderr.write(`\r${text}   `),
        });
      });
      process.stderr.write('\n');
      if (!counts) process.exitCode = 2;
      else if (counts.invalid > 0) process.exitCode = 1;
    });
}

const user = program.command('user').description('manage users');
user
  .command('create')
  .description('create a user; role super_admin makes a platform operator outside every tenant')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .requiredOption('--role <role>', ROLES.join(' | '))
  .option('--tenant <slug>', 'tenant slug (all roles but super_admin)')
  .option('--display-name <name>')
  .action(async (o: { username: string; password: string; role: string; tenant?: string; displayName?: string }) => {
    if (!ROLES.includes(o.role as Role)) throw new Error(`unknown role ${o.role}; one of ${ROLES.join(', ')}`);
    if (!checkPassword(o.password).ok)
      throw new Error('password does not meet the policy (8+ characters, 3 of: upper, lower, digit, symbol)');
    await withDatabase(async (database, config) => {
      await migrateToLatest(database);
      let tenantId: string | null = null;
      if (o.role !== 'super_admin') {
        if (!o.tenant) throw new Error('--tenant is required for tenant roles');
        const t = await database.db.selectFrom('tenants').select('id').where('slug', '=', o.tenant).executeTakeFirst();
        if (!t) throw new Error(`no tenant ${o.tenant}`);
        tenantId = t.id;
      }
      const now = iso(config.now());
      await database.db
        .insertInto('users')
        .values({
          id: newId(),
          tenantId,
          username: o.username.toLowerCase(),
          displayName: o.displayName ?? o.username,
          passwordHash: await hashPassword(o.password, config.scryptCost),
          role: o.role,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      console.log(`user ${o.username} created`);
    });
  });

program.parseAsync().catch((err: unknown) => {
  console.error(`kaimen: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
