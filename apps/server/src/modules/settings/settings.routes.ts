import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsPolicy } from './settings.policy.js';
import {
  getSecuritySettings,
  updateSecuritySettings,
  ZSecuritySettings,
  ZUpdateSecuritySettingsRequest,
} from './settings.service.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = { database: app.database, config: app.config };
  const tags = ['settings'];
  app.get(
    '/api/settings/security',
    {
      schema: { tags, summary: 'Which roles must use TOTP', response: { 200: ZSecuritySettings } },
      preHandler: app.authorize(settingsPolicy, 'read'),
    },
    async (req) => getSecuritySettings(app.database.db, req.actor()),
  );
  app.put(
    '/api/settings/security',
    {
      schema: {
        tags,
        summary: 'Set which roles must use TOTP',
        body: ZUpdateSecuritySettingsRequest,
        response: { 200: ZSecuritySettings },
      },
      preHandler: app.authorize(settingsPolicy, 'update'),
    },
    async (req) => updateSecuritySettings(deps, req.ctx, req.body),
  );
};
