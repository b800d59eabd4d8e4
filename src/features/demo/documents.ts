import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { domain, measure, orgUnit, plan, responsibility } from '../../db/schema/index.ts';
import type { Analysis, IndicatorAnalysis } from '../analysis/index.ts';
import type { Actor } from '../audit/index.ts';
import { documentCycle, saveDocument, submitDocument } from '../documents/index.ts';

// 演示数据 for 单位文档: what a district has on file once the cycle has ended — every member unit's 实施方案 and
// 年度工作报告 for the earlier years, most of the last year's, and the 评估报告 (终期自评) of all but a few named
// units. The texts are what such units write: the main units' own practices (妇幼健康、两癌筛查、托育、儿童之家、
// 家庭教育、反家暴、就业创业…), the others' built from the measures and indicators they lead; problems and causes
// name the unit's lagging indicators of that year where it has some. Deterministic: the same text on every machine.

const DEMO_ACTOR: Actor = { userId: null, username: '演示数据生成', unitName: null, ip: null };

/** Beijing noon of a day, as an instant. */
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);

interface Profile {
  /** What the unit's work for women and children is about. */
  focus: string;
  /** How its texts open (default: 围绕 its focus). */
  opening?: string;
  /** Its practices, a few a year in turn; the first three open its 评估报告. */
  practices: string[];
  problem: string;
  cause: string;
  countermeasure: string;
  next: string;
}

