import { describe, expect, it } from 'vitest';
import {
  COLUMN_ALIASES,
  IMPORT_FIELDS,
  describeHeader,
  fieldForHeader,
  findHeader,
  normalizeHeader,
} from './header.js';
import type { RawRow } from './read-rows.js';

const rows = (...cells: (string | null)[][]): RawRow[] => cells.map((c, i) => ({ rowNumber: i + 1, cells: c }));

describe('column names', () => {
  it('maps every alias to its own field (no alias shadows another)', () => {
    for (const field of IMPORT_FIELDS) {
      for (const alias of COLUMN_ALIASES[field]) expect(fieldForHeader(alias), alias).toBe(field);
    }
  });

  it.each([
    ['统一社会信用代码', 'uscc'],
    [' 统一社会信用代码（必填）* ', 'uscc'],
    ['ＵＳＣＣ', 'uscc'],
    ['Unified Social Credit Code', 'uscc'],
    ['企业名称*', 'name'],
    ['企业 名称', 'name'],
    ['公司名称【全称】', 'name'],
    ['Company name', 'name'],
    ['法人代表', 'legalRepresentative'],
    ['注册资本（万元）', 'registeredCapital'],
    ['注册资本(万元)', 'registeredCapital'],
    ['注册资本/万元', 'registeredCapital'],
    ['注册资金万元', 'registeredCapital'],
    ['成立时间', 'foundedOn'],
    ['注册地址', 'address'],
    ['国民经济行业代码', 'industryCode'],
    ['Business scope', 'businessScope'],
    ['联系人手机', 'contacts.mobile'],
    ['联系人 电话', 'contacts.mobile'],
    ['电子邮箱', 'contacts.email'],
    ['2023年营业收入（万元）', 'figures.revenue'],
    ['营业收入2023', 'figures.revenue'],
    ['2023年度研发费用', 'figures.rndSpend'],
    ['2023年末从业人数', 'figures.employees'],
    ['年末从业人数', 'figures.employees'],
    ['实缴税金（万元）', 'figures.taxPaid'],
    ['年份', 'figures.year'],
  ] as const)('%s → %s', (text, field) => {
    expect(fieldForHeader(text)).toBe(field);
  });

  it.each(['序号', '内部编号', '', '2023', '法定代表人手机'])('%j names no field', (text) => {
    expect(fieldForHeader(text)).toBeUndefined();
  });

  it('reads the year and the unit from a header', () => {
    expect(describeHeader('注册资本（万元）')).toEqual({ key: '注册资本', scale: 10_000 });
    expect(describeHeader('营业收入(亿元)')).toEqual({ key: '营业收入', scale: 100_000_000 });
    expect(describeHeader('纳税额（千元）')).toEqual({ key: '纳税额', scale: 1_000 });
    expect(describeHeader('2023年营业收入（万元）')).toEqual({ key: '营业收入', year: 2023, scale: 10_000 });
    expect(describeHeader('2022年末从业人数')).toEqual({ key: '年末从业人数', year: 2022 });
    expect(describeHeader('注册资本（万美元）')).toEqual({ key: '注册资本', foreignCurrency: true });
    expect(describeHeader('营业收入')).toEqual({ key: '营业收入' });
    expect(normalizeHeader('  Ｅ－ｍａｉｌ ')).toBe('e-mail');
  });
});

describe('findHeader', () => {
  it('passes over a merged title row, blank rows and a form line to the header', () => {
    const found = findHeader(
      rows(
        ['2024年重点企业名录', null, null, null],
        [null, null, null, null],
        ['填报单位：经济科技局', null, '填报日期：2024年3月', null],
        ['序号', '统一社会信用代码', '企业名称', '备用'],
        ['1', '91310115MA1K3BTP2B', '上海生物', null],
      ),
    );
    expect(found).toEqual({
      headerRowNumber: 4,
      headers: ['序号', '统一社会信用代码', '企业名称', '备用'],
      mapping: { 1: 'uscc', 2: 'name' },
      unmapped: ['备用'],
    });
  });

  it('takes the row naming the most fields', () => {
    const found = findHeader(
      rows(['名称', '地址', null], ['统一社会信用代码', '企业名称', '注册地址'], ['x', 'y', 'z']),
    );
    expect(found?.headerRowNumber).toBe(2);
    expect(found?.mapping).toEqual({ 0: 'uscc', 1: 'name', 2: 'address' });
  });

  it('maps English headers', () => {
    const found = findHeader(rows(['USCC', 'Company name', 'Founded on', 'Registered capital', 'Mobile', 'Tags']));
    expect(found?.mapping).toEqual({
      0: 'uscc',
      1: 'name',
      2: 'foundedOn',
      3: 'registeredCapital',
      4: 'contacts.mobile',
      5: 'tags',
    });
  });

  it('keeps every column of a field (later ones fill in when earlier ones are blank)', () => {
    expect(findHeader(rows(['信用代码', '名称', '手机', '联系电话']))?.mapping).toEqual({
      0: 'uscc',
      1: 'name',
      2: 'contacts.mobile',
      3: 'contacts.mobile',
    });
  });

  it('returns null when fewer than two fields are recognised, or the header is below the scanned rows', () => {
    expect(findHeader(rows(['代码', '抬头'], ['x', 'y']))).toBeNull();
    expect(findHeader([])).toBeNull();
    const deep = rows(...Array.from({ length: 25 }, () => [null, null]), ['统一社会信用代码', '企业名称']);
    expect(findHeader(deep)).toBeNull();
    expect(findHeader(deep, { scanRows: 30 })?.headerRowNumber).toBe(26);
  });

  it('takes a manual mapping over the automatic one', () => {
    const found = findHeader(rows(['代码', '抬头', '企业名称', '序号']), {
      headerRowNumber: 1,
      mapping: { 0: 'uscc', 1: 'name', 2: null },
    });
    expect(found).toEqual({
      headerRowNumber: 1,
      headers: ['代码', '抬头', '企业名称', '序号'],
      mapping: { 0: 'uscc', 1: 'name' },
      unmapped: ['企业名称'],
    });
    expect(findHeader(rows(['a', 'b']), { headerRowNumber: 5 })).toBeNull();
  });
});
