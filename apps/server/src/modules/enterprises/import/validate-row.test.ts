import { describe, expect, it } from 'vitest';
import { usccCheckDigit } from '@kaimen/shared';
import { InFileDuplicates, markDuplicate } from './dedupe.js';
import { findHeader, type HeaderMatch } from './header.js';
import type { Cell } from './read-rows.js';
import { fieldLabel, planColumns, toEnterpriseInput, type RowResult } from './validate-row.js';

const U1 = '91310115MA1K3BTP2B';
const U2 = '91110000600037341L';

function header(...names: string[]): HeaderMatch {
  const h = findHeader([{ rowNumber: 1, cells: names }], { headerRowNumber: 1 });
  if (!h) throw new Error('no header');
  return h;
}

function ok(result: RowResult) {
  if (!result.ok) throw new Error(`not ok: ${JSON.stringify(result)}`);
  return result.value;
}
function errorsOf(result: RowResult) {
  if (result.ok) throw new Error(`ok: ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => [e.column, e.field, e.reason]);
}

describe('toEnterpriseInput', () => {
  it('scales bare numbers in a 万元 column, honours units written in the cell', () => {
    const h = header('统一社会信用代码', '企业名称', '注册资本（万元）', '营业收入（亿元）', '纳税额', '年份');
    const row = (capital: Cell, revenue: Cell, tax: Cell) =>
      ok(toEnterpriseInput([U1, 'A', capital, revenue, tax, 2023], h));
    expect(row(500, 1.5, 1000)).toMatchObject({
      registeredCapital: 5_000_000,
      figures: [{ year: 2023, revenue: 150_000_000, taxPaid: 1000 }],
    });
    expect(row('500', '1.5', '1,000')).toMatchObject({
      registeredCapital: 5_000_000,
      figures: [{ revenue: 150_000_000, taxPaid: 1000 }],
    });
    expect(row('5000元', '3000万', '2万元')).toMatchObject({
      registeredCapital: 5000,
      figures: [{ revenue: 30_000_000, taxPaid: 20_000 }],
    });
    expect(row('-', null, '—')).toEqual({ uscc: U1, name: 'A', registeredCapital: null });
  });

  it('reports unreadable amounts, foreign currencies and negative amounts at their column', () => {
    const h = header('统一社会信用代码', '企业名称', '注册资本（万美元）', '营业收入', '研发投入', '年份');
    expect(errorsOf(toEnterpriseInput([U1, 'A', 100, '很多', '-5', 2023], h))).toEqual([
      ['注册资本（万美元）', 'registeredCapital', 'amount-currency'],
      ['营业收入', 'figures.revenue', 'amount-invalid'],
      ['研发投入', 'figures.rndSpend', 'amount-invalid'],
    ]);
  });

  it('splits cells holding several values on 、，,;；/ and drops repeats', () => {
    const h = header('统一社会信用代码', '企业名称', '标签', '曾用名', '资质', '产业链环节');
    const v = ok(
      toEnterpriseInput(
        [
          U1,
          'A',
          'CRO、CDMO，疫苗,mRNA;基因；细胞/抗体',
          '甲公司；乙公司',
          '高企、高新技术企业，专精特新/规上',
          'cro, cdmo',
        ],
        h,
      ),
    );
    expect(v.tags).toEqual(['CRO', 'CDMO', '疫苗', 'mRNA', '基因', '细胞', '抗体']);
    expect(v.formerNames).toEqual(['甲公司', '乙公司']);
    expect(v.qualifications).toEqual([{ code: 'high_tech' }, { code: 'specialized' }, { code: 'above_scale' }]);
    expect(v.chainNodeCodes).toEqual(['cro', 'cdmo']);
  });

  it('names the column of the bad item in a list', () => {
    const h = header('统一社会信用代码', '企业名称', '企业资质', '标签');
    expect(errorsOf(toEnterpriseInput([U1, 'A', '高企、瞪羚', `ok、${'长'.repeat(31)}`], h))).toEqual([
      ['标签', 'tags', 'too-long'],
      ['企业资质', 'qualifications.code', 'qualification-unknown'],
    ]);
  });

  it('builds yearly figures from a year column, years in headers, or the default year', () => {
    const h = header(
      '统一社会信用代码',
      '企业名称',
      '2023年营业收入（万元）',
      '2022年营业收入（万元）',
      '2023年末从业人数',
      '研发费用',
    );
    expect(ok(toEnterpriseInput([U1, 'A', 100, 80, '35人', 5], h, { figuresYear: 2023 })).figures).toEqual([
      { year: 2023, revenue: 1_000_000, employees: 35, rndSpend: 5 },
      { year: 2022, revenue: 800_000 },
    ]);
    // 研发费用 names no year, and there is no year column or default.
    expect(errorsOf(toEnterpriseInput([U1, 'A', 100, 80, 35, 5], h))).toEqual([
      ['研发费用', 'figures.rndSpend', 'figure-year-missing'],
    ]);

    const byColumn = header('统一社会信用代码', '企业名称', '年份', '从业人数', '营收');
    expect(ok(toEnterpriseInput([U1, 'A', '2023年', 12, '300万'], byColumn)).figures).toEqual([
      { year: 2023, employees: 12, revenue: 3_000_000 },
    ]);
    expect(errorsOf(toEnterpriseInput([U1, 'A', '去年', 12, 1], byColumn))).toEqual([
      ['年份', 'figures.year', 'year-invalid'],
      ['从业人数', 'figures.employees', 'figure-year-missing'],
      ['营收', 'figures.revenue', 'figure-year-missing'],
    ]);
    expect(errorsOf(toEnterpriseInput([U1, 'A', 2023, '十二', 1], byColumn))).toEqual([
      ['从业人数', 'figures.employees', 'count-invalid'],
    ]);
  });

  it('makes one contact of the contact columns, taking the legal representative when no name is given', () => {
    const h = header('统一社会信用代码', '企业名称', '法定代表人', '联系人', '职务', '手机', '联系电话', '邮箱');
    expect(
      ok(toEnterpriseInput([U1, 'A', '张三', '李四', '经理', null, '13812345678', 'LI@X.CN '], h)).contacts,
    ).toEqual([{ name: '李四', title: '经理', mobile: '13812345678', email: 'LI@X.CN' }]);
    expect(ok(toEnterpriseInput([U1, 'A', '张三', null, null, '139 1234 5678'], h)).contacts).toEqual([
      { name: '张三', mobile: '13912345678' },
    ]);
    expect(errorsOf(toEnterpriseInput([U1, 'A', null, null, null, '13912345678'], h))).toEqual([
      ['联系人', 'contacts.name', 'required'],
    ]);
    const noNameColumn = header('统一社会信用代码', '企业名称', '手机');
    expect(errorsOf(toEnterpriseInput([U1, 'A', '0571-88888888'], noNameColumn))).toEqual([
      ['手机', 'contacts.name', 'required'],
      ['手机', 'contacts.mobile', 'mobile-invalid'],
    ]);
  });

  it('reads text, numbers and dates in any column, and an industry code by its name', () => {
    const h = header('统一社会信用代码', '企业名称', '成立日期', '行业', '企业规模', '地址');
    expect(
      ok(toEnterpriseInput([U1, '  Ａ公司 ', new Date(Date.UTC(2020, 0, 2)), '生物技术推广服务', '中型企业', 101], h)),
    ).toEqual({
      uscc: U1,
      name: 'A公司',
      foundedOn: '2020-01-02',
      industryCode: '7512',
      size: 'medium',
      address: '101',
    });
    // A code stored as a number in Excel has lost its last digits.
    expect(errorsOf(toEnterpriseInput([121200004013590816, 'A'], h))).toEqual([
      ['统一社会信用代码', 'uscc', 'uscc-invalid'],
    ]);
    expect(errorsOf(toEnterpriseInput([U1, 'A', 'soon', '软件开发', 'huge'], h))).toEqual([
      ['成立日期', 'foundedOn', 'date-invalid'],
      ['行业', 'industryCode', 'industry-code-unknown'],
      ['企业规模', 'size', 'size-invalid'],
    ]);
  });

  it('skips blank rows, rows with nothing in a mapped column, and repeated header rows', () => {
    const h = header('序号', '统一社会信用代码', '企业名称', '备注');
    expect(toEnterpriseInput([], h)).toEqual({ ok: false, skipped: 'blank', errors: [] });
    expect(toEnterpriseInput([null, ' ', '\u3000'], h)).toEqual({ ok: false, skipped: 'blank', errors: [] });
    expect(toEnterpriseInput(['17'], h)).toEqual({ ok: false, skipped: 'blank', errors: [] });
    expect(toEnterpriseInput(['序号', '统一社会信用代码', '企业名称', '备注', null], h)).toEqual({
      ok: false,
      skipped: 'header',
      errors: [],
    });
  });

  it('fills blanks from the defaults and adds default tags and chain nodes', () => {
    const h = header('统一社会信用代码', '企业名称', '所属园区', '标签');
    const defaults = {
      park: '张江药谷',
      tags: ['2024名录'],
      chainNodeCodes: ['cro'],
      assignedOfficerId: 'u1',
      size: 'small',
    };
    expect(ok(toEnterpriseInput([U1, 'A', null, '重点'], h, defaults))).toEqual({
      uscc: U1,
      name: 'A',
      park: '张江药谷',
      size: 'small',
      tags: ['重点', '2024名录'],
      chainNodeCodes: ['cro'],
      assignedOfficerId: 'u1',
    });
    expect(ok(toEnterpriseInput([U1, 'A', '外高桥', null], h, defaults)).park).toBe('外高桥');
  });

  it('gives each error its field label and both messages, and accepts a prepared plan', () => {
    const h = header('统一社会信用代码', '企业名称');
    const plan = planColumns(h);
    expect(planColumns(h)).toBe(plan);
    const r = toEnterpriseInput(['91350203M0001QAY9B', ''], plan);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      {
        column: '统一社会信用代码',
        columnIndex: 0,
        field: 'uscc',
        reason: 'uscc-invalid',
        message: {
          zh: '统一社会信用代码无效（长度、字符或校验位错误）',
          en: 'Invalid unified social credit code (length, characters or check digit)',
        },
      },
      {
        column: '企业名称',
        columnIndex: 1,
        field: 'name',
        reason: 'required',
        message: { zh: '必填项为空', en: 'Required' },
      },
    ]);
    expect(fieldLabel('contacts.mobile')).toEqual({ zh: '手机号码', en: 'Mobile number' });
  });
});

describe('in-file duplicates', () => {
  it('remembers the first row of each code', () => {
    const seen = new InFileDuplicates();
    expect(seen.see(U1, 4)).toBeUndefined();
    expect(seen.see(U2, 5)).toBeUndefined();
    expect(seen.see(U1, 9)).toBe(4);
    expect(seen.see(U1, 12)).toBe(4);
    expect(seen.size).toBe(2);
  });

  it('marks later rows, counting a first row that is bad for another reason', () => {
    const h = header('统一社会信用代码', '企业名称');
    const plan = planColumns(h);
    const column = { header: '统一社会信用代码', index: 0 };
    const seen = new InFileDuplicates();
    const check = (cells: Cell[], n: number) => markDuplicate(toEnterpriseInput(cells, plan), n, seen, column);
    expect(check([U1, null], 2).ok).toBe(false); // missing name, code valid
    expect(errorsOf(check([` ${U1.toLowerCase()}`, 'B'], 3))).toEqual([
      ['统一社会信用代码', 'uscc', 'duplicate-in-file'],
    ]);
    expect(errorsOf(check([U1, null], 4))).toEqual([
      ['企业名称', 'name', 'required'],
      ['统一社会信用代码', 'uscc', 'duplicate-in-file'],
    ]);
    expect(check([U2, 'C'], 5).ok).toBe(true);
    // Bad codes and blank rows are not counted.
    const bad = `${U2.slice(0, 17)}${usccCheckDigit(U2.slice(0, 17)) === '0' ? '1' : '0'}`;
    expect(errorsOf(check([bad, 'D'], 6))).toEqual([['统一社会信用代码', 'uscc', 'uscc-invalid']]);
    expect(errorsOf(check([bad, 'D'], 7))).toEqual([['统一社会信用代码', 'uscc', 'uscc-invalid']]);
    expect(check([null, null], 8)).toEqual({ ok: false, skipped: 'blank', errors: [] });
    const dup = check([U2, 'E'], 9);
    expect(!dup.ok && dup.errors[0]).toMatchObject({
      firstRowNumber: 5,
      message: { zh: '与第 5 行的统一社会信用代码重复', en: 'Same USCC as row 5' },
    });
  });
});