const PROFILES: Record<string, Profile> = {
  区卫生健康委: {
    focus: '妇女儿童全生命周期健康服务',
    practices: [
      '落实母婴安全五项制度，规范运行危重孕产妇和危重新生儿救治中心，对高危孕产妇实行专案管理、全程跟踪',
      '将宫颈癌和乳腺癌筛查扩大到城乡适龄妇女，对筛查异常者全程随访、及时转诊治疗',
      '推进普惠托育服务体系建设，支持社区嵌入式托育和用人单位办托，新增普惠性托位',
      '实施健康儿童行动，在各镇街卫生院全面开展0—6岁儿童眼保健、视力检查和儿童早期发展服务',
      '落实预防艾滋病、梅毒和乙肝母婴传播工作，孕产妇三病检测做到应检尽检',
    ],
    problem: '城乡之间妇幼健康服务能力不均衡，部分镇卫生院妇幼保健和儿科专业人员不足',
    cause: '基层妇幼专业人员招聘难、留住难，部分镇街服务设施和设备配置相对滞后',
    countermeasure: '通过区镇一体化管理和对口帮扶向基层下沉专业人员，完善妇幼健康信息化管理，加强质量控制',
    next: '继续实施母婴安全行动提升计划和健康儿童行动提升计划，扩大普惠托育服务供给',
  },
  区统计局: {
    focus: '妇女儿童发展统计监测',
    practices: [
      '牵头监测组，制定监测指标统计制度，组织成员单位按年度报送监测数据并逐项审核',
      '编制年度统计监测报告，向区妇儿工委报告规划目标进展和预警指标情况',
      '推动分性别统计，将妇女儿童相关指标纳入常规统计调查和统计年鉴',
      '对波动较大的指标会同数据来源单位核实口径，提高监测数据质量',
    ],
    problem: '部分指标缺少区级统计来源，需依靠部门行政记录和抽样调查，数据连续性不强',
    cause: '部分指标统计口径随上级调整而变化，部门之间数据共享机制尚不健全',
    countermeasure: '完善监测指标数据来源和口径说明，建立部门数据共享和异常数据核查机制',
    next: '做好终期监测数据汇总和新一轮规划监测指标体系衔接',
  },
  区财政局: {
    focus: '妇女儿童事业发展经费保障',
    practices: [
      '将妇女儿童发展规划实施所需经费纳入年度财政预算，随财力增长逐步增加投入',
      '保障“两癌”筛查、孕产妇和儿童健康服务、儿童之家建设等项目资金及时足额拨付',
      '落实学前教育生均公用经费和困难学生资助资金',
      '开展妇女儿童项目资金绩效评价，提高资金使用效益',
    ],
    problem: '部分项目资金绩效目标设置不够细化，绩效评价结果运用不够充分',
    cause: '部门预算编制中对妇女儿童项目的绩效目标研究不够，评价指标体系有待完善',
    countermeasure: '细化妇女儿童项目绩效目标，强化绩效评价结果与预算安排挂钩',
    next: '继续保障妇女儿童重点项目经费，加强资金绩效管理',
  },
  区教育局: {
    focus: '促进教育公平、保障儿童受教育权利',
    practices: [
      '新建、改扩建公办幼儿园，扩大普惠性学前教育资源，推进学前教育普及普惠',
      '落实“双减”要求，规范课后服务，中小学课后服务实现全覆盖',
      '开展儿童青少年近视防控和体质健康监测，保障中小学生每天校内体育活动时间',
      '配齐配强心理健康教育教师，建立学生心理健康筛查和危机干预机制',
      '会同区妇联办好家长学校，将家庭教育指导纳入学校工作计划',
    ],
    problem: '学前教育优质资源分布不均，城区幼儿园学位紧张与农村园生源不足并存',
    cause: '城区人口集聚较快，学位建设周期长；部分农村园师资力量和保教质量有待提升',
    countermeasure: '优化学前教育布局，推进城乡幼儿园结对帮扶，加强幼儿教师和心理健康教育教师培训',
    next: '持续推进学前教育普及普惠和义务教育优质均衡发展，深化儿童青少年近视防控',
  },
  区民政局: {
    focus: '儿童福利和困境妇女儿童关爱保护',
    practices: [
      '健全困境儿童分类保障制度，按时调整孤儿和事实无人抚养儿童基本生活保障标准，资金足额发放',
      '推进村（社区）儿童之家建设，儿童主任、镇街儿童督导员实现全覆盖并开展常态化培训',
      '开展农村留守儿童和困境儿童关爱服务，落实“一人一档”动态管理',
      '在婚姻登记处设立婚姻家庭辅导室，开展婚前辅导和婚姻家庭纠纷调适服务',
    ],
    problem: '儿童之家功能发挥不够充分，部分村（社区）儿童之家活动开展不经常',
    cause: '儿童主任多为兼职，专业能力不足；社会组织参与儿童服务的力量较弱',
    countermeasure: '加强儿童主任专业培训，引入社会工作服务机构，推动儿童之家规范化运营',
    next: '完善未成年人保护工作协调机制，提升儿童之家和未成年人救助保护机构服务质量',
  },
  区人力资源和社会保障局: {
    focus: '促进妇女就业创业、维护女职工劳动权益',
    practices: [
      '实施就业优先政策，举办“春风行动”“就业援助月”等专场招聘会，帮扶农村妇女和就业困难女性实现就业',
      '开展家政服务、育婴员、养老护理员等职业技能培训，落实妇女创业担保贷款政策',
      '督促用人单位落实女职工劳动保护特别规定，开展劳动用工和工资支付专项检查',
      '推进城乡居民基本养老保险扩面，引导灵活就业妇女参保',
    ],
    problem: '部分农村妇女和大龄女性就业技能单一，实现稳定就业仍有困难',
    cause: '产业结构调整带来岗位需求变化，技能培训内容与市场需求衔接不够紧密',
    countermeasure: '推行订单式、定向式技能培训，加强基层就业服务站点建设，落实创业扶持政策',
    next: '继续实施重点群体就业帮扶，加强女职工劳动权益保障',
  },
  区妇联: {
    focus: '家庭家教家风建设和妇女儿童维权服务',
    practices: [
      '依托家长学校和“家庭教育大讲堂”开展家庭教育指导服务，推动家庭教育指导服务站点进社区',
      '开展“最美家庭”寻访和文明家庭创建，推动家庭家教家风建设',
      '会同公安、民政、法院建立反家庭暴力联动机制，为家暴受害妇女提供法律援助和心理疏导',
      '实施“巾帼建功”行动，开展农村妇女手工编织、电商直播等技能培训，帮扶妇女创业就业',
      '组织适龄妇女参加“两癌”筛查宣传动员，为患病困难妇女争取“两癌”救助金',
    ],
    problem: '家庭教育指导服务覆盖不够均衡，农村地区服务供给相对不足',
    cause: '基层妇联执委和家庭教育指导师数量有限，服务阵地和经费保障不足',
    countermeasure: '壮大家庭教育指导师队伍，推动家庭教育指导服务向村（社区）延伸',
    next: '深化家庭家教家风建设，持续做好妇女儿童维权服务和反家暴工作',
  },
  // The public security bureau is named after its district (公安…分局): keyed by its code.
  gaj: {
    focus: '依法打击侵害妇女儿童权益违法犯罪',
    practices: [
      '依法严厉打击拐卖妇女儿童、性侵未成年人等违法犯罪，落实侵害未成年人案件强制报告制度',
      '规范家庭暴力警情处置，依法出具告诫书，协助法院执行人身安全保护令',
      '开展校园及周边治安整治，落实“护学岗”制度，加强儿童交通安全宣传教育',
      '开展防范电信网络诈骗宣传进社区、进校园，提高妇女和学生防骗意识',
    ],
    problem: '涉及未成年人的网络违法犯罪呈现新特点，线索发现和调查取证难度较大',
    cause: '网络违法犯罪手段隐蔽、更新快，部分家长和学校对未成年人网络风险防范意识不强',
    countermeasure: '加强与学校、网信等部门的协作，开展未成年人网络安全宣传教育，提高线索发现能力',
    next: '继续严厉打击侵害妇女儿童权益违法犯罪，深化校园周边治安整治',
  },
  区司法局: {
    focus: '妇女儿童法治宣传和法律服务',
    practices: [
      '将妇女儿童权益保障法律法规纳入“八五”普法重点内容，开展“法律进家庭”“法治进校园”活动',
      '对妇女儿童申请法律援助优先受理、优先指派，扩大法律援助覆盖面',
      '健全人民调解组织网络，做好婚姻家庭纠纷排查调处',
      '推动法治副校长、法治辅导员进校园，提升学生法治素养',
    ],
    problem: '法治宣传教育针对性不够强，农村妇女运用法律维护权益的意识有待增强',
    cause: '普法形式较为单一，基层公共法律服务力量不足',
    countermeasure: '运用新媒体开展精准普法，加强村（社区）公共法律服务站点建设',
    next: '深入实施“八五”普法规划，提升妇女儿童法律援助服务质量',
  },
  区总工会: {
    focus: '女职工权益保护和关心关爱',
    practices: [
      '推动企业签订女职工权益保护专项集体合同，将女职工特殊权益保护条款纳入集体协商',
      '建设“爱心妈咪小屋”，改善女职工孕期、哺乳期休息条件',
      '开展女职工“两癌”筛查和健康讲座，为困难女职工提供帮扶',
      '开展女职工劳动竞赛和技能培训，选树巾帼建功先进典型',
    ],
    problem: '部分非公企业女职工专项集体合同签订质量不高，履约监督不到位',
    cause: '非公企业工会组织力量薄弱，部分企业经营者对女职工权益保护认识不足',
    countermeasure: '加强对非公企业工会的指导，开展集体合同履约情况检查',
    next: '推动女职工权益保护专项集体合同提质扩面，继续推进“爱心妈咪小屋”建设',
  },
  区委组织部: {
    focus: '培养选拔女干部、促进妇女参与决策和管理',
    practices: [
      '在干部选拔任用中注重培养选拔女干部，区管领导班子按要求配备女干部',
      '选派优秀年轻女干部参加主体班次培训和基层挂职锻炼，加强实践历练',
      '在村（社区）“两委”换届中落实女性成员比例要求',
      '注重在优秀女性中发展党员，加强女党员教育管理',
    ],
    problem: '女干部在部分领域和层级分布不够均衡，正职女干部比例偏低',
    cause: '女干部来源渠道较窄，部分女干部缺乏多岗位历练',
    countermeasure: '建立优秀年轻女干部人才库，加强跟踪培养和多岗位锻炼',
    next: '继续加大女干部培养选拔力度，落实妇女参与决策和管理的各项要求',
  },
  区医疗保障局: {
    focus: '妇女儿童医疗保障',
    practices: [
      '将生育医疗费用纳入医保支付范围，按规定落实生育津贴，提高生育保障待遇',
      '落实儿童先天性心脏病、白血病等重大疾病医疗保障和困难群众医疗救助',
      '做好新生儿和在校学生参加城乡居民医保工作，推进参保扩面',
      '推进医保经办服务下沉，生育保险待遇在镇街实现“一站式”办理',
    ],
    problem: '灵活就业人员和流动人口中部分妇女儿童参保连续性不强',
    cause: '部分群众参保缴费意识不强，人员流动性大，参保信息比对不够及时',
    countermeasure: '加强与教育、卫生健康、民政等部门的数据共享，做好参保动员和断保提醒',
    next: '巩固基本医保参保覆盖面，完善生育保障和困难群众医疗救助',
  },
  区残联: {
    focus: '残疾妇女儿童康复和就业服务',
    practices: [
      '落实残疾儿童康复救助制度，为0—6岁残疾儿童提供手术、辅助器具适配和康复训练',
      '开展残疾人职业技能培训和就业援助，扶持残疾妇女居家就业',
      '推进困难残疾人家庭无障碍改造',
      '加强定点康复机构管理，提升康复服务质量',
    ],
    problem: '康复专业人员不足，部分残疾儿童家庭就近康复的需求难以满足',
    cause: '定点康复机构主要集中在城区，专业康复人员培养周期长',
    countermeasure: '扩大定点康复机构覆盖面，加强康复专业人员培训',
    next: '继续落实残疾儿童康复救助，提升残疾妇女就业服务水平',
  },
  区体育局: {
    focus: '妇女儿童全民健身和青少年体育',
    practices: [
      '完善全民健身设施，更新健身路径，建设社区多功能运动场',
      '举办女性健身培训班和广场舞、健步走等全民健身赛事活动',
      '推进青少年体育俱乐部和体育传统特色学校建设，开展青少年体育技能培训',
      '推动公共体育场馆免费或低收费开放',
    ],
    problem: '农村地区健身设施数量和种类不足，适合妇女和儿童的健身项目较少',
    cause: '场地资源有限，社会体育指导员数量不足',
    countermeasure: '利用边角地建设小型健身场地，培养社会体育指导员，丰富妇女和儿童健身项目',
    next: '继续完善全民健身公共服务体系，深化体教融合',
  },
  区人民法院: {
    focus: '妇女儿童权益司法保护',
    practices: [
      '设立少年家事审判团队，对涉及未成年人的婚姻家庭案件开展社会观护和心理疏导',
      '依法及时签发人身安全保护令，加大对家庭暴力受害人的保护力度',
      '在离婚案件中发出“关爱未成年人提示”，引导父母依法履行抚养义务',
    ],
    problem: '家事案件中心理疏导、社会观护等延伸服务的专业力量不足',
    cause: '专职家事调查员和心理咨询人员较少，与社会力量的衔接机制还不完善',
    countermeasure: '引入专业社工和心理咨询力量，完善家事审判与妇联、民政等部门的联动机制',
    next: '深化少年家事审判改革，加强妇女儿童权益司法保护',
  },
  区人民检察院: {
    focus: '未成年人检察和妇女儿童权益保护',
    practices: [
      '依法从严惩治侵害未成年人犯罪，落实“一站式”询问、救助机制',
      '开展未成年人保护检察公益诉讼，督促整改校园周边安全隐患',
      '督促落实强制报告和密切接触未成年人行业入职查询制度',
    ],
    problem: '强制报告制度在部分行业落实不到位，案件线索发现不够及时',
    cause: '部分密切接触未成年人行业从业人员对报告义务认识不足',
    countermeasure: '会同教育、卫生健康等部门开展强制报告制度培训和落实情况检查',
    next: '深化未成年人综合司法保护，做实未成年人检察公益诉讼',
  },
  团区委: {
    focus: '青少年思想引领和权益维护',
    practices: [
      '开展“青春自护”和未成年人保护宣传教育活动',
      '依托12355青少年服务台为青少年提供心理咨询和法律咨询',
      '实施“希望工程”助学项目，资助困难家庭学生',
    ],
    problem: '青少年服务阵地覆盖不够广，服务内容吸引力有待提升',
    cause: '基层团组织力量较弱，专业青少年社工数量不足',
    countermeasure: '推进“青少年之家”建设，培育青少年事务社工队伍',
    next: '持续做好青少年思想引领、权益维护和关爱服务',
  },
};

