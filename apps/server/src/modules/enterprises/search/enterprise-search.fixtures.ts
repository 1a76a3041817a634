import type { Database } from '../../../db/database.js';
import { iso } from '../../../lib/time.js';

/** A fixed set of biotech-cluster companies for the search tests: ids e01…e40, name order unrelated to id order. */
export interface FixtureCompany {
  id: string;
  name: string;
  uscc: string;
  scope: string | null;
  former?: string[];
  park?: string;
}

export const COMPANIES: FixtureCompany[] = [
  {
    id: 'e01',
    name: '上海药明生物技术有限公司',
    uscc: '91310115MA1K3BTP2B',
    scope: '生物医药技术开发；CDMO委托开发生产服务；细胞培养基销售；货物进出口。',
    park: '张江',
  },
  {
    id: 'e02',
    name: '苏州康宁杰瑞生物科技有限公司',
    uscc: '91320594MA1MXH1J4U',
    scope: '抗体药物研发；生物制品技术咨询、技术服务。',
  },
  {
    id: 'e03',
    name: '北京科兴中维生物技术有限公司',
    uscc: '91110108MA01R3LX7K',
    scope: '疫苗研发、生产；新型冠状病毒（COVID-19）灭活疫苗生产；第三类医疗器械经营。',
  },
  {
    id: 'e04',
    name: '上海斯微生物科技股份有限公司',
    uscc: '91310115MA1H8Q2N6D',
    scope: 'mRNA疫苗研发；核酸药物技术开发、技术转让；实验室设备销售。',
    former: ['上海斯微生物科技有限公司'],
    park: '张江',
  },
  {
    id: 'e05',
    name: '艾博生物医药（杭州）有限公司',
    uscc: '91330110MA2KDR7G3L',
    scope: 'ｍＲＮＡ疫苗及核酸药物研发；生物医药技术服务。',
  },
  {
    id: 'e06',
    name: '上海泰格医药科技有限公司',
    uscc: '91310115MA1G9F0E1C',
    scope: 'CRO临床试验服务；医药技术咨询；数据管理与统计分析服务。',
    park: '张江',
  },
  {
    id: 'e07',
    name: '昆拓信诚医药研发（北京）有限公司',
    uscc: '91110105MA00C2WK0R',
    scope: '临床研究CRO服务；医学信息咨询。',
  },
  {
    id: 'e08',
    name: '凯莱英医药集团（天津）股份有限公司',
    uscc: '91120116700487655K',
    scope: '医药中间体、原料药的CDMO研发生产；技术进出口。',
  },
  {
    id: 'e09',
    name: '博腾制药（上海）有限公司',
    uscc: '91310000MA1FL6A02X',
    scope: 'CDMO服务：化学药品原料药研发与生产。',
  },
  {
    id: 'e10',
    name: '华大基因检测技术（深圳）有限公司',
    uscc: '91440300MA5F1RQ23H',
    scope: '基因检测；基因测序服务；第二类医疗器械销售。',
    former: ['深圳华大基因科技服务有限公司'],
  },
  {
    id: 'e11',
    name: '上海透景生命科技股份有限公司',
    uscc: '91310000558762437J',
    scope: '体外诊断试剂研发；医学检验检测服务；ISO13485质量体系咨询。',
  },
  {
    id: 'e12',
    name: '苏州金唯智生物科技有限公司',
    uscc: '91320594MA1N2C4E5F',
    scope: '基因工程技术服务；DNA合成；生物试剂销售。',
  },
  {
    id: 'e13',
    name: '南京金斯瑞生物科技有限公司',
    uscc: '91320115MA1MB33M5W',
    scope: '基因合成；基因工程抗体开发；CRO服务；多肽合成。',
  },
  {
    id: 'e14',
    name: '上海复星医药产业发展有限公司',
    uscc: '91310000132204567P',
    scope: '药品研发；医药产业投资；企业管理咨询。',
  },
  {
    id: 'e15',
    name: '北京义翘神州科技股份有限公司',
    uscc: '91110302MA001N8X8T',
    scope: '重组蛋白、抗体试剂研发；生物技术推广服务。',
  },
  {
    id: 'e16',
    name: '上海医药集团股份有限公司',
    uscc: '91310000133199714K',
    scope: '药品批发；医疗器械销售；医药咨询。',
  },
  {
    id: 'e17',
    name: '上海睿智化学研究有限公司',
    uscc: '91310115MA1K4T0Q9A',
    scope: 'CRO服务：药物化学、生物分析与药代动力学研究。',
    park: '张江',
  },
  {
    id: 'e18',
    name: '成都康弘药业集团股份有限公司',
    uscc: '91510100202381629N',
    scope: '中成药、化学药制剂生产；生物药研发。',
  },
  {
    id: 'e19',
    name: '深圳华大智造科技股份有限公司',
    uscc: '91440300MA5DC6CN2Q',
    scope: '基因测序仪研发、生产；软件开发。',
  },
  {
    id: 'e20',
    name: '上海交大昂立股份有限公司',
    uscc: '913100001322897781',
    scope: '保健食品生产；食品销售。',
  },
  {
    id: 'e21',
    name: '上海张江高科技园区开发股份有限公司',
    uscc: '91310000132226001W',
    scope: '园区开发经营；房地产开发；生物医药产业园运营管理。',
    park: '张江',
  },
  {
    id: 'e22',
    name: '苏州信达生物制药有限公司',
    uscc: '91320594MA1MG06P1D',
    scope: '生物药、单克隆抗体研发与生产。',
  },
  {
    id: 'e23',
    name: '上海君实生物医药科技股份有限公司',
    uscc: '91310000MA1FL0F18K',
    scope: '抗体药物研发；技术开发、技术服务。',
    park: '张江',
  },
  {
    id: 'e24',
    name: '上海之江生物科技股份有限公司',
    uscc: '913100007294153847',
    scope: '核酸检测试剂盒研发、生产；第三类医疗器械生产。',
  },
  {
    id: 'e25',
    name: '上海联合赛尔生物工程有限公司',
    uscc: '91310115MA1HB4Q01N',
    scope: '细胞治疗技术研发；基因工程技术开发。',
    former: ['上海联合干细胞技术有限公司'],
  },
  {
    id: 'e26',
    name: '苏州药明康德新药开发有限公司',
    uscc: '91320594MA1P6PXK3W',
    scope: '新药研发外包服务（CRO）；医药中间体研发。',
  },
  {
    id: 'e27',
    name: '上海鼎晶生物医药科技股份有限公司',
    uscc: '91310115MA1K5XJ96E',
    scope: 'mRNA原液CDMO服务；核酸药物研发。',
    park: '张江',
  },
  {
    id: 'e28',
    name: '北京诺禾致源科技股份有限公司',
    uscc: '91110114MA009MD86U',
    scope: '基因测序、生物信息分析服务；检测服务。',
  },
  {
    id: 'e29',
    name: '上海天境生物科技有限公司',
    uscc: '91310115MA1H95P33J',
    scope: null,
  },
  {
    id: 'e30',
    name: '上海宝钢包装股份有限公司',
    uscc: '913100007585786251',
    scope: '金属包装容器制造；包装材料销售。',
  },
  {
    id: 'e31',
    name: '上海汽车配件制造有限公司',
    uscc: '91310114607218442T',
    scope: '汽车零部件制造；机械设备销售。',
  },
  {
    id: 'e32',
    name: '上海微创医疗器械（集团）有限公司',
    uscc: '91310000607370125C',
    scope: '第三类医疗器械研发、生产；医药技术咨询。',
  },
  {
    id: 'e33',
    name: '江苏恒瑞医药股份有限公司',
    uscc: '91320700704043264H',
    scope: '化学药品、生物药研发与生产；药品进出口。',
    former: ['连云港恒瑞医药股份有限公司'],
  },
  {
    id: 'e34',
    name: '北京生物制品研究所有限责任公司',
    uscc: '91110105101152418X',
    scope: '疫苗生产；血液制品研发。',
  },
  {
    id: 'e35',
    name: '上海凯赛生物技术股份有限公司',
    uscc: '91310000MA1FL3L22Q',
    scope: '生物基材料研发、生产；化工产品销售（不含危险化学品）。',
  },
  {
    id: 'e36',
    name: '上海和元生物技术股份有限公司',
    uscc: '91310115MA1HA2B54G',
    scope: '基因治疗CDMO服务；病毒载体研发与生产。',
    park: '张江',
  },
  {
    id: 'e37',
    name: '上海奥浦迈生物科技股份有限公司',
    uscc: '91310115MA1K6C7M3Y',
    scope: '细胞培养基研发、生产；CDMO服务。',
    park: '张江',
  },
  {
    id: 'e38',
    name: '上海皓元医药股份有限公司',
    uscc: '91310000MA1FL4W79B',
    scope: '医药中间体研发；ADC药物CDMO服务。',
  },
  {
    id: 'e39',
    name: '上海百趣生物医学科技有限公司',
    uscc: '91310115MA1K2R8L0T',
    scope: '代谢组学检测服务；生物医学技术开发。',
  },
  {
    id: 'e40',
    name: '武汉生物制品研究所有限责任公司',
    uscc: '91420100177682315M',
    scope: '人用疫苗研发、生产；动物疫苗销售。',
  },
];

const NOW = iso(new Date('2026-03-02T01:00:00.000Z'));

/** Writes these companies and their former names into the tenant's registry, stamped NOW. */
export async function insertCompanies(database: Database, tenantId: string, companies: readonly FixtureCompany[]) {
  await database.transaction(async (trx) => {
    for (const c of companies) {
      await trx
        .insertInto('enterprises')
        .values({
          tenantId,
          id: c.id,
          uscc: c.uscc,
          name: c.name,
          businessScope: c.scope,
          park: c.park ?? null,
          createdAt: NOW,
          updatedAt: NOW,
          version: 1,
        })
        .execute();
      for (const name of c.former ?? []) {
        await trx.insertInto('enterpriseFormerNames').values({ tenantId, enterpriseId: c.id, name }).execute();
      }
    }
  });
}
