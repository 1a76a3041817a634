import type { Deps } from '../../lib/deps.js';
import { deleteExpiredSessions } from '../auth/sessions.repository.js';
import { leadFollowUpJob } from '../leads/leads.follow-up.js';
import { needEscalationJob } from '../needs/needs.escalation.js';
import { leaseExpiryJob } from '../property/leases.expiry.js';
import { webhookDeliveryJob } from '../webhooks/webhooks.service.js';
import { JobRunner, type JobDefinition, type JobRunnerOptions } from './job-runner.js';

/** Sessions are checked at each request too; this sweep keeps abandoned ones from piling up. */
export const sessionCleanupJob: JobDefinition = {
  name: 'session-cleanup',
  everyMs: 10 * 60_000,
  run: async (deps, now) => {
    await deleteExpiredSessions(deps.database.db, now, deps.config.session.idleMinutes);
  },
};

export const PLATFORM_JOBS: readonly JobDefinition[] = [
  sessionCleanupJob,
  leadFollowUpJob,
  needEscalationJob,
  webhookDeliveryJob,
  leaseExpiryJob,
];

/** A runner with the platform's own jobs; `instance` names this process in job_runs. */
export function createJobRunner(deps: Deps, instance: string, options: JobRunnerOptions = {}): JobRunner {
  const runner = new JobRunner(deps, instance, options);
  for (const job of PLATFORM_JOBS) runner.register(job);
  return runner;
}
