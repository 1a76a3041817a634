import type { Locale } from './roles.js';

/**
 * Default dictionaries of DESIGN.md §3, copied from shared/data/dictionaries.json
 * (the app never reads that file). A test keeps this copy equal to the file.
 */

/** `en` is optional only because GB/T 4754 industry codes come with Chinese names alone. */
export interface DictionaryEntry {
  readonly code: string;
  readonly zh: string;
  readonly en?: string;
}
export interface LeadStageEntry extends DictionaryEntry {
  readonly order?: number;
  /** Side states (on hold, lost) are outside the ordered pipeline. */
  readonly side?: boolean;
}
export interface NeedCategoryEntry extends DictionaryEntry {
  readonly defaultDepartment: DepartmentCode;
  /** Starting defaults chosen for the demo, not from a regulation. */
  readonly slaWorkingDays: number;
}

/** The code union of a dictionary list. */
export type CodeOf<L extends readonly DictionaryEntry[]> = L[number]['code'];

export const LEAD_SOURCE_CHANNELS = [
  { code: 'location', zh: '区位招商', en: 'Location' },
  { code: 'industry', zh: '产业招商', en: 'Industry chain' },
  { code: 'policy', zh: '政策招商', en: 'Policy' },
  { code: 'service', zh: '服务招商', en: 'Service' },
  { code: 'platform', zh: '平台招商', en: 'Platform' },
  { code: 'city', zh: '城市招商', en: 'City' },
  { code: 'incubation', zh: '孵化招商', en: 'Incubation' },
  { code: 'fund', zh: '投资招商（基金招商）', en: 'Fund / investment' },
  { code: 'culture', zh: '文化招商', en: 'Culture' },
  { code: 'agent', zh: '代理招商', en: 'Agent' },
  { code: 'trip', zh: '考察对接', en: 'Investigation trip' },
  { code: 'referral', zh: '以商招商', en: 'Referral by a company' },
] as const satisfies readonly DictionaryEntry[];
export type LeadSourceChannel = CodeOf<typeof LEAD_SOURCE_CHANNELS>;

export const LEAD_STAGES = [
  { code: 'lead', zh: '线索', en: 'Lead', order: 1 },
  { code: 'contacted', zh: '初步接洽', en: 'Contacted', order: 2 },
  { code: 'negotiating', zh: '考察洽谈', en: 'Visiting / negotiating', order: 3 },
  { code: 'signed', zh: '签约', en: 'Signed', order: 4 },
  { code: 'registered', zh: '注册落地', en: 'Registered', order: 5 },
  { code: 'construction', zh: '开工建设', en: 'Under construction', order: 6 },
  { code: 'operating', zh: '投产运营', en: 'Operating', order: 7 },
  { code: 'on_hold', zh: '搁置', en: 'On hold', side: true },
  { code: 'lost', zh: '流失', en: 'Lost', side: true },
] as const satisfies readonly LeadStageEntry[];
export type LeadStage = CodeOf<typeof LEAD_STAGES>;
export const LEAD_PIPELINE_STAGES = [
  'lead',
  'contacted',
  'negotiating',
  'signed',
  'registered',
  'construction',
  'operating',
] as const satisfies readonly LeadStage[];
export const LEAD_SIDE_STAGES = ['on_hold', 'lost'] as const satisfies readonly LeadStage[];

export const DEPARTMENTS = [
  { code: 'economy', zh: '经济科技局', en: 'Economy & Technology Bureau' },
  { code: 'finance', zh: '财政局', en: 'Finance Bureau' },
  { code: 'housing', zh: '住建分局', en: 'Housing & Construction' },
  { code: 'land', zh: '国土分局', en: 'Land Resources' },
  { code: 'planning', zh: '规划分局', en: 'Planning' },
  { code: 'environment', zh: '生态环境分局', en: 'Ecology & Environment' },
  { code: 'power', zh: '供电所', en: 'Power Supply Office' },
  { code: 'water', zh: '供水公司', en: 'Water Supply Company' },
  { code: 'hr', zh: '人力资源和社会保障局', en: 'Human Resources & Social Security' },
  { code: 'market_regulation', zh: '市场监管分局', en: 'Market Regulation' },
  { code: 'general_office', zh: '党政办', en: 'General Office' },
] as const satisfies readonly DictionaryEntry[];
/** Codes of the default set; tenants may add departments, so stored codes are plain strings. */
export type DepartmentCode = CodeOf<typeof DEPARTMENTS>;