/** The units that have not sent their 评估报告 when the report is drafted: two with a draft, three with nothing. */
const EVALUATION_DRAFT = ['区科技局', '区商务局'];
const EVALUATION_MISSING = ['区委网信办', '区应急管理局', '区科协'];
/** The last year's 年度工作报告: a few units still on their draft. */
const LAST_REPORT_DRAFT = ['区科技局', '区水务局', '区科协'];
/**
 * …and the demo users' units (wjw, jyj), still filling in the last year's data round (generate.ts), have not
 * begun it: signing in as them, one writes and submits it.
 */
const LAST_REPORT_UNWRITTEN = ['区卫生健康委', '区教育局'];

const GENERIC_PROBLEMS = [
  '与其他成员单位的协同配合还不够紧密，部分工作停留在面上',
  '工作台账和数据佐证材料不够规范，基层落实情况掌握不够及时',
  '面向妇女儿童的服务项目宣传不够，群众知晓率有待提高',
];
const GENERIC_CAUSES = [
  '部门之间信息共享和工作会商机制还不健全',
  '负责规划实施工作的人员多为兼职，业务培训不足',
  '基层工作力量有限，宣传渠道和形式较为单一',
];

/** How a unit without a profile goes about a measure, one way per measure so that the list does not repeat. */
const GENERIC_WAYS = [
  '，制定年度工作计划，按季度调度推进',
  '，纳入部门重点工作清单，明确责任科室',
  '，会同相关成员单位定期会商、协同落实',
  '，加强对基层落实情况的督促检查',
];

