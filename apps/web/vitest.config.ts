import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/** The web's unit tests (pure modules; the screens are covered by packages/e2e). */
export default defineProject({
  resolve: {
    alias: { '@kaimen/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'web',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
