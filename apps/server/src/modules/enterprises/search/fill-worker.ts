/**
 * Worker-thread entry of ftsTextsFor (fill-texts.ts): turns each batch of companies it is sent into their FTS5
 * texts and sends them back, in order.
 */
import { parentPort } from 'node:worker_threads';
import { ftsTextsOf, type FillText } from './fts-text.js';

const port = parentPort!;
port.on('message', (rows: FillText[]) => port.postMessage(ftsTextsOf(rows)));