export const NEED_CATEGORIES = [
  { code: 'rnd', zh: '技术研发', en: 'R&D', defaultDepartment: 'economy', slaWorkingDays: 10 },
  { code: 'space', zh: '场地需求', en: 'Site / space', defaultDepartment: 'land', slaWorkingDays: 10 },
  { code: 'funding', zh: '资金缺口', en: 'Funding', defaultDepartment: 'finance', slaWorkingDays: 15 },
  { code: 'talent', zh: '人才招聘', en: 'Talent', defaultDepartment: 'hr', slaWorkingDays: 10 },
  { code: 'market', zh: '市场开拓', en: 'Market development', defaultDepartment: 'economy', slaWorkingDays: 15 },
  {
    code: 'regulatory',
    zh: '法规咨询',
    en: 'Regulatory advice',
    defaultDepartment: 'market_regulation',
    slaWorkingDays: 5,
  },
  { code: 'power', zh: '供电保障', en: 'Power supply', defaultDepartment: 'power', slaWorkingDays: 5 },
  { code: 'water', zh: '供水保障', en: 'Water supply', defaultDepartment: 'water', slaWorkingDays: 5 },
  {
    code: 'environment',
    zh: '环境评价',
    en: 'Environment / EIA',
    defaultDepartment: 'environment',
    slaWorkingDays: 15,
  },
  {
    code: 'construction',
    zh: '规划建设',
    en: 'Planning & construction',
    defaultDepartment: 'housing',
    slaWorkingDays: 15,
  },
  { code: 'labour', zh: '劳资关系', en: 'Labour relations', defaultDepartment: 'hr', slaWorkingDays: 5 },
  { code: 'safety', zh: '安全生产', en: 'Work safety', defaultDepartment: 'general_office', slaWorkingDays: 3 },
  { code: 'other', zh: '其他', en: 'Other', defaultDepartment: 'general_office', slaWorkingDays: 10 },
] as const satisfies readonly NeedCategoryEntry[];
/** Codes of the default set; tenants may add categories, so stored codes are plain strings. */
export type NeedCategoryCode = CodeOf<typeof NEED_CATEGORIES>;

export const NEED_STATUSES = [
  { code: 'submitted', zh: '已提交', en: 'Submitted' },
  { code: 'accepted', zh: '已受理', en: 'Accepted' },
  { code: 'in_progress', zh: '办理中', en: 'In progress' },
  { code: 'resolved', zh: '已办结', en: 'Resolved' },
  { code: 'confirmed', zh: '企业已确认', en: 'Confirmed' },
  { code: 'closed', zh: '已关闭', en: 'Closed' },
  { code: 'returned', zh: '已退回', en: 'Returned' },
] as const satisfies readonly DictionaryEntry[];
export type NeedStatus = CodeOf<typeof NEED_STATUSES>;

export const SATISFACTION = [
  { code: 'satisfied', zh: '满意', en: 'Satisfied' },
  { code: 'basically', zh: '基本满意', en: 'Basically satisfied' },
  { code: 'unsatisfied', zh: '不满意', en: 'Not satisfied' },
] as const satisfies readonly DictionaryEntry[];
export type Satisfaction = CodeOf<typeof SATISFACTION>;