/** What a unit says it learnt, one of a few in turn so that the report does not repeat one sentence. */
const LESSONS = [
  '主要经验是把规划目标任务纳入部门年度重点工作，与业务工作同部署、同考核。',
  '主要经验是坚持部门协同，与相关成员单位建立常态化会商和信息共享机制。',
  '主要经验是坚持问题导向，对滞后指标逐项分析、跟踪问效。',
  '主要经验是坚持资源下沉，把服务延伸到镇街和村（社区）。',
];

const ordinals = ['一是', '二是', '三是'];

export interface DemoDocumentsOptions {
  folderId: string;
  /** The last year with data (default: the cycle's last year); the 评估报告 only once the cycle has ended. */
  lastYear?: number;
  /** Each year as judged then (judgedByYear): a unit's report names what lagged then. */
  judged: Map<number, Analysis>;
  /** Steps dated after now are not taken (the first start of a demo shows the cycle as of today). */
  now?: Date;
}

/** Writes and submits the member units' documents of the cycle; answers how many were saved. */
export async function generateDemoDocuments(db: Db, options: DemoDocumentsOptions): Promise<number> {
  const now = options.now ?? new Date();
  const cycle = await documentCycle(db, options.folderId);
  const lastYear = Math.min(options.lastYear ?? cycle.end, cycle.end);
  const units = await db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.kind, 'member'), eq(orgUnit.active, true)))
    .orderBy(asc(orgUnit.position));
  const measures = await db
    .select({ unitId: responsibility.unitId, role: responsibility.role, title: measure.title })
    .from(responsibility)
    .innerJoin(measure, eq(measure.id, responsibility.measureId))
    .innerJoin(domain, eq(domain.id, measure.domainId))
    .innerJoin(plan, eq(plan.id, domain.planId))
    .where(eq(plan.folderId, options.folderId))
    .orderBy(asc(measure.id));
  let saved = 0;
  async function put(
    unitId: number,
    kind: Parameters<typeof saveDocument>[2]['kind'],
    year: number,
    sections: Record<string, string>,
    savedOn: string,
    submit: boolean,
  ) {
    const at = day(savedOn);
    if (at > now) return;
    const doc = await saveDocument(
      db,
      DEMO_ACTOR,
      { folderId: options.folderId, unitId, kind, year, sections, expectedVersion: 0 },
      { at },
    );
    saved++;
    if (submit) await submitDocument(db, DEMO_ACTOR, doc, { at: new Date(at.getTime() + 2 * 3_600_000) });
  }

  for (const [k, unit] of units.entries()) {
    const led = measures.filter((m) => m.unitId === unit.id && m.role === 'lead').map((m) => m.title);
    const helped = measures.filter((m) => m.unitId === unit.id && m.role === 'partner').map((m) => m.title);
    const profile = PROFILES[unit.name] ?? PROFILES[unit.code] ?? genericProfile(unit.name, led, helped, k);
    const mine = (year: number) =>
      (options.judged.get(year)?.indicators ?? []).filter((i) => i.leadUnit?.id === unit.id);

    await put(
      unit.id,
      'implementation_plan',
      cycle.start,
      { summary: implementationPlan(unit.name, profile, led, cycle) },
      `${cycle.start}-06-${String(10 + (k % 18)).padStart(2, '0')}`,
      true,
    );
    for (let year = cycle.start; year <= lastYear; year++) {
      const i = year - cycle.start;
      const isLast = year === cycle.end;
      if (isLast && LAST_REPORT_UNWRITTEN.includes(unit.name)) continue;
      const sections = annualReport(profile, year, i, lagging(mine(year), year === cycle.end));
      // Reports reach the office in January and February; a few units still have the last one in draft.
      const savedOn = `${year + 1}-0${1 + ((k + i) % 2)}-${String(8 + ((k * 3 + i) % 18)).padStart(2, '0')}`;
      await put(
        unit.id,
        'annual_work_report',
        year,
        sections,
        savedOn,
        !(isLast && LAST_REPORT_DRAFT.includes(unit.name)),
      );
    }
    if (lastYear < cycle.end || EVALUATION_MISSING.includes(unit.name)) continue;
    const final = mine(cycle.end);
    await put(
      unit.id,
      'evaluation_report',
      cycle.end,
      { summary: evaluationSummary(k, profile, final, cycle) },
      `${cycle.end + 1}-01-${String(5 + (k % 20)).padStart(2, '0')}`,
      !EVALUATION_DRAFT.includes(unit.name),
    );
  }
  return saved;
}

