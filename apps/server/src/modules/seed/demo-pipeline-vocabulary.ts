import type { LeadActivityKind } from '../../db/schema/pipeline.js';
import type { Weighted } from './generator-vocabulary.js';

/**
 * Word lists behind the demo pipeline: what the projects are (name words with their place on the default chain), why
 * some were lost, what was said on calls and visits, and the six investigation trips.
 */

/** A project's business: the words of its company name and its chain node (codes of CHAIN_TEMPLATE). */
export interface LeadKind {
  words: readonly string[];
  node: string;
  /** Unit types it asks for, by weight. */
  units: Weighted<string>;
}

export const LEAD_KINDS: Weighted<LeadKind> = [
  [{ words: ['医药科技', '新药研发', '药物研究院'], node: 'cro_discovery', units: [['lab', 3], ['office', 1]] }, 10],
  [{ words: ['医药研发', '药理毒理'], node: 'cro_preclinical', units: [['lab', 4], ['office', 1]] }, 7],
  [{ words: ['临床研究', '医药咨询'], node: 'cro_clinical', units: [['office', 3], ['lab', 1]] }, 6],
  [{ words: ['生物制药', '抗体药物', 'CDMO'], node: 'cdmo', units: [['gmp', 4], ['standard_plant', 1]] }, 9],
  [{ words: ['制药', '药业'], node: 'cmo', units: [['gmp', 3], ['standard_plant', 2], ['warehouse', 1]] }, 4],
  [{ words: ['基因科技', '基因治疗', '核酸药物'], node: 'gene', units: [['lab', 3], ['gmp', 1]] }, 8],
  [{ words: ['细胞治疗', '细胞科技', '干细胞'], node: 'gene', units: [['gmp', 2], ['lab', 2]] }, 8],
  [{ words: ['生物试剂', '生物材料', '实验耗材'], node: 'reagents', units: [['standard_plant', 2], ['lab', 1], ['warehouse', 1]] }, 7],
  [{ words: ['生命科学仪器', '生物仪器'], node: 'instruments', units: [['standard_plant', 2], ['office', 1]] }, 4],
  [{ words: ['检测技术', '检验检测', '质量检测'], node: 'testing', units: [['lab', 3]] }, 6],
  [{ words: ['生物信息', '医疗数据'], node: 'bioinfo', units: [['office', 3], ['desk', 1]] }, 4],
  [{ words: ['医疗器械', '医疗科技'], node: 'devices', units: [['standard_plant', 2], ['gmp', 1], ['office', 1]] }, 5],
  [{ words: ['诊断技术', '体外诊断'], node: 'ivd', units: [['lab', 2], ['gmp', 1]] }, 5],
  [{ words: ['创新药', '生物医药'], node: 'innovative_drugs', units: [['lab', 2], ['gmp', 1], ['office', 1]] }, 5],
  [{ words: ['医药注册咨询', '药政服务'], node: 'regulatory', units: [['office', 2], ['desk', 1]] }, 2],
]; // prettier-ignore

export const LEAD_CITIES = [
  '上海',
  '苏州',
  '杭州',
  '南京',
  '北京',
  '深圳',
  '广州',
  '武汉',
  '成都',
  '天津',
  '合肥',
  '香港',
  '波士顿',
];

/** Space asked for, m²: [min, max] by unit type. */
export const AREAS: Record<string, [number, number]> = {
  desk: [8, 60],
  office: [150, 2_000],
  lab: [300, 3_000],
  gmp: [1_500, 20_000],
  standard_plant: [2_000, 30_000],
  warehouse: [500, 5_000],
};

/** Space requirements each unit type tends to come with, and how often. */
export const REQUIREMENTS: Record<string, Weighted<string>> = {
  desk: [],
  office: [['lab_water', 0.05]],
  lab: [['lab_exhaust', 0.8], ['lab_water', 0.8], ['env_permit', 0.3], ['floor_load', 0.1]],
  gmp: [['gmp_ready', 0.9], ['clean_room', 0.8], ['floor_load', 0.6], ['env_permit', 0.7], ['lab_water', 0.4]],
  standard_plant: [['floor_load', 0.7], ['env_permit', 0.4]],
  warehouse: [['floor_load', 0.5]],
}; // prettier-ignore

export const LOST_REASONS = [
  '选择了苏州工业园区，对方给出更高的设备补贴',
  '企业融资未到位，项目取消',
  '对 GMP 厂房的交付时间不满意',
  '总部决定落户长三角其他园区',
  '环评要求无法在期限内满足',
  '企业经营战略调整，暂停扩产计划',
  '竞争园区提供三年免租',
  '核心团队变动，项目终止',
  '土地指标无法满足企业需求',
];

