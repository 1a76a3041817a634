import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export const openapiPlugin = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Kaimen (开门) API',
        version: '0.1.0',
        description:
          'Errors are application/problem+json (RFC 9457). Unsafe methods need the X-CSRF-Token header from /api/auth/login or /api/auth/me.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kaimen_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
