/**
 * What companies of a biotech park ask for, per need category: a title, the company's words and the department's
 * answer. The demo picks from these; the words are the kind heard on visits (扩产、GMP、实验室排风、人才公寓 …).
 */
export interface NeedText {
  title: string;
  description: string;
  resolution: string;
}

export const NEED_TEXTS: Record<string, readonly NeedText[]> = {
  rnd: [
    {
      title: '共建联合实验室对接高校',
      description: '公司计划开展抗体药物早期筛选，希望对接本地高校共建联合实验室，共享高通量筛选平台。',
      resolution: '已对接省药科院与本地大学生命学院，双方已签订合作意向书，平台共享方案另行商定。',
    },
    {
      title: '申报省级工程技术研究中心',
      description: '企业研发投入已达营收 12%，希望指导申报省级工程技术研究中心的材料准备。',
      resolution: '已安排专人辅导申报材料，企业已按期提交，经科局出具推荐意见。',
    },
    {
      title: '动物实验平台使用需求',
      description: '临床前研究需要 SPF 级动物房，园区公共平台排期过长，希望协调使用时段。',
      resolution: '已协调公共技术服务平台每周增开两个时段，企业项目已排入下月计划。',
    },
  ],
  space: [
    {
      title: '扩产需要 GMP 厂房',
      description: '二期商业化生产线需要约 3000㎡ GMP 厂房，层高不低于 6 米，需洁净车间条件。',
      resolution: '已推荐标准厂房三期 5 号楼一至二层，企业已实地查看，正在洽谈租赁条件。',
    },
    {
      title: '研发实验室排风改造',
      description: '现租用实验室排风量不足，需要增加屋顶排风机位，请协调物业和规划审批。',
      resolution: '物业已同意屋顶设备位，改造方案经规划分局备案，企业可按方案施工。',
    },
    {
      title: '人才公寓房源',
      description: '新引进 15 名研发人员，希望园区人才公寓安排房源。',
      resolution: '已分配人才公寓 10 套，其余 5 套列入下一批次，企业已确认入住名单。',
    },
  ],
  funding: [
    {
      title: '研发贷款贴息申请',
      description: '企业申请了 2000 万元科技贷款用于新药临床研究，咨询贷款贴息政策和申报时间。',
      resolution: '已告知贴息政策适用条件和申报窗口，企业材料经初审符合条件，列入本批次。',
    },
    {
      title: '对接产业投资基金',
      description: 'A 轮融资进行中，希望对接区产业引导基金和合作投资机构。',
      resolution: '已组织引导基金及两家合作机构召开项目路演，基金已启动尽职调查。',
    },
    {
      title: '设备购置补助兑现进度',
      description: '去年申报的设备购置补助已公示，询问资金拨付时间。',
      resolution: '财政局已完成拨付审核，资金将于本月底前拨付至企业账户。',
    },
  ],
  talent: [
    {
      title: '招聘 QA/QC 人员困难',
      description: '质量管理岗位（QA/QC）缺口 8 人，本地招聘困难，希望协助对接院校和人才市场。',
      resolution: '已组织专场招聘会并推送至三所院校就业办，企业收到简历 60 余份，已录用 5 人。',
    },
    {
      title: '高层次人才认定',
      description: '公司首席科学家希望申请区高层次人才认定，咨询条件和办理流程。',
      resolution: '已告知认定条件和所需材料，人社局已受理认定申请。',
    },
    {
      title: '员工子女入学',
      description: '外地引进的研发骨干子女需就近入学，希望协调学位。',
      resolution: '已协调教育部门安排就近入学，学校已发放入学通知。',
    },
  ],
  market: [
    {
      title: '参加医药展会展位补贴',
      description: '计划参加 CPHI 中国展，咨询展位费补贴政策。',
      resolution: '符合展会补贴条件，已指导企业按流程申报，补贴比例为展位费的 50%。',
    },
    {
      title: '对接本地医院开展合作',
      description: '体外诊断产品希望进入本地医院开展临床验证和采购对接。',
      resolution: '已组织与区人民医院、中医院对接，临床验证合作已达成初步意向。',
    },
  ],
  regulatory: [
    {
      title: '药品生产许可证办理咨询',
      description: '新建生产线准备申请药品生产许可证，咨询现场检查要求和办理时限。',
      resolution: '市场监管分局已安排预检查并出具问题清单，企业整改后可正式申请。',
    },
    {
      title: '医疗器械注册人制度咨询',
      description: '作为注册人委托生产二类器械，咨询质量体系和委托协议要求。',
      resolution: '已提供注册人制度办事指南并安排专家辅导，企业已完成委托协议备案。',
    },
  ],
  power: [
    {
      title: '扩容用电',
      description: '新增生产线需要增加 800kVA 用电容量，希望加快报装流程。',
      resolution: '供电所已完成现场勘查，扩容工程已列入本月施工计划，预计两周内送电。',
    },
    {
      title: '双回路供电保障',
      description: '洁净车间和冷库不能停电，希望提供双回路供电方案。',
      resolution: '供电所已出具双回路接入方案，企业已确认并签订供用电合同。',
    },
  ],
  water: [
    {
      title: '纯化水系统用水压力不足',
      description: '高峰时段供水压力偏低，影响纯化水制备，请协助排查。',
      resolution: '供水公司已更换片区减压阀并调整供水调度，压力已恢复正常。',
    },
    {
      title: '实验室废水排放接管',
      description: '新实验室投用，需办理污水接管手续。',
      resolution: '已完成接管审批，企业已按要求安装预处理设施。',
    },
  ],
  environment: [
    {
      title: '新建实验室环评审批',
      description: '拟新建 P2 实验室，咨询环评类别和审批时限。',
      resolution: '生态环境分局已明确按报告表办理，开辟绿色通道，审批时限压缩至 10 个工作日。',
    },
    {
      title: '危废处置单位对接',
      description: '实验室危险废物产生量增加，现有处置单位清运不及时。',
      resolution: '已协调两家有资质的处置单位，企业已签订新的危废处置合同。',
    },
  ],
  construction: [
    {
      title: '二期厂房规划许可办理',
      description: '二期厂房需要办理建设工程规划许可证，咨询流程和材料。',
      resolution: '已开辟绿色通道，材料齐全后 5 个工作日内核发规划许可证。',
    },
    {
      title: '厂区道路开口',
      description: '希望在厂区北侧增设车辆出入口，方便冷链车辆进出。',
      resolution: '住建分局已会同规划分局现场踏勘，同意开口方案，企业可按图施工。',
    },
    {
      title: '施工许可证办理',
      description: '研发楼装修改造需要办理施工许可，咨询是否可以告知承诺办理。',
      resolution: '符合告知承诺制条件，已当场受理并核发施工许可证。',
    },
  ],
  labour: [
    {
      title: '劳动用工备案咨询',
      description: '新招聘员工较多，咨询用工备案和社保登记的办理方式。',
      resolution: '已指导企业通过网上平台完成用工备案和社保登记。',
    },
  ],
  safety: [
    {
      title: '危化品仓库安全评价',
      description: '新建危化品暂存间，咨询安全评价和备案要求。',
      resolution: '已安排安全专家现场指导，企业已完成安全评价报告并备案。',
    },
  ],
  other: [
    {
      title: '园区班车线路调整',
      description: '员工反映早班班车到达时间偏晚，希望调整线路和班次。',
      resolution: '党政办已协调公交公司增开一班早班车，下周一起运行。',
    },
    {
      title: '企业门口道路照明',
      description: '企业门口道路路灯损坏，夜间员工出行不便。',
      resolution: '已通知市政维护单位修复，路灯已恢复照明。',
    },
  ],
};

