import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHAIN_TEMPLATE, flattenChain } from '@kaimen/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEnterpriseCsv } from '../../seed/enterprise-files.js';
import { checkInWorker, ImportFileError, ImportMemoryError, type CheckJob } from './check-in-worker.js';
import { chainCodeOf, resolveChainNodes } from './chain-codes.js';
import { checkFile, type CheckedRow } from './check-rows.js';
import { MESSY_EXPECTED_BAD, writeMessyXlsx } from './messy-file.fixtures.js';

const CHAIN = flattenChain(CHAIN_TEMPLATE).map((n) => ({ code: n.code, nameZh: n.zh, nameEn: n.en }));

let dir: string;
const files = { messy: '', large: '', broken: '' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-check-worker-'));
  files.messy = path.join(dir, 'messy.xlsx');
  await writeMessyXlsx(files.messy);
  files.large = path.join(dir, 'large.csv');
  await writeEnterpriseCsv(files.large, { seed: 'worker', count: 2500 });
  files.broken = path.join(dir, 'broken.xlsx');
  fs.writeFileSync(files.broken, fs.readFileSync(files.messy).subarray(0, 600));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const job = (file: string, o: Partial<CheckJob> = {}): CheckJob => ({
  file,
  fileKind: file.endsWith('.csv') ? 'csv' : 'xlsx',
  options: {},
  batch: 1000,
  goodRowCells: true,
  chainNodes: CHAIN,
  ...o,
});

/** Every batch of a worker's check, and the file's bytes as each batch reported them. */
async function drain(j: CheckJob) {
  const checked = await checkInWorker(j);
  const rows: CheckedRow[] = [];
  const sizes: number[] = [];
  const bytes: number[] = [];
  try {
    for await (const b of checked.batches) {
      rows.push(...b.rows);
      sizes.push(b.rows.length);
      bytes.push(b.bytes);
    }
  } finally {
    await checked.close();
  }
  return { header: checked.header, rows, sizes, bytes };
}

async function inThisThread(file: string, kind: 'csv' | 'xlsx') {
  const checked = await checkFile(file, kind);
  const codeOf = chainCodeOf(CHAIN);
  const rows: CheckedRow[] = [];
  for await (const r of checked.rows) rows.push(resolveChainNodes(r, codeOf, checked.header!));
  return { header: checked.header, rows };
}

describe('checkInWorker: an import checked in a worker thread', () => {
  it('gives the header and every checked row exactly as checking in this thread does (messy xlsx)', async () => {
    const here = await inThisThread(files.messy, 'xlsx');
    const there = await drain(job(files.messy));
    expect(there.header).toEqual(here.header);
    expect(there.rows).toEqual(here.rows);
    // The bad rows and their reasons, as the messy-file tests expect them.
    const bad = there.rows.filter((r) => !r.result.ok && !r.result.skipped);
    expect(bad.map((r) => r.rowNumber)).toEqual(MESSY_EXPECTED_BAD.map((b) => b.rowNumber));
  });

  it('gives chain nodes as codes, and makes a row naming a node the tenant lacks a bad row with its cells', async () => {
    const named = await drain(job(files.large, { goodRowCells: false }));
    const withNodes = named.rows.filter((r) => r.result.ok && r.result.value.chainNodeCodes?.length);
    expect(withNodes.length).toBeGreaterThan(1000);
    const codes = new Set(CHAIN.map((n) => n.code));
    expect(withNodes.every((r) => r.result.ok && r.result.value.chainNodeCodes!.every((c) => codes.has(c)))).toBe(true);

    const none = await drain(job(files.large, { goodRowCells: false, chainNodes: [] }));
    const unknown = none.rows.filter((r) => !r.result.ok && r.result.errors[0]?.reason === 'chain-node-unknown');
    expect(unknown.map((r) => r.rowNumber)).toEqual(withNodes.map((r) => r.rowNumber));
    expect(
      unknown.every((r) => r.cells.length > 0 && !r.result.ok && r.result.errors[0]!.column === '产业链环节'),
    ).toBe(true);
  });

  it('sends rows a batch at a time, in order, with the bytes read growing to the whole file', async () => {
    const there = await drain(job(files.large));
    expect(there.sizes).toEqual([1000, 1000, 500]);
    expect(there.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
    expect(there.bytes[2]).toBe(fs.statSync(files.large).size);
    expect(there.bytes[0]).toBeLessThanOrEqual(there.bytes[1]!);
  });

  it("leaves good rows' cells out unless asked, and keeps bad rows' cells for the report", async () => {
    const there = await drain(job(files.messy, { goodRowCells: false }));
    const good = there.rows.filter((r) => r.result.ok);
    const bad = there.rows.filter((r) => !r.result.ok && !r.result.skipped);
    expect(good.length).toBeGreaterThan(0);
    expect(good.every((r) => r.cells.length === 0)).toBe(true);
    expect(bad.every((r) => r.cells.length > 0)).toBe(true);
  });

  it('takes the header row and mapping it is given', async () => {
    const here = await checkFile(files.large, 'csv', { headerRowNumber: 3, mapping: { 0: 'uscc', 1: 'name' } });
    await here.rows.return(undefined);
    const there = await drain(job(files.large, { options: { headerRowNumber: 3, mapping: { 0: 'uscc', 1: 'name' } } }));
    expect(there.header).toEqual(here.header);
    expect(there.header?.headerRowNumber).toBe(3);
    expect(there.rows[0]?.rowNumber).toBe(4);
  });

  it('fails with ImportFileError for a file that cannot be read', async () => {
    await expect(drain(job(files.broken))).rejects.toBeInstanceOf(ImportFileError);
    await expect(drain(job(path.join(dir, 'gone.csv')))).rejects.toBeInstanceOf(ImportFileError);
  });

  it('fails with ImportMemoryError when checking needs more memory than its cap', async () => {
    await expect(drain(job(files.large, { heapMb: 2 }))).rejects.toBeInstanceOf(ImportMemoryError);
  });

  it('can be given up after the first batch: close ends the worker', async () => {
    const checked = await checkInWorker(job(files.large));
    const first = await checked.batches.next();
    expect(first.done).toBe(false);
    await checked.close();
    await expect(checked.batches.next()).rejects.toThrow(/stopped/);
  });
});
