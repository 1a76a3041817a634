import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running `entry` (a path relative to `from`, the caller's import.meta.url, without extension). The
 * built server runs the entry's JavaScript. Sources run as TypeScript (tests, `tsx`) start it through tsx's loader,
 * registered inside the worker: loaders of this thread do not reach worker threads.
 */
export function startWorker(from: string, entry: string, options: WorkerOptions): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, from), options);
  // The eval'd worker registers tsx's ESM loader (tsx/esm/api, its ESM build) before importing its entry.
  const api = pathToFileURL(
    createRequire(from)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const url = new URL(`${entry}.ts`, from).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
