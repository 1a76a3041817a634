/**
 * Generated company files for import benchmarks: the server's csv and xlsx writers (apps/server/src/modules/seed/
 * enterprise-files.ts) over the deterministic generator, so an import benchmark reads the same rows every run.
 */
import path from 'node:path';
import { writeEnterpriseCsv, writeEnterpriseXlsx } from '../apps/server/src/modules/seed/enterprise-files.js';

export {
  ENTERPRISE_FILE_COLUMNS,
  writeEnterpriseCsv,
  writeEnterpriseXlsx,
  type FileOptions,
} from '../apps/server/src/modules/seed/enterprise-files.js';
export { generateEnterprise, generateEnterprises } from '../apps/server/src/modules/seed/enterprise-generator.js';

export interface GeneratedFiles {
  csv: string;
  xlsx: string;
  rows: number;
}

/**
 * `rows` companies of `seed` as `companies-<rows>.csv` and `.xlsx` in `dir` (the kinds asked for), under a title row
 * like offices' sheets.
 */
export async function writeEnterpriseFiles(
  dir: string,
  rows: number,
  kinds: readonly ('csv' | 'xlsx')[] = ['csv', 'xlsx'],
  seed = 'bench',
): Promise<GeneratedFiles> {
  const options = { seed, count: rows, title: '园区企业名录（基准测试生成）' };
  const csv = path.join(dir, `companies-${rows}.csv`);
  const xlsx = path.join(dir, `companies-${rows}.xlsx`);
  if (kinds.includes('csv')) await writeEnterpriseCsv(csv, options);
  if (kinds.includes('xlsx')) await writeEnterpriseXlsx(xlsx, options);
  return { csv, xlsx, rows };
}