export const HOLD_NOTES = [
  '企业等待新一轮融资，约定半年后再议',
  '母公司战略评审中，暂缓推进',
  '等待临床批件，落地时间待定',
  '厂房需求待载体改造方案确定后再谈',
];

export const CONTACT_TITLES = ['总经理', '董事长', '副总裁', 'BD 总监', '投资总监', '战略发展部经理', '董事会秘书'];
export const EMAIL_DOMAINS = ['bio.com.cn', 'pharma.cn', 'lifesci.com', 'biotech.cn'];

/** What happens in each stage: activities by kind and subject, by weight. */
export const STAGE_ACTIVITIES: Record<string, Weighted<readonly [LeadActivityKind, string]>> = {
  lead: [
    [['call', '首次电话沟通，了解项目概况'], 3], [['email', '发送园区介绍与政策汇编'], 2], [['call', '电话确认投资意向'], 2],
  ],
  contacted: [
    [['meeting', '视频会议介绍园区载体'], 2], [['meeting', '约谈企业负责人'], 2], [['call', '了解场地与资金需求'], 2],
    [['email', '发送载体清单与租金报价'], 1],
  ],
  negotiating: [
    [['site_visit', '企业来园实地考察'], 3], [['site_visit', '踏勘 GMP 厂房与实验室'], 2], [['meeting', '政策兑现条款洽谈'], 2],
    [['meeting', '投资协议条款磋商'], 2], [['meeting', '领导会见企业高管'], 1], [['call', '电话沟通协议修改意见'], 1],
  ],
  signed: [
    [['meeting', '协助办理工商注册'], 2], [['call', '签约后对接载体装修'], 2], [['other', '协调环评与规划手续'], 1],
  ],
  registered: [
    [['site_visit', '跟踪装修与设备进场'], 2], [['call', '协调供电增容'], 1], [['other', '对接人才公寓'], 1],
  ],
  construction: [
    [['site_visit', '工地现场调度'], 3], [['meeting', '协调施工许可'], 1], [['site_visit', '督办设备安装'], 1],
  ],
  operating: [
    [['site_visit', '投产后回访'], 2], [['call', '了解扩产计划'], 1], [['meeting', '协助申报专精特新'], 1],
  ],
}; // prettier-ignore

/** The six trips: where (BIOTECH_PARKS), how many days before the seed time they started, and whom they met. */
export const TRIPS: readonly { park: number; title: string; daysAgo: number; days: number; purpose: string; orgs: string[] }[] = [
  { park: 0, title: '赴上海张江药谷招商考察', daysAgo: 318, days: 3, purpose: '对接 CRO 与创新药企业，学习张江药谷服务模式',
    orgs: ['张江药谷公共服务平台', '上海某创新药企业', '张江生物医药基地开发公司', '上海某 CRO 企业', '某生物医药产业基金'] },
  { park: 1, title: '苏州BioBAY 对接交流', daysAgo: 262, days: 2, purpose: '对接 CDMO 与细胞治疗企业的外溢产能',
    orgs: ['BioBAY 招商中心', '苏州某抗体药物 CDMO', '苏州某细胞治疗企业', '苏州某生物试剂企业'] },
  { park: 2, title: '武汉光谷生物城产业链考察', daysAgo: 205, days: 3, purpose: '考察医疗器械与体外诊断产业链',
    orgs: ['光谷生物城管委会', '武汉某体外诊断企业', '武汉某医疗器械企业'] },
  { park: 3, title: '北京中关村生命科学园拜访', daysAgo: 150, days: 2, purpose: '拜访基因与生物信息企业，推介园区政策',
    orgs: ['中关村生命科学园运营公司', '北京某基因测序企业', '北京某生物信息企业', '某高校成果转化中心', '北京某核酸药物企业', '北京某医药注册咨询公司'] },
  { park: 4, title: '广州国际生物岛招商推介', daysAgo: 86, days: 3, purpose: '推介园区载体，对接华南生物医药企业',
    orgs: ['广州国际生物岛管理方', '广州某干细胞企业', '广州某生物材料企业', '广州某 CRO 企业'] },
  { park: 5, title: '成都天府国际生物城考察', daysAgo: 34, days: 2, purpose: '对接西南地区 CDMO 与创新药项目',
    orgs: ['天府国际生物城投资公司', '成都某创新药企业', '成都某制药企业', '成都某检测企业', '某医药产业投资机构'] },
]; // prettier-ignore