export const QUALIFICATIONS = [
  { code: 'high_tech', zh: '高新技术企业', en: 'High-tech enterprise' },
  { code: 'specialized', zh: '专精特新企业', en: 'Specialised & innovative SME' },
  { code: 'tech_sme', zh: '科技型中小企业', en: 'Technology-based SME' },
  { code: 'incubatee', zh: '孵化企业', en: 'Incubatee' },
  { code: 'above_scale', zh: '规上企业', en: 'Above designated size' },
] as const satisfies readonly DictionaryEntry[];
export type Qualification = CodeOf<typeof QUALIFICATIONS>;

export const UNIT_TYPES = [
  { code: 'office', zh: '办公', en: 'Office' },
  { code: 'lab', zh: '研发实验室', en: 'R&D lab' },
  { code: 'gmp', zh: 'GMP厂房', en: 'GMP plant' },
  { code: 'standard_plant', zh: '标准厂房', en: 'Standard plant' },
  { code: 'warehouse', zh: '仓储', en: 'Warehouse' },
  { code: 'desk', zh: '孵化工位', en: 'Incubator desk' },
] as const satisfies readonly DictionaryEntry[];
export type UnitType = CodeOf<typeof UNIT_TYPES>;

export const UNIT_STATUSES = [
  { code: 'vacant', zh: '空置', en: 'Vacant' },
  { code: 'reserved', zh: '意向', en: 'Reserved' },
  { code: 'fitting_out', zh: '装修', en: 'Fitting out' },
  { code: 'leased', zh: '已租', en: 'Leased' },
  { code: 'self_used', zh: '自用', en: 'Self-used' },
] as const satisfies readonly DictionaryEntry[];
export type UnitStatus = CodeOf<typeof UNIT_STATUSES>;

export const PARCEL_STATUSES = [
  { code: 'idle', zh: '闲置', en: 'Idle' },
  { code: 'inefficient', zh: '低效', en: 'Inefficient' },
  { code: 'in_use', zh: '在用', en: 'In use' },
  { code: 'planned', zh: '规划', en: 'Planned' },
] as const satisfies readonly DictionaryEntry[];
export type ParcelStatus = CodeOf<typeof PARCEL_STATUSES>;

/** GB/T 4754-2017 classes relevant to the biotech cluster (medical devices 3581–3589 not yet verified). */
export const INDUSTRY_CODES = [
  { code: '7310', zh: '自然科学研究和试验发展' },
  { code: '7320', zh: '工程和技术研究和试验发展' },
  { code: '7330', zh: '农业科学研究和试验发展' },
  { code: '7340', zh: '医学研究和试验发展' },
  { code: '7451', zh: '检验检疫服务' },
  { code: '7452', zh: '检测服务' },
  { code: '7453', zh: '计量服务' },
  { code: '7454', zh: '标准化服务' },
  { code: '7455', zh: '认证认可服务' },
  { code: '7459', zh: '其他质检技术服务' },
  { code: '7511', zh: '农林牧渔技术推广服务' },
  { code: '7512', zh: '生物技术推广服务' },
  { code: '7513', zh: '新材料技术推广服务' },
  { code: '7514', zh: '节能技术推广服务' },
  { code: '7515', zh: '新能源技术推广服务' },
  { code: '7516', zh: '环保技术推广服务' },
  { code: '7517', zh: '三维（3D）打印技术推广服务' },
  { code: '7519', zh: '其他技术推广服务' },
  { code: '7520', zh: '知识产权服务' },
  { code: '7530', zh: '科技中介服务' },
  { code: '7540', zh: '创业空间服务' },
  { code: '2710', zh: '化学药品原料药制造' },
  { code: '2720', zh: '化学药品制剂制造' },
  { code: '2730', zh: '中药饮片加工' },
  { code: '2740', zh: '中成药生产' },
  { code: '2750', zh: '兽用药品制造' },
  { code: '2761', zh: '生物药品制造' },
  { code: '2762', zh: '基因工程药物和疫苗制造' },
  { code: '2770', zh: '卫生材料及医药用品制造' },
  { code: '2780', zh: '药用辅料及包装材料' },
  { code: '8491', zh: '健康体检服务' },
  { code: '8492', zh: '临床检验服务' },
  { code: '7221', zh: '园区管理服务' },
] as const satisfies readonly DictionaryEntry[];
export type IndustryCode = CodeOf<typeof INDUSTRY_CODES>;

