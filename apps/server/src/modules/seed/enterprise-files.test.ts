import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TEnterpriseInput } from '@kaimen/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, summarize, type CheckedRow } from '../enterprises/import/check-rows.js';
import { generateEnterprises } from './enterprise-generator.js';
import { writeEnterpriseCsv, writeEnterpriseXlsx } from './enterprise-files.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaimen-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COUNT = 300;
const options = { seed: 'files', count: COUNT, title: '2024年度园区企业名录' };
const expected = [...generateEnterprises(options)];

/** Blank and empty alike: a cell left empty gives no value, where the generator says null or []. */
const withoutBlanks = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (v === null || (Array.isArray(v) && !v.length) ? undefined : v)),
  );

/** What one spreadsheet row can carry: the first contact only, figures newest first, qualifications without dates. */
function asInFile(e: TEnterpriseInput) {
  return withoutBlanks({
    ...e,
    contacts: e.contacts?.slice(0, 1),
    qualifications: e.qualifications?.map((q) => ({ code: q.code })),
    figures: [...(e.figures ?? [])].sort((a, b) => b.year - a.year),
  });
}

describe.each(['csv', 'xlsx'] as const)('generated %s file', (kind) => {
  it('is read by the importer with the title row skipped and no bad row, giving back the generated values', async () => {
    const file = path.join(dir, `companies.${kind}`);
    await (kind === 'csv' ? writeEnterpriseCsv : writeEnterpriseXlsx)(file, options);
    const { header, rows } = await checkFile(file, kind);
    expect(header?.headerRowNumber).toBe(2);
    expect(header?.unmapped).toEqual([]);
    const valid: CheckedRow[] = [];
    const errors: unknown[] = [];
    const summary = await summarize(
      rows,
      (rowNumber, e) => errors.push({ rowNumber, e }),
      (row) => valid.push(row),
    );
    expect(errors).toEqual([]);
    expect(summary).toEqual({ total: COUNT, valid: COUNT, invalid: 0, skipped: 0 });
    valid.forEach((row, i) => {
      const value = row.result.ok ? row.result.value : null;
      const want = asInFile(expected[i]!);
      expect(withoutBlanks(value)).toEqual(want);
    });
  });
});