type Lag = { name: string; how: string };

/** The unit's indicators that lagged as of a year: not on course for the target, or (final year) not met. */
function lagging(indicators: IndicatorAnalysis[], finalYear: boolean): Lag[] {
  const out: Lag[] = [];
  for (const i of indicators) {
    const r = i.result;
    if (finalYear && r.finalCategory && ['未实现', '基本实现', '未实现（方向未达）'].includes(r.finalCategory)) {
      const how = {
        基本实现: '尚未完全达到规划目标值',
        未实现: '未实现规划目标',
        '未实现（方向未达）': '未实现规划要求的变化',
      }[r.finalCategory as '基本实现' | '未实现' | '未实现（方向未达）'];
      out.push({ name: i.name, how });
    } else if (r.status === '预计达标困难') out.push({ name: i.name, how: '按目前进度如期达标有困难' });
    else if (r.status === '未达标') out.push({ name: i.name, how: '尚未达到规划目标值' });
  }
  return out;
}

function lagText(lags: Lag[]): string {
  const shown = lags.filter((l, j) => lags.findIndex((o) => o.name === l.name) === j).slice(0, 3);
  const groups = [...new Set(shown.map((l) => l.how))].map(
    (how) =>
      `${shown
        .filter((l) => l.how === how)
        .map((l) => l.name)
        .join('、')}${how}`,
  );
  return groups.join('，');
}

