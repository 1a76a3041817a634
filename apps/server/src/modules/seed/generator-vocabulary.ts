/**
 * Word lists behind the company generator. Weights are relative; they are chosen so that search benchmarks meet
 * common terms (生物, 技术开发, CRO) and rare ones (疫苗, 类器官, 溶瘤病毒, mRNA) in known proportions.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

export interface Area {
  /** GB/T 2260 county-level code: positions 3–8 of the USCC. */
  code: string;
  /** Short city name as company names carry it. */
  city: string;
  /** Province, city and district as an address starts. */
  prefix: string;
  roads: readonly string[];
}

export const AREAS: Weighted<Area> = [
  [{ code: '310115', city: '上海', prefix: '上海市浦东新区', roads: ['张江路', '蔡伦路', '哈雷路', '科苑路'] }, 12],
  [{ code: '310112', city: '上海', prefix: '上海市闵行区', roads: ['紫星路', '东川路', '剑川路'] }, 4],
  [{ code: '320506', city: '苏州', prefix: '江苏省苏州市吴中区', roads: ['东吴北路', '宝带东路'] }, 4],
  [{ code: '320505', city: '苏州', prefix: '江苏省苏州市虎丘区', roads: ['科灵路', '锦峰路', '竹园路'] }, 5],
  [{ code: '320115', city: '南京', prefix: '江苏省南京市江宁区', roads: ['秣周东路', '诚信大道'] }, 3],
  [{ code: '321202', city: '泰州', prefix: '江苏省泰州市海陵区', roads: ['药城大道', '口泰路'] }, 2],
  [{ code: '330108', city: '杭州', prefix: '浙江省杭州市滨江区', roads: ['江南大道', '滨安路', '伟业路'] }, 5],
  [{ code: '330110', city: '杭州', prefix: '浙江省杭州市余杭区', roads: ['文一西路', '良睦路'] }, 3],
  [{ code: '110108', city: '北京', prefix: '北京市海淀区', roads: ['中关村大街', '上地信息路'] }, 5],
  [{ code: '110114', city: '北京', prefix: '北京市昌平区', roads: ['生命园路', '科学园路'] }, 3],
  [{ code: '110115', city: '北京', prefix: '北京市大兴区', roads: ['天华大街', '永旺路'] }, 3],
  [{ code: '440305', city: '深圳', prefix: '广东省深圳市南山区', roads: ['高新南一道', '科技南十二路'] }, 5],
  [{ code: '440310', city: '深圳', prefix: '广东省深圳市坪山区', roads: ['锦绣中路', '坑梓大道'] }, 2],
  [{ code: '440112', city: '广州', prefix: '广东省广州市黄埔区', roads: ['科学大道', '开源大道', '神舟路'] }, 4],
  [{ code: '420111', city: '武汉', prefix: '湖北省武汉市洪山区', roads: ['高新大道', '神墩一路', '光谷大道'] }, 4],
  [{ code: '510116', city: '成都', prefix: '四川省成都市双流区', roads: ['科创路', '天府大道南段'] }, 3],
  [{ code: '120116', city: '天津', prefix: '天津市滨海新区', roads: ['第七大街', '黄海路'] }, 3],
  [{ code: '370212', city: '青岛', prefix: '山东省青岛市崂山区', roads: ['株洲路', '松岭路'] }, 2],
  [{ code: '430104', city: '长沙', prefix: '湖南省长沙市岳麓区', roads: ['麓谷大道', '桐梓坡西路'] }, 2],
  [{ code: '340104', city: '合肥', prefix: '安徽省合肥市蜀山区', roads: ['望江西路', '创新大道'] }, 3],
  [{ code: '340603', city: '淮北', prefix: '安徽省淮北市相山区', roads: ['人民路', '淮海西路', '孟山路'] }, 6],
  [{ code: '340602', city: '淮北', prefix: '安徽省淮北市杜集区', roads: ['龙山路', '凤凰山路'] }, 3],
  [{ code: '340604', city: '淮北', prefix: '安徽省淮北市烈山区', roads: ['烈山大道', '青龙山路'] }, 2],
];