/** Divisions and groups above INDUSTRY_CODES, as named in the file's note. */
export const INDUSTRY_GROUPS = [
  { code: '27', zh: '医药制造业' },
  { code: '72', zh: '商务服务业' },
  { code: '722', zh: '综合管理服务' },
  { code: '73', zh: '研究和试验发展' },
  { code: '74', zh: '专业技术服务业' },
  { code: '745', zh: '质检技术服务' },
  { code: '75', zh: '科技推广和应用服务业' },
  { code: '751', zh: '技术推广服务' },
  { code: '84', zh: '卫生' },
  { code: '849', zh: '其他卫生活动' },
] as const satisfies readonly DictionaryEntry[];
export type IndustryGroupCode = CodeOf<typeof INDUSTRY_GROUPS>;

/** Known groups containing an industry code, outermost first: '7512' → ['75', '751']. */
export function industryAncestors(code: string): IndustryGroupCode[] {
  return INDUSTRY_GROUPS.filter((g) => code.length > g.code.length && code.startsWith(g.code))
    .map((g) => g.code)
    .sort((a, b) => a.length - b.length);
}

export interface ChainNode {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** GB/T 4754 codes used to place companies on the node. */
  readonly industryCodes?: readonly string[];
  readonly children?: readonly ChainNode[];
}
export interface ChainSegment {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly nodes: readonly ChainNode[];
}
export interface ChainTemplate {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly segments: readonly ChainSegment[];
}

export const CHAIN_TEMPLATE = {
  code: 'biotech_services',
  zh: '生物技术开发服务',
  en: 'Biotech development services',
  segments: [
    {
      code: 'upstream',
      zh: '上游',
      en: 'Upstream',
      nodes: [
        { code: 'reagents', zh: '试剂耗材', en: 'Reagents & consumables' },
        { code: 'instruments', zh: '仪器设备', en: 'Instruments' },
      ],
    },
    {
      code: 'midstream',
      zh: '中游',
      en: 'Midstream',
      nodes: [
        {
          code: 'cro',
          zh: 'CRO 合同研究',
          en: 'CRO',
          children: [
            { code: 'cro_discovery', zh: '药物发现', en: 'Drug discovery' },
            { code: 'cro_preclinical', zh: '临床前研究', en: 'Preclinical' },
            { code: 'cro_clinical', zh: '临床研究', en: 'Clinical' },
          ],
          industryCodes: ['7340'],
        },
        { code: 'cdmo', zh: 'CDMO 合同研发生产', en: 'CDMO', industryCodes: ['2761', '2762', '2720'] },
        { code: 'cmo', zh: 'CMO 合同生产', en: 'CMO', industryCodes: ['2710', '2720', '2761'] },
        { code: 'cso', zh: 'CSO 合同销售', en: 'CSO' },
        { code: 'regulatory', zh: '注册申报服务', en: 'Regulatory affairs' },
        { code: 'testing', zh: '检验检测', en: 'Testing & inspection', industryCodes: ['7452', '7451', '8492'] },
        { code: 'gene', zh: '基因工程', en: 'Gene engineering', industryCodes: ['7512', '2762'] },
        { code: 'bioinfo', zh: '生物信息分析', en: 'Bioinformatics', industryCodes: ['7512'] },
      ],
    },
    {
      code: 'downstream',
      zh: '下游',
      en: 'Downstream',
      nodes: [
        { code: 'innovative_drugs', zh: '创新药', en: 'Innovative drugs', industryCodes: ['2720', '2761'] },
        { code: 'devices', zh: '医疗器械', en: 'Medical devices' },
        { code: 'ivd', zh: '体外诊断', en: 'In-vitro diagnostics' },
      ],
    },
  ],
} as const satisfies ChainTemplate;
type DefaultChainNode = (typeof CHAIN_TEMPLATE)['segments'][number]['nodes'][number];
export type ChainSegmentCode = (typeof CHAIN_TEMPLATE)['segments'][number]['code'];
export type ChainNodeCode =
  DefaultChainNode['code'] | Extract<DefaultChainNode, { children: unknown }>['children'][number]['code'];

