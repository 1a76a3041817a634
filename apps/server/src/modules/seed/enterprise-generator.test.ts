import {
  CHAIN_TEMPLATE,
  INDUSTRY_CODES,
  ZEnterpriseInput,
  flattenChain,
  isValidMobile,
  isValidUscc,
  type TEnterpriseInput,
} from '@kaimen/shared';
import { describe, expect, it } from 'vitest';
import { generateEnterprise, generateEnterprises } from './enterprise-generator.js';
import { AREAS } from './generator-vocabulary.js';

const rows = [...generateEnterprises({ seed: 'test', count: 20_000 })];
const share = (test: (text: string) => boolean) =>
  rows.filter((e) => test(e.name) || test(e.businessScope ?? '')).length / rows.length;

describe('enterprise generator', () => {
  it('gives the same rows for the same seed, whatever slice they are generated in', () => {
    expect([...generateEnterprises({ seed: 'test', count: 50 })]).toEqual(rows.slice(0, 50));
    expect([...generateEnterprises({ seed: 'test', start: 12_345, count: 3 })]).toEqual(rows.slice(12_345, 12_348));
    expect(generateEnterprise('test', 7)).toEqual(rows[7]);
    expect(generateEnterprise('other', 7)).not.toEqual(rows[7]);
  });

  it('gives unique codes with valid check characters and known area codes', () => {
    expect(new Set(rows.map((e) => e.uscc)).size).toBe(rows.length);
    const areas = new Set(AREAS.map(([a]) => a.code));
    expect(rows.filter((e) => !isValidUscc(e.uscc) || !areas.has(e.uscc.slice(2, 8))).map((e) => e.uscc)).toEqual([]);
    // Both styles: new codes (MA…) for recent companies, converted organisation codes for older ones.
    expect(rows.some((e) => e.uscc.slice(8, 10) === 'MA')).toBe(true);
    expect(rows.some((e) => /^\d{8}[\dX]$/.test(e.uscc.slice(8, 17)))).toBe(true);
  });

  it('yields input that the shared schema accepts unchanged', () => {
    for (const e of rows.slice(0, 3_000)) {
      const parsed = ZEnterpriseInput.safeParse(e);
      expect(parsed.success ? [] : parsed.error.issues, e.uscc).toEqual([]);
      expect(parsed.data).toEqual(e);
    }
  });

  it('uses shipped industry codes, default chain nodes, valid mobiles and consistent dates', () => {
    const industry = new Set<string>(INDUSTRY_CODES.map((c) => c.code));
    const nodes = new Set(flattenChain(CHAIN_TEMPLATE).map((n) => n.code));
    const problems = (e: TEnterpriseInput): string[] => [
      ...(industry.has(e.industryCode!) ? [] : ['industry code']),
      ...(e.chainNodeCodes ?? []).filter((c) => !nodes.has(c)).map((c) => `chain node ${c}`),
      ...(e.contacts!.length >= 1 && e.contacts!.length <= 2 ? [] : ['contacts']),
      ...e.contacts!.filter((c) => !isValidMobile(c.mobile!)).map((c) => `mobile ${c.mobile}`),
      ...(e.qualifications ?? [])
        .filter((q) => !(q.obtainedOn! > e.foundedOn!) || (q.expiresOn && q.expiresOn < q.obtainedOn!))
        .map((q) => `dates of ${q.code}`),
      ...(e.figures ?? []).filter((f) => f.year < Number(e.foundedOn!.slice(0, 4))).map((f) => `figures ${f.year}`),
    ];
    expect(rows.flatMap((e) => problems(e).map((p) => `${e.uscc}: ${p}`))).toEqual([]);
    expect(rows.filter((e) => (e.chainNodeCodes ?? []).length > 0).length / rows.length).toBeGreaterThan(0.4);
    expect(rows.filter((e) => e.park === '孵化器').length).toBeGreaterThan(0);
  });

  it('spreads search terms from common to rare', () => {
    const has = (term: string) => (text: string) => text.toLowerCase().includes(term.toLowerCase());
    expect(share(has('生物'))).toBeGreaterThan(0.15);
    expect(share(has('技术开发'))).toBeGreaterThan(0.3);
    expect(share(has('CRO'))).toBeGreaterThan(0.03);
    expect(share(has('CDMO'))).toBeGreaterThan(0.02);
    for (const rare of ['疫苗', 'mRNA', '类器官']) {
      expect(share(has(rare)), rare).toBeGreaterThan(0);
      expect(share(has(rare)), rare).toBeLessThan(0.03);
    }
  });
});