/** How often each category comes up in a biotech park: space, funding and talent lead (the source material). */
export const CATEGORY_WEIGHTS: readonly [string, number][] = [
  ['space', 16],
  ['funding', 14],
  ['talent', 13],
  ['rnd', 9],
  ['construction', 9],
  ['regulatory', 8],
  ['environment', 7],
  ['market', 6],
  ['power', 5],
  ['water', 4],
  ['labour', 3],
  ['safety', 3],
  ['other', 3],
];

export const VISIT_NOTES = [
  '了解企业生产经营情况和年度扩产计划。',
  '走访研发中心，听取新药研发进展汇报。',
  '了解企业融资进展和人才需求。',
  '查看二期厂房建设进度，协调施工中遇到的问题。',
  '宣讲最新产业扶持政策，了解企业申报意向。',
  '座谈了解企业上下游配套需求。',
] as const;

export const RETURN_REASONS = [
  '该事项不属于本部门职责，建议转规划分局办理。',
  '材料不全，请补充企业营业执照和项目备案文件后重新提交。',
] as const;

export const UNSATISFIED_WORDS = ['答复不够具体，希望明确办理时间。', '问题仍未解决，请继续协调。'] as const;

/**
 * The 2026 public holidays and adjusted working days as published by the State Council's General Office
 * (weekday holidays only: weekend days inside a holiday are off anyway). Demo data: the admin checks them against the
 * year's notice in 系统 → 节假日.
 */
export const DEMO_HOLIDAYS_2026: readonly { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-01-02', kind: 'holiday', name: '元旦' },
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  { date: '2026-02-16', kind: 'holiday', name: '春节' },
  { date: '2026-02-17', kind: 'holiday', name: '春节' },
  { date: '2026-02-18', kind: 'holiday', name: '春节' },
  { date: '2026-02-19', kind: 'holiday', name: '春节' },
  { date: '2026-02-20', kind: 'holiday', name: '春节' },
  { date: '2026-02-23', kind: 'holiday', name: '春节' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休' },
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  { date: '2026-06-19', kind: 'holiday', name: '端午节' },
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-09-25', kind: 'holiday', name: '中秋节' },
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];
