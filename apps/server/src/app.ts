import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { newId } from './lib/ids.js';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { chainRoutes } from './modules/chain/chain.routes.js';
import { departmentsRoutes } from './modules/departments/departments.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { enterpriseExportRoutes } from './modules/enterprises/export/export.routes.js';
import { dictionariesRoutes } from './modules/dictionaries/dictionaries.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { ImportRunner } from './modules/imports/imports.runner.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { myWorkRoutes } from './modules/my-work/my-work.routes.js';
import { leadsExportRoutes } from './modules/leads/leads.export.routes.js';
import { leadsRoutes } from './modules/leads/leads.routes.js';
import { needsRoutes } from './modules/needs/needs.routes.js';
import { visitsRoutes } from './modules/visits/visits.routes.js';
import { holidaysRoutes } from './modules/holidays/holidays.routes.js';
import { leadReportsRoutes } from './modules/lead-reports/lead-reports.routes.js';
import { needReportsRoutes } from './modules/need-reports/need-reports.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { open311Routes } from './modules/open311/open311.routes.js';
import { incubatorRoutes } from './modules/property/incubator.routes.js';
import { leasesRoutes } from './modules/property/leases.routes.js';
import { occupancyRoutes } from './modules/property/occupancy.routes.js';
import { propertyRoutes } from './modules/property/property.routes.js';
import { rentalNoticesRoutes } from './modules/property/rental-notices.routes.js';
import { savedFiltersRoutes } from './modules/saved-filters/saved-filters.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { tenantsRoutes } from './modules/tenants/tenants.routes.js';
import { tripsRoutes } from './modules/trips/trips.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes.js';
import { errorHandlerPlugin } from './plugins/error-handler.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { sessionPlugin } from './plugins/session.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    imports: ImportRunner;
  }
}

/** Where the built web app lives, unless the config says otherwise. */
const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  /** Share one database between app instances (tests, several instances on one PostgreSQL). */
  database?: Database;
  webRoot?: string | null;
  logger?: boolean;
}

/** The app factory: plugins in order — external, then ours, then routes. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: (req) =>
      typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : newId(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const database = options.database ?? Database.open(config.database);
  app.decorate('config', config);
  app.decorate('database', database);
  const imports = new ImportRunner({ database, config }, app.log);
  app.decorate('imports', imports);
  // One hook, so the order is sure: background imports stop (and roll back, and say so) before the database closes.
  app.addHook('onClose', async () => {
    await imports.close();
    if (!options.database) await database.close();
  });

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  await app.register(securityPlugin);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(openapiPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(sessionPlugin);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(departmentsRoutes);
  await app.register(dictionariesRoutes);
  await app.register(settingsRoutes);
  await app.register(auditRoutes);
  await app.register(tenantsRoutes);
  await app.register(attachmentsRoutes);
  await app.register(chainRoutes);
  await app.register(enterprisesRoutes);
  await app.register(importsRoutes);
  await app.register(enterpriseExportRoutes);
  await app.register(leadsRoutes);
  await app.register(leadsExportRoutes);
  await app.register(tripsRoutes);
  await app.register(needsRoutes);
  await app.register(visitsRoutes);
  await app.register(holidaysRoutes);
  await app.register(leadReportsRoutes);
  await app.register(needReportsRoutes);
  await app.register(notificationsRoutes);
  await app.register(myWorkRoutes);
  await app.register(savedFiltersRoutes);
  await app.register(webhooksRoutes);
  await app.register(apiKeysRoutes);
  await app.register(propertyRoutes);
  await app.register(occupancyRoutes);
  await app.register(leasesRoutes);
  await app.register(incubatorRoutes);
  await app.register(rentalNoticesRoutes);
  await app.register(open311Routes, { prefix: '/open311' });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    app.decorate('serveSpa', true);
  }
  return app;
}
