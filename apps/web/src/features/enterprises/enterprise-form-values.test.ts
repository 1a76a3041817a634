import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toBody, toFormValues, type BodyOptions, type EnterpriseFormValues } from './enterprise-form-values';
import type { EnterpriseDetail } from './enterprise-types';
import { validateEnterprise } from './enterprise-validation';

const CREATE: BodyOptions = { clearWith: undefined, includeContacts: true, assignedOfficerId: undefined };
const EDIT: BodyOptions = { clearWith: null, includeContacts: true, assignedOfficerId: undefined };

const VALID: EnterpriseFormValues = {
  uscc: ' 91340600ma2pbp2120 ',
  name: ' 淮北疫苗生物科技有限公司 ',
  registeredCapital: '500万元',
  foundedOn: dayjs('2019-03-05'),
  businessScope: '疫苗研发；生物技术推广服务',
  tags: ['重点企业', ' '],
  contacts: [{ name: '王经理', mobile: '138 1234 5678' }],
  qualifications: [{ code: 'high_tech', obtainedOn: dayjs('2023-11-30') }],
  figures: [{ year: 2024, employees: 120, revenue: '3.5亿' }],
};

describe('the enterprise form', () => {
  it('turns its values into a body the shared schema accepts', () => {
    const body = toBody(VALID, CREATE);
    expect(body).toMatchObject({
      uscc: '91340600ma2pbp2120',
      name: '淮北疫苗生物科技有限公司',
      registeredCapital: '500万元',
      foundedOn: '2019-03-05',
      tags: ['重点企业'],
      qualifications: [{ code: 'high_tech', obtainedOn: '2023-11-30' }],
      figures: [{ year: 2024, employees: 120, revenue: '3.5亿' }],
    });
    // Left out on create, so the record takes no value rather than an empty one.
    expect('address' in body && body.address !== undefined).toBe(false);
    expect(validateEnterprise(body, 'zh-CN')).toEqual([]);
  });

  it('clears emptied fields on edit and never sends masked contacts back', () => {
    const body = toBody({ ...VALID, registeredCapital: ' ', website: '' }, { ...EDIT, includeContacts: false });
    expect(body.registeredCapital).toBeNull();
    expect(body.website).toBeNull();
    expect(body.contacts).toBeUndefined();
  });

  it('puts each schema issue on the form field it concerns, in the user language', () => {
    const values: EnterpriseFormValues = {
      ...VALID,
      uscc: '91350100M000100Y4Z',
      contacts: [{ name: '甲' }, { name: '乙', mobile: '12345' }],
      figures: [{ year: 2024 }, { year: null }],
    };
    const issues = validateEnterprise(toBody(values, CREATE), 'zh-CN');
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([['uscc'], ['contacts', 1, 'mobile'], ['figures', 1, 'year']]),
    );
    expect(issues.find((i) => i.path[0] === 'uscc')?.message).toContain('统一社会信用代码');
    expect(validateEnterprise(toBody(values, CREATE), 'en').find((i) => i.path[0] === 'uscc')?.message).toContain(
      'credit code',
    );
  });

  it('reads a record back into the form', () => {
    const record = {
      uscc: '91340600MA2PBP2120',
      name: '某公司',
      legalRepresentative: null,
      registeredCapital: 5_000_000,
      foundedOn: '2019-03-05',
      address: null,
      park: null,
      industryCode: '2762',
      businessScope: null,
      size: 'small',
      website: null,
      notes: null,
      assignedOfficer: { id: 7, displayName: '陈服务' },
      formerNames: [{ name: '旧名', untilOn: null }],
      tags: [],
      chainNodes: ['cdmo'],
      qualificationDetails: [],
      contacts: [],
      figures: [{ year: 2024, employees: 5, revenue: 1_000_000, rndSpend: null, taxPaid: null }],
    } as unknown as EnterpriseDetail;
    const values = toFormValues(record);
    expect(values).toMatchObject({
      registeredCapital: '5000000',
      assignedOfficerId: '7',
      formerNames: ['旧名'],
      chainNodeCodes: ['cdmo'],
      figures: [{ year: 2024, employees: 5, revenue: '1000000', rndSpend: undefined }],
    });
    expect(values.foundedOn?.format('YYYY-MM-DD')).toBe('2019-03-05');
    expect(validateEnterprise(toBody(values, EDIT), 'en')).toEqual([]);
  });
});