function annualReport(p: Profile, year: number, i: number, lags: Lag[]): Record<string, string> {
  const n = p.practices.length;
  const done = [p.practices[i % n], p.practices[(i + 1) % n], p.practices[(i + 2) % n]]
    .filter((x, j, all): x is string => Boolean(x) && all.indexOf(x) === j)
    .map((x, j) => `${ordinals[j]}${x}`);
  return {
    implementation: `${p.opening ?? `围绕${p.focus}`}，将规划任务纳入本单位${year}年工作要点。${done.join('；')}。`,
    problems: lags.length ? `${lagText(lags)}；${p.problem}。` : `${p.problem}。`,
    causes: lags.length ? `${p.cause}；对进展滞后指标的分析研判和推进力度还不够。` : `${p.cause}。`,
    countermeasures: lags.length
      ? `对进展滞后的指标逐项分析原因，明确时间节点和责任科室；${p.countermeasure}。`
      : `${p.countermeasure}。`,
    nextYear: `${year + 1}年，${p.next}。`,
  };
}

function implementationPlan(unitName: string, p: Profile, led: string[], cycle: { start: number; end: number }) {
  const tasks = led.length ? `本单位牵头落实“${led.slice(0, 3).join('”“')}”等${led.length}项策略措施，` : '';
  return `为落实${cycle.start}—${cycle.end}年妇女儿童发展规划，${unitName}制定本实施方案。${tasks}围绕${p.focus}，重点做好以下工作：${p.practices
    .slice(0, 3)
    .map((x, j) => `${ordinals[j]}${x}`)
    .join('；')}。各项任务分解到责任科室，每年年底报送年度工作报告。`;
}

