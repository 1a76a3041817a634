import type { Qualification } from '@kaimen/shared';
import type { RowRandom } from './generator-random.js';
import type { Sector } from './generator-sectors.js';

export type GeneratedSize = 'micro' | 'small' | 'medium' | 'large';

export interface GeneratedQualification {
  code: Qualification;
  obtainedOn: string | null;
  expiresOn: string | null;
  certificateNo: string | null;
}

interface Facts {
  sector: Sector;
  size: GeneratedSize;
  park: string | null;
  foundedYear: number;
  areaCode: string;
}

/** The last year a qualification is granted in: fixed, like the generator's other dates. */
const LAST_YEAR = 2025;
const pad2 = (n: number) => String(n).padStart(2, '0');
const digits = (r: RowRandom, n: number) => String(r.int(0, 10 ** n - 1)).padStart(n, '0');

/**
 * The qualifications of DESIGN.md §3 as offices record them: 高新技术企业 and 专精特新 for three years with a
 * certificate number, 科技型中小企业 for the year of its listing, 孵化企业 for incubator tenants, 规上企业 for the larger
 * companies; never granted before the company was founded.
 */
export function generatedQualifications(r: RowRandom, f: Facts): GeneratedQualification[] {
  const out: GeneratedQualification[] = [];
  const grant = (code: Qualification, from: number, years: number | null, certificateNo: string | null = null) => {
    const first = Math.max(from, f.foundedYear + 1);
    if (first > LAST_YEAR) return;
    const y = r.int(first, LAST_YEAR);
    const md = `${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`;
    out.push({
      code,
      obtainedOn: `${y}-${md}`,
      expiresOn: years === null ? null : years === 0 ? `${y}-12-31` : `${y + years}-${md}`,
      certificateNo: certificateNo?.replace('YYYY', String(y)) ?? null,
    });
  };
  const tech = f.sector.techShare;
  if (f.size !== 'micro' && r.chance(tech * 0.8)) {
    grant('high_tech', 2016, 3, `GRYYYY${f.areaCode.slice(0, 2)}${digits(r, 6)}`);
  }
  if (f.size !== 'micro' && r.chance(0.03 + tech * 0.1)) grant('specialized', 2019, 3);
  if (f.size !== 'large' && r.chance(tech)) grant('tech_sme', 2022, 0, `YYYY${f.areaCode}${digits(r, 5)}`);
  if (r.chance(f.park === '孵化器' ? 0.85 : 0.01)) grant('incubatee', 2010, null);
  if ((f.size === 'medium' && r.chance(0.6)) || (f.size === 'large' && r.chance(0.9))) grant('above_scale', 2012, null);
  return out;
}
