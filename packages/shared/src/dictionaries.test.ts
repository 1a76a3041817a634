import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  BIOTECH_PARKS,
  CHAIN_TEMPLATE,
  DEPARTMENTS,
  DICTIONARIES,
  DICTIONARY_NAMES,
  INDUSTRY_CODES,
  INDUSTRY_GROUPS,
  LEAD_PIPELINE_STAGES,
  LEAD_SIDE_STAGES,
  LEAD_STAGES,
  NEED_CATEGORIES,
  TENANT_EDITABLE_DICTIONARIES,
  codesOf,
  findEntry,
  flattenChain,
  industryAncestors,
  isCode,
  isTenantEditable,
  label,
  type ChainNodeCode,
  type LeadStage,
} from './dictionaries.js';

const source = fileURLToPath(new URL('../../../../shared/data/dictionaries.json', import.meta.url));

describe('dictionaries', () => {
  const sourceTest = existsSync(source) ? it : it.skip;
  const sourceTitle = existsSync(source) ? '' : ' (skipped: shared/data/dictionaries.json is absent)';
  sourceTest(`equal the shared data file${sourceTitle}`, () => {
    const json = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
    const data = Object.fromEntries(Object.entries(json).filter(([k]) => !k.startsWith('_')));
    expect({ ...DICTIONARIES, chainTemplate: CHAIN_TEMPLATE, biotechParks: BIOTECH_PARKS }).toEqual(data);
  });

  it('name every list once', () => {
    expect(Object.keys(DICTIONARIES)).toEqual([...DICTIONARY_NAMES]);
    for (const name of DICTIONARY_NAMES) {
      const codes = codesOf(DICTIONARIES[name]);
      expect(new Set(codes).size, name).toBe(codes.length);
      for (const e of DICTIONARIES[name]) expect(e.zh, `${name}.${e.code}`).not.toBe('');
    }
  });

  it('mark departments and need categories as tenant-editable', () => {
    expect([...TENANT_EDITABLE_DICTIONARIES].sort()).toEqual(['departments', 'needCategories']);
    expect(isTenantEditable('departments')).toBe(true);
    expect(isTenantEditable('leadStages')).toBe(false);
  });

  it('route every need category to a default department', () => {
    for (const c of NEED_CATEGORIES) {
      expect(isCode(DEPARTMENTS, c.defaultDepartment), c.code).toBe(true);
      expect(c.slaWorkingDays).toBeGreaterThan(0);
    }
  });

  it('split lead stages into the ordered pipeline and side states', () => {
    const ordered = [...LEAD_STAGES]
      .filter((s) => !('side' in s))
      .sort((a, b) => ('order' in a ? a.order : 0) - ('order' in b ? b.order : 0))
      .map((s) => s.code);
    expect(ordered).toEqual([...LEAD_PIPELINE_STAGES]);
    expect(LEAD_STAGES.filter((s) => 'side' in s).map((s) => s.code)).toEqual([...LEAD_SIDE_STAGES]);
  });

  it('label in both locales, falling back to Chinese', () => {
    const signed = findEntry(LEAD_STAGES, 'signed');
    expect(signed && label(signed, 'zh-CN')).toBe('签约');
    expect(signed && label(signed, 'en')).toBe('Signed');
    const biotech = findEntry(INDUSTRY_CODES, '7512');
    expect(biotech && label(biotech, 'en')).toBe('生物技术推广服务');
    expect(findEntry(LEAD_STAGES, 'nope')).toBeUndefined();
  });

  it('narrow codes with isCode', () => {
    const v: unknown = 'lost';
    if (isCode(LEAD_STAGES, v)) {
      const stage: LeadStage = v;
      expect(stage).toBe('lost');
    } else expect.unreachable();
    expect(isCode(LEAD_STAGES, 42)).toBe(false);
  });

  it('place industry codes under their known groups', () => {
    expect(industryAncestors('7512')).toEqual(['75', '751']);
    expect(industryAncestors('7540')).toEqual(['75']);
    expect(industryAncestors('8492')).toEqual(['84', '849']);
    expect(industryAncestors('3581')).toEqual([]);
    for (const c of INDUSTRY_CODES) expect(industryAncestors(c.code).length, c.code).toBeGreaterThan(0);
    expect(INDUSTRY_GROUPS.every((g) => g.code.length < 4)).toBe(true);
  });

  it('flatten the chain template with segments, parents and known industry codes', () => {
    const nodes = flattenChain(CHAIN_TEMPLATE);
    const child: ChainNodeCode = 'cro_clinical'; // compile-time: children are in the code union
    expect(nodes.map((n) => n.code)).toContain(child);
    expect(nodes).toHaveLength(16);
    expect(nodes.find((n) => n.code === 'cro_clinical')).toMatchObject({ segment: 'midstream', parent: 'cro' });
    expect(nodes.find((n) => n.code === 'reagents')).toMatchObject({
      segment: 'upstream',
      parent: null,
      industryCodes: [],
    });
    for (const n of nodes)
      for (const c of n.industryCodes) expect(isCode(INDUSTRY_CODES, c), `${n.code}: ${c}`).toBe(true);
  });
});
