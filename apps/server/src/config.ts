import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Environment configuration, validated once at start-up. */
const ZEnv = z.object({
  NODE_ENV: z.string().default('production'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  KAIMEN_DATA_DIR: z.string().default('./data'),
  KAIMEN_DEMO_PASSWORD: z.string().optional(),
  KAIMEN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAIMEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  KAIMEN_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  KAIMEN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  KAIMEN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(30),
  KAIMEN_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  KAIMEN_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KAIMEN_TRUST_PROXY: bool.default(false),
  KAIMEN_MAX_UPLOAD_MB: z.coerce.number().min(1).default(20),
  KAIMEN_MAX_IMPORT_MB: z.coerce.number().min(1).default(512),
  KAIMEN_JOBS: bool.default(true),
});

export interface Config {
  env: string;
  host: string;
  port: number;
  /** SQLite file under the data dir unless a PostgreSQL URL is given. */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  demoPassword?: string;
  logLevel: string;
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: 'auto' | boolean };
  lockout: { threshold: number; minutes: number };
  loginRatePerMinute: number;
  trustProxy: boolean;
  maxUploadBytes: number;
  /** Largest spreadsheet an import takes (a million-row csv is about 300 MB). */
  maxImportBytes: number;
  jobs: boolean;
  /** scrypt cost; lowered only by tests. */
  scryptCost: number;
  /** Injected clock so tests can move time. */
  now: () => Date;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KAIMEN_DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'kaimen.sqlite') },
    dataDir,
    demoPassword: e.KAIMEN_DEMO_PASSWORD,
    logLevel: e.KAIMEN_LOG_LEVEL,
    session: {
      idleMinutes: e.KAIMEN_SESSION_IDLE_MINUTES,
      absoluteHours: e.KAIMEN_SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.KAIMEN_COOKIE_SECURE === 'auto' ? 'auto' : e.KAIMEN_COOKIE_SECURE === 'true',
    },
    lockout: { threshold: e.KAIMEN_LOCKOUT_THRESHOLD, minutes: e.KAIMEN_LOCKOUT_MINUTES },
    loginRatePerMinute: e.KAIMEN_LOGIN_RATE_PER_MINUTE,
    trustProxy: e.KAIMEN_TRUST_PROXY,
    maxUploadBytes: Math.round(e.KAIMEN_MAX_UPLOAD_MB * 1024 * 1024),
    maxImportBytes: Math.round(e.KAIMEN_MAX_IMPORT_MB * 1024 * 1024),
    jobs: e.KAIMEN_JOBS,
    scryptCost: 2 ** 15,
    now: () => new Date(),
    ...overrides,
  };
}
