import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import {
  ENTERPRISE_FIELD_LABELS,
  ENTERPRISE_ISSUE_CODES,
  ENTERPRISE_ISSUE_MESSAGES,
  ZEnterpriseInput,
  enterpriseIssues,
  normalizeIndustryCode,
  parseCount,
  qualificationCode,
  type TEnterpriseInputRaw,
} from './enterprise.js';
import { INDUSTRY_CODES, INDUSTRY_GROUPS, QUALIFICATIONS } from './dictionaries.js';

const USCC = '91310115MA1K3BTP2B';

function issuesOf(input: unknown) {
  const r = ZEnterpriseInput.safeParse(input);
  if (r.success) throw new Error(`expected a failure, got ${JSON.stringify(r.data)}`);
  return enterpriseIssues(r.error).map((i) => ({ path: i.path.join('.'), code: i.code }));
}

describe('ZEnterpriseInput', () => {
  it('cleans a full record', () => {
    const raw: TEnterpriseInputRaw = {
      uscc: ' ９１３１０１１５ma1k3btp2b ',
      name: '  上海ＡＢＣ  生物科技有限公司\u3000',
      legalRepresentative: '张三',
      registeredCapital: '500万元',
      foundedOn: '2024年3月5日',
      address: '上海市浦东新区张江路１号',
      park: '张江药谷',
      industryCode: 'M7340',
      businessScope: '  生物技术开发、技术咨询；医疗器械销售（依法须经批准的项目）。\r\n第二行  ',
      size: '小型',
      website: 'https://abc.example.cn',
      notes: '',
      formerNames: ['上海ＡＢＣ生物技术有限公司', ' ', '上海ＡＢＣ生物技术有限公司'],
      tags: ['CRO', ' 重点企业 ', 'CRO'],
      qualifications: [
        {
          code: '高新技术企业',
          obtainedOn: '2023/11/20',
          expiresOn: '2026-11-19',
          certificateNo: 'GR２０２３３１００１２３４',
        },
        { code: 'tech_sme' },
      ],
      contacts: [
        { name: '李四', title: '总经理', mobile: '+86 138-1234-1234', email: ' li@abc.example.cn ' },
        { name: '王五', mobile: '', email: null },
      ],
      chainNodeCodes: ['cro_preclinical'],
      figures: [
        { year: 2023, employees: '120人', revenue: '1.2亿', rndSpend: 8_000_000, taxPaid: '300万' },
        { year: '2022年', employees: 80 },
      ],
      assignedOfficerId: null,
    };
    const v = ZEnterpriseInput.parse(raw);
    expect(v).toEqual({
      uscc: USCC,
      name: '上海ABC 生物科技有限公司',
      legalRepresentative: '张三',
      registeredCapital: 5_000_000,
      foundedOn: '2024-03-05',
      address: '上海市浦东新区张江路1号',
      park: '张江药谷',
      industryCode: '7340',
      businessScope: '生物技术开发、技术咨询；医疗器械销售（依法须经批准的项目）。\n第二行',
      size: 'small',
      website: 'https://abc.example.cn',
      notes: null,
      formerNames: ['上海ABC生物技术有限公司'],
      tags: ['CRO', '重点企业'],
      qualifications: [
        { code: 'high_tech', obtainedOn: '2023-11-20', expiresOn: '2026-11-19', certificateNo: 'GR202331001234' },
        { code: 'tech_sme' },
      ],
      contacts: [
        { name: '李四', title: '总经理', mobile: '13812341234', email: 'li@abc.example.cn' },
        { name: '王五', mobile: null, email: null },
      ],
      chainNodeCodes: ['cro_preclinical'],
      figures: [
        { year: 2023, employees: 120, revenue: 120_000_000, rndSpend: 8_000_000, taxPaid: 3_000_000 },
        { year: 2022, employees: 80 },
      ],
      assignedOfficerId: null,
    });
  });

  it('needs only the USCC and the name, and keeps "not given" apart from "cleared"', () => {
    expect(ZEnterpriseInput.parse({ uscc: USCC, name: 'X' })).toEqual({ uscc: USCC, name: 'X' });
    expect(ZEnterpriseInput.parse({ uscc: USCC, name: 'X', park: ' ', registeredCapital: '-', foundedOn: '' })).toEqual(
      {
        uscc: USCC,
        name: 'X',
        park: null,
        registeredCapital: null,
        foundedOn: null,
      },
    );
  });

  it('accepts the DESIGN.md §6 example codes and refuses the invalid ones with uscc-invalid', () => {
    for (const uscc of ['91110000600037341L', '91310115MA1K3BTP2B', '121200004013590816', '91340600MA2PBP2120']) {
      expect(ZEnterpriseInput.parse({ uscc, name: 'X' }).uscc).toBe(uscc);
    }
    for (const uscc of ['91350100M000100Y4Z', '91350203M0001QAY9B']) {
      expect(issuesOf({ uscc, name: 'X' })).toEqual([{ path: 'uscc', code: 'uscc-invalid' }]);
    }
  });

  it('carries params.code on custom issues', () => {
    const r = ZEnterpriseInput.safeParse({ uscc: '91350203M0001QAY9B', name: 'X' });
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.code).toBe('custom');
    expect(issue?.code === 'custom' && issue.params).toEqual({ code: 'uscc-invalid' });
  });

  it('reports missing and blank required fields as required', () => {
    expect(issuesOf({})).toEqual([
      { path: 'uscc', code: 'required' },
      { path: 'name', code: 'required' },
    ]);
    expect(issuesOf({ uscc: '  ', name: '\u3000' })).toEqual([
      { path: 'uscc', code: 'required' },
      { path: 'name', code: 'required' },
    ]);
    expect(issuesOf({ uscc: USCC, name: 'X', contacts: [{ mobile: '13812341234' }] })).toEqual([
      { path: 'contacts.0.name', code: 'required' },
    ]);
    expect(issuesOf({ uscc: 123, name: 'X' })).toEqual([{ path: 'uscc', code: 'invalid' }]);
  });

  it('gives each refusal its code and path', () => {
    expect(
      issuesOf({
        uscc: USCC,
        name: '名'.repeat(201),
        registeredCapital: '100万美元',
        foundedOn: '2024-02-30',
        industryCode: '6513',
        businessScope: 'x'.repeat(4001),
        size: 'huge',
        tags: ['t'.repeat(31)],
        qualifications: [
          { code: '高企' },
          { code: '高新技术企业' },
          { code: '瞪羚企业' },
          { code: 'tech_sme', obtainedOn: '2024-01-01', expiresOn: '2023-01-01' },
        ],
        contacts: [{ name: 'A', mobile: '0571-88888888', email: 'not-an-email' }],
        figures: [{ year: 1980, revenue: 'abc', employees: '-3' }, { year: 2023, rndSpend: '-5' }, { year: 2023 }],
      }),
    ).toEqual([
      { path: 'name', code: 'too-long' },
      { path: 'registeredCapital', code: 'amount-currency' },
      { path: 'foundedOn', code: 'date-invalid' },
      { path: 'industryCode', code: 'industry-code-unknown' },
      { path: 'businessScope', code: 'too-long' },
      { path: 'size', code: 'size-invalid' },
      { path: 'tags.0', code: 'too-long' },
      { path: 'qualifications.2.code', code: 'qualification-unknown' },
      { path: 'qualifications.3.expiresOn', code: 'date-order' },
      { path: 'contacts.0.mobile', code: 'mobile-invalid' },
      { path: 'contacts.0.email', code: 'email-invalid' },
      { path: 'figures.0.year', code: 'year-invalid' },
      { path: 'figures.0.employees', code: 'count-invalid' },
      { path: 'figures.0.revenue', code: 'amount-invalid' },
      { path: 'figures.1.rndSpend', code: 'amount-invalid' },
    ]);
  });

  it('refuses duplicates that survive cleaning in lists keyed by code or year', () => {
    expect(issuesOf({ uscc: USCC, name: 'X', qualifications: [{ code: '高企' }, { code: '高新技术企业' }] })).toEqual([
      { path: 'qualifications.1.code', code: 'qualification-duplicate' },
    ]);
    expect(issuesOf({ uscc: USCC, name: 'X', figures: [{ year: 2023 }, { year: '2023年' }] })).toEqual([
      { path: 'figures.1.year', code: 'figure-year-duplicate' },
    ]);
  });

  it('limits tags to 30 of at most 30 characters', () => {
    const tags = Array.from({ length: 31 }, (_, i) => `t${i}`);
    expect(issuesOf({ uscc: USCC, name: 'X', tags })).toEqual([{ path: 'tags', code: 'too-many' }]);
    // Duplicates are dropped before counting.
    expect(ZEnterpriseInput.parse({ uscc: USCC, name: 'X', tags: [...tags.slice(0, 30), 't0'] }).tags).toHaveLength(30);
  });

  it('accepts every industry code and group code, with or without section letter or name', () => {
    for (const { code } of [...INDUSTRY_CODES, ...INDUSTRY_GROUPS]) {
      expect(ZEnterpriseInput.parse({ uscc: USCC, name: 'X', industryCode: code }).industryCode).toBe(code);
    }
    expect(normalizeIndustryCode('７５１２ 生物技术推广服务')).toBe('7512');
    expect(normalizeIndustryCode('M7512')).toBe('7512');
    expect(normalizeIndustryCode('C27')).toBe('27');
    expect(normalizeIndustryCode('生物药品制造')).toBe('2761');
    expect(normalizeIndustryCode('73401')).toBe('73401');
  });

  it('maps qualification labels and aliases to codes', () => {
    for (const q of QUALIFICATIONS) {
      expect(qualificationCode(q.code)).toBe(q.code);
      expect(qualificationCode(q.zh)).toBe(q.code);
      expect(qualificationCode(q.en)).toBe(q.code);
    }
    expect(qualificationCode('国家高新技术企业')).toBe('high_tech');
    expect(qualificationCode('专精特新“小巨人”')).toBe('specialized');
    expect(qualificationCode('规模以上')).toBe('above_scale');
    expect(qualificationCode('瞪羚企业')).toBeUndefined();
  });

  it('reads head counts', () => {
    expect(parseCount('1,200人')).toBe(1200);
    expect(parseCount(35)).toBe(35);
    expect(parseCount('35.0')).toBe(35);
    expect(parseCount('-')).toBeNull();
    expect(parseCount('3.5')).toBe('invalid');
    expect(parseCount(-1)).toBe('invalid');
  });

  it('is representable as JSON Schema for the API documentation', () => {
    expect(() => z.toJSONSchema(ZEnterpriseInput, { io: 'input' })).not.toThrow();
  });

  it('has bilingual labels and messages', () => {
    for (const code of ENTERPRISE_ISSUE_CODES) {
      expect(ENTERPRISE_ISSUE_MESSAGES[code].zh).toBeTruthy();
      expect(ENTERPRISE_ISSUE_MESSAGES[code].en).toBeTruthy();
    }
    for (const key of Object.keys(ZEnterpriseInput.shape)) {
      expect(ENTERPRISE_FIELD_LABELS).toHaveProperty([key]);
    }
  });
});
