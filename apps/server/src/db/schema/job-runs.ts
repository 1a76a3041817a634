import type { Generated } from 'kysely';

/** One row per job tick: the unique (job, slot) key is what makes a tick run once across instances. */
export interface JobRunsTable {
  id: Generated<number>;
  job: string;
  slot: string;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'ok' | 'failed';
  error: string | null;
}