export interface FlatChainNode {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly segment: string;
  readonly parent: string | null;
  /** The node's own codes; children do not inherit their parent's. */
  readonly industryCodes: readonly string[];
}

/** Every node of a chain, depth first, with its segment and parent. */
export function flattenChain(template: ChainTemplate): FlatChainNode[] {
  const out: FlatChainNode[] = [];
  const walk = (nodes: readonly ChainNode[], segment: string, parent: string | null): void => {
    for (const n of nodes) {
      out.push({ code: n.code, zh: n.zh, en: n.en, segment, parent, industryCodes: n.industryCodes ?? [] });
      if (n.children) walk(n.children, segment, n.code);
    }
  };
  for (const s of template.segments) walk(s.nodes, s.code, null);
  return out;
}

/** Destinations for investigation trips (names only, in Chinese). */
export const BIOTECH_PARKS = [
  '上海张江药谷',
  '苏州BioBAY（苏州生物医药产业园）',
  '武汉光谷生物城',
  '北京中关村生命科学园',
  '广州国际生物岛',
  '成都天府国际生物城',
  '泰州中国医药城',
  '杭州医药港',
  '中山国家健康科技产业基地',
] as const;

export const DICTIONARY_NAMES = [
  'leadSourceChannels',
  'leadStages',
  'needCategories',
  'needStatuses',
  'satisfaction',
  'departments',
  'qualifications',
  'unitTypes',
  'unitStatuses',
  'parcelStatuses',
  'industryCodes',
] as const;
export type DictionaryName = (typeof DICTIONARY_NAMES)[number];

/** The flat code lists by name. The chain template and the park names are exported on their own. */
export const DICTIONARIES = {
  leadSourceChannels: LEAD_SOURCE_CHANNELS,
  leadStages: LEAD_STAGES,
  needCategories: NEED_CATEGORIES,
  needStatuses: NEED_STATUSES,
  satisfaction: SATISFACTION,
  departments: DEPARTMENTS,
  qualifications: QUALIFICATIONS,
  unitTypes: UNIT_TYPES,
  unitStatuses: UNIT_STATUSES,
  parcelStatuses: PARCEL_STATUSES,
  industryCodes: INDUSTRY_CODES,
} as const satisfies Record<DictionaryName, readonly DictionaryEntry[]>;

/** Dictionaries each tenant's admin edits; the lists above are only their seed. */
export const TENANT_EDITABLE_DICTIONARIES = [
  'departments',
  'needCategories',
] as const satisfies readonly DictionaryName[];
export type TenantEditableDictionary = (typeof TENANT_EDITABLE_DICTIONARIES)[number];

export function isTenantEditable(name: string): name is TenantEditableDictionary {
  return (TENANT_EDITABLE_DICTIONARIES as readonly string[]).includes(name);
}

/** The entry's label in the locale; falls back to Chinese where there is no English. */
export function label(entry: Pick<DictionaryEntry, 'zh' | 'en'>, locale: Locale): string {
  return locale === 'en' ? (entry.en ?? entry.zh) : entry.zh;
}

export function findEntry<const L extends readonly DictionaryEntry[]>(list: L, code: string): L[number] | undefined {
  return list.find((e) => e.code === code);
}

export function isCode<const L extends readonly DictionaryEntry[]>(list: L, value: unknown): value is CodeOf<L> {
  return typeof value === 'string' && list.some((e) => e.code === value);
}

/** The codes of a list, e.g. for `z.enum(codesOf(LEAD_STAGES))`. */
export function codesOf<const L extends readonly DictionaryEntry[]>(list: L): CodeOf<L>[] {
  return list.map((e) => e.code);
}