/** Characters of brand names (字号); 生 and 物 are left out so that 生物 comes only from industry words. */
export const BRAND_CHARS =
  '华康泰瑞博德恒信达诺和元睿智联合天晟科源正明海普安百奥凯金润宁迈鼎誉锐益嘉弘昊远艾斯维美亚欣赛思' +
  '佳兴隆盛宏图君实昂立皓鑫优创新汇融众诚志朗星辰致卓越澳雅晶晨宸璟煜熙悦彤岚峰岳川江湖景茂丰沃';

/** Brackets half-width, as the shared schema folds names: the generator yields cleaned input. */
export const LEGAL_FORMS: Weighted<string> = [
  ['有限公司', 68],
  ['股份有限公司', 16],
  ['有限责任公司', 11],
  ['(集团)有限公司', 5],
];

export const SURNAMES: Weighted<string> = [
  ['王', 8],
  ['李', 8],
  ['张', 7],
  ['刘', 6],
  ['陈', 6],
  ['杨', 4],
  ['黄', 3],
  ['赵', 3],
  ['吴', 3],
  ['周', 3],
  ['徐', 2],
  ['孙', 2],
  ['马', 2],
  ['朱', 2],
  ['胡', 2],
  ['郭', 2],
  ['何', 2],
  ['林', 2],
  ['高', 1],
  ['罗', 1],
  ['郑', 1],
  ['梁', 1],
  ['谢', 1],
  ['宋', 1],
  ['唐', 1],
  ['韩', 1],
  ['欧阳', 0.2],
  ['司马', 0.1],
];
export const GIVEN_CHARS = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华鹏辉玲建国红斌宇浩凯健俊帆雪琳晨颖欣';

export const CONTACT_TITLES = ['总经理', '董事长', '副总经理', '办公室主任', '行政经理', '财务总监', '董事会秘书'];

/** Prefixes that pass the mainland mobile rule of DESIGN.md §6; eight digits follow. */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '145', '147', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '185', '186', '187', '188', '189', '199',
]; // prettier-ignore

export const PARKS: Weighted<string | null> = [
  ['一期', 14],
  ['二期', 11],
  ['三期', 7],
  ['孵化器', 6],
  [null, 62],
];

export const SIZES: Weighted<'micro' | 'small' | 'medium' | 'large'> = [
  ['micro', 40],
  ['small', 35],
  ['medium', 18],
  ['large', 7],
];

/** Tags and the share of companies carrying each. */
export const TAGS: Weighted<string> = [
  ['招商引进', 0.1],
  ['重点企业', 0.08],
  ['研发机构', 0.05],
  ['外资企业', 0.04],
  ['瞪羚企业', 0.03],
  ['总部企业', 0.02],
  ['上市公司', 0.02],
  ['拟上市', 0.02],
  ['链主企业', 0.01],
  ['独角兽', 0.002],
];

/** Clauses every sector may add, and the share of companies adding each. */
export const COMMON_CLAUSES: Weighted<string> = [
  ['技术开发、技术咨询、技术交流、技术转让、技术推广', 0.55],
  ['货物进出口', 0.3],
  ['技术进出口', 0.25],
  ['软件开发', 0.08],
  ['会议及展览服务', 0.06],
  ['非居住房地产租赁', 0.05],
];

/** Clauses rare on purpose, so that a search benchmark meets terms with few hits. */
export const RARE_CLAUSES: Weighted<string> = [
  ['mRNA疫苗研发', 0.003],
  ['类器官培养与药物筛选服务', 0.001],
  ['溶瘤病毒研发', 0.0003],
  ['PROTAC药物研发', 0.0005],
  ['血液透析设备研发', 0.0005],
];

export const SCOPE_SUFFIX = '（依法须经批准的项目，经相关部门批准后方可开展经营活动）';

/** Syllables of made-up web domains. */
export const DOMAIN_SYLLABLES = [
  'kang', 'tai', 'rui', 'bo', 'de', 'heng', 'xin', 'da', 'nuo', 'he', 'yuan', 'zhi', 'lian', 'tian', 'ke', 'ming',
  'hai', 'pu', 'an', 'bai', 'ao', 'kai', 'jin', 'run', 'ning', 'mai', 'ding', 'rong', 'sheng', 'hua', 'yi', 'jia',
]; // prettier-ignore
export const DOMAIN_SUFFIXES: Weighted<string> = [
  ['', 4],
  ['bio', 2],
  ['pharma', 1],
  ['med', 1],
  ['tech', 1],
];