function evaluationSummary(
  k: number,
  p: Profile,
  indicators: IndicatorAnalysis[],
  cycle: { start: number; end: number },
): string {
  const first = p.practices
    .slice(0, 3)
    .map((x, j) => `${ordinals[j]}${x}`)
    .join('；');
  const lags = lagging(indicators, true);
  const met = indicators.filter((i) => ['已实现', '趋势向好'].includes(i.result.finalCategory ?? '')).length;
  const rest = indicators.length - met - lags.length;
  const tally = indicators.length
    ? `本单位牵头的${indicators.length}项监测指标中，${[
        met ? `${met}项实现规划目标或规划要求的变化` : '',
        lags.length ? `${lagText(lags)}，将纳入下一周期重点推进` : '',
        rest > 0 ? `${rest}项变化趋势尚不明显或数据待确认` : '',
      ]
        .filter(Boolean)
        .join('；')}。`
    : '';
  return `${cycle.start}—${cycle.end}年，${p.opening ?? `围绕${p.focus}`}，${first}。${LESSONS[k % LESSONS.length]}${tally}存在的主要问题是${p.problem}，下一步将${p.countermeasure}。`;
}

/** A unit without a written profile: its work is the measures it leads, or helps with. */
function genericProfile(unitName: string, led: string[], helped: string[], k: number): Profile {
  const tasks = led.length ? led : helped;
  const verb = led.length ? '牵头' : '配合';
  const practices = tasks.length
    ? tasks.slice(0, 4).map((t, j) => `${t.replace(/。$/, '')}${GENERIC_WAYS[(j + k) % GENERIC_WAYS.length]}`)
    : ['明确分管负责同志和责任科室，将妇女儿童发展纳入本单位年度工作安排', '配合相关成员单位做好监测数据报送'];
  return {
    focus: '规划分工任务',
    opening: tasks.length ? `按照规划分工，${verb}落实${tasks.length}项策略措施` : '按照规划分工，结合部门职能',
    practices,
    problem: GENERIC_PROBLEMS[k % GENERIC_PROBLEMS.length] as string,
    cause: GENERIC_CAUSES[k % GENERIC_CAUSES.length] as string,
    // Three items (；) as units write them: the first and last are said by many units, the task is the unit's own.
    countermeasure: `完善部门协作机制；${tasks.length ? `抓好“${tasks[0]}”等任务落实；` : ''}加强规划实施工作人员培训`,
    next: `结合${unitName}职能，继续落实规划分工任务`,
  };
}
