import type { Db } from '../../db/connection.ts';
import type { Analysis, IndicatorAnalysis } from '../analysis/index.ts';
import type { Actor } from '../audit/index.ts';
import { issueNotice, stepNotice } from '../supervision/index.ts';

// 演示数据 for 预警督办: each spring the office supervises a few of the previous year's warnings (预计达标困难 first,
// then 波动较大) with the indicator's lead unit; the unit answers with causes, measures and the expected effect by
// the end of June and the office closes it in July. One notice is asked again before it is closed, one answered
// late; of the last batch one waits to be closed and one is left unanswered, overdue. Dates stay inside the cycle.

const OFFICE: Actor = { userId: null, username: '演示数据生成', unitName: '区妇儿工委办公室', ip: null };
const PER_YEAR = 3;

/** Beijing noon of a day, as an instant. */
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);

interface Answer {
  causes: string;
  measures: string;
  expectedEffect: string;
}

/**
 * What the unit says: by what the indicator measures (its name), else by its field of work (its domain); the report
 * quotes these after the indicator's and the unit's names, so they name neither.
 */
const CAUSES: { match: RegExp; cause: string; measure: string }[] = [
  {
    match: /死亡率/,
    cause: '危重孕产妇和新生儿转诊救治链条仍有薄弱环节，基层产科、儿科医生处置能力不足，流动人口孕产期保健管理难度较大',
    measure: '开展危重孕产妇和新生儿救治技能培训和应急演练，完善区镇两级转诊机制，对每例死亡病例开展评审',
  },
  {
    match: /母乳/,
    cause: '母乳喂养宣传指导不够深入，部分用人单位和公共场所母婴设施不足，职业女性产后返岗早',
    measure: '在产科、儿保门诊开展母乳喂养咨询指导，推动用人单位和公共场所建设母婴室',
  },
  {
    match: /龋/,
    cause: '儿童口腔保健意识不强，含糖食品摄入偏多，窝沟封闭等预防措施覆盖不够',
    measure: '联合学校开展口腔健康检查和窝沟封闭，加强家长和儿童口腔健康教育',
  },
  {
    match: /视力|近视|肥胖|体质/,
    cause: '学生课业和电子产品使用时间较长，校内外健康干预合力不足，家长防控意识不强',
    measure: '联合学校开展视力和体质健康筛查干预，保障户外活动时间，加强家长健康教育',
  },
  {
    match: /筛查|检查|管理率|覆盖率|保健医生|接种/,
    cause: '基层妇幼保健和儿科专业人员不足，部分镇街筛查、随访等服务覆盖不到位',
    measure: '向基层下沉专业人员，开展专项培训，对服务覆盖偏低的镇街逐一督导',
  },
  {
    match: /女干部|女性比例|女代表|女委员|女性成员/,
    cause: '女性人才储备和来源渠道不足，换届和干部选拔中比例要求落实不够严格',
    measure: '建立优秀女性人才库，在换届和干部选拔中严格落实比例要求，加强跟踪培养',
  },
  {
    match: /犯罪|侵害|伤害|溺水|事故/,
    cause: '预防宣传教育覆盖不够，部门之间的信息通报和协作机制还不顺畅，家庭监护存在薄弱环节',
    measure: '建立部门联动和信息通报机制，开展进校园、进社区预防宣传，加强重点人群排查和帮扶',
  },
  {
    match: /水质|饮用水|厕所|空气|污水/,
    cause: '部分镇村基础设施建设进度滞后，项目资金到位较慢，日常运维管理不到位',
    measure: '将相关项目纳入年度重点建设计划，加快资金拨付和工程进度，落实日常运维责任',
  },
  {
    match: /受教育|入园|入学|在园|学前/,
    cause: '学位供给和师资配置跟不上城区人口增长，部分农村学校和幼儿园办学条件相对薄弱',
    measure: '加快学校和幼儿园建设，推进城乡学校结对帮扶，加强教师队伍建设',
  },
  {
    match: /就业|参保|保险|收入/,
    cause: '部分妇女就业技能单一、参保意识不强，政策宣传不够深入',
    measure: '开展订单式技能培训和参保扩面专项行动，加强政策宣传和上门服务',
  },
];
const BY_DOMAIN: { match: RegExp; cause: string; measure: string }[] = [
  {
    match: /福利|家庭/,
    cause: '基层儿童主任、社工等服务力量不足，部分服务阵地作用发挥不充分',
    measure: '加强儿童主任和社工队伍培训，规范儿童之家和家庭服务站点运营',
  },
];
const DEFAULT_CAUSE = {
  cause: '相关工作推进力度不够，各镇街进展不平衡，经费和人员保障不足',
  measure: '制定专项推进方案，明确时间节点和责任科室，按月调度',
};

function answerFor(item: IndicatorAnalysis, year: number, cycleEnd: number): Answer {
  const known =
    CAUSES.find((c) => c.match.test(item.name)) ??
    BY_DOMAIN.find((c) => c.match.test(item.domainName)) ??
    DEFAULT_CAUSE;
  if (item.result.warning?.kinds.includes('预计达标困难')) {
    return {
      causes: `${known.cause}。`,
      measures: `${known.measure}，每季度分析一次进展。`,
      expectedEffect: `${year + 1}年明显改善，${cycleEnd}年实现规划目标。`,
    };
  }
  return {
    causes: `年度间波动主要是统计范围调整和服务对象基数变化所致，经核实数据来源准确；同时${known.cause}。`,
    measures: `统一统计口径，建立数据逐级审核和异常值核查机制；${known.measure}。`,
    expectedEffect: `${year + 1}年起数据口径保持一致，指标平稳向好。`,
  };
}

export interface DemoSupervisionOptions {
  folderId: string;
  from: number;
  to: number;
  cycleEnd: number;
  /** Each year as judged then (judgedByYear). */
  judged: Map<number, Analysis>;
  now?: Date;
}

/** Issues, answers and closes the demo 督办单; answers how many were issued. */
export async function generateDemoSupervision(db: Db, options: DemoSupervisionOptions): Promise<number> {
  const now = options.now ?? new Date();
  // Warnings of from..to-1, each supervised the next spring: the last batch is issued in the year `to`.
  const lastWarned = options.to - 1;
  let issued = 0;
  for (let year = options.from; year <= lastWarned; year++) {
    const spring = year + 1;
    if (day(`${spring}-04-15`) > now) break;
    const analysis = options.judged.get(year);
    if (!analysis) continue;
    const warned = analysis.indicators
      .filter((i) => i.result.warning && i.leadUnit && i.result.year === year)
      .sort(
        (a, b) =>
          Number(b.result.warning!.kinds.includes('预计达标困难')) -
            Number(a.result.warning!.kinds.includes('预计达标困难')) || a.code.localeCompare(b.code),
      );
    // Spread over the indicators rather than always the first few of the list.
    const picked = [...new Set(warned.map((_, j) => (j * 7 + year) % warned.length))]
      .slice(0, PER_YEAR)
      .map((j) => warned[j] as IndicatorAnalysis);
    const lastBatch = year === lastWarned;
    for (const [k, item] of picked.entries()) {
      const issuedOn = `${spring}-04-${15 + k}`;
      const deadline = `${spring}-06-30`;
      let notice = await issueNotice(
        db,
        OFFICE,
        {
          indicatorId: item.id,
          requirement: `${item.name}${year}年出现“${item.result.warning!.kinds.join('、')}”预警。请${item.leadUnit!.name}深入分析原因，制定整改措施，明确时间节点，于${deadline}前反馈整改情况。`,
          deadline,
          basis: analysis.basis,
          analysis,
        },
        { at: day(issuedOn), notify: false },
      );
      issued++;
      // The last batch: the second left unanswered (overdue), the third answered and waiting to be closed.
      if (lastBatch && k === 1) continue;
      const late = !lastBatch && k === 2 && year % 2 === 0;
      const answer = answerFor(item, year, options.cycleEnd);
      const answeredOn = late ? `${spring}-07-12` : `${spring}-06-${20 + k}`;
      if (day(answeredOn) > now) continue;
      const unit: Actor = { ...OFFICE, unitName: item.leadUnit!.name };
      notice = await stepNotice(db, unit, notice, 'answer', { ...answer }, { at: day(answeredOn), notify: false });
      if (lastBatch && k === 2) continue;
      // Once in the cycle the office finds the first answer too thin and asks again.
      if (year === options.from + 1 && k === 0) {
        notice = await stepNotice(
          db,
          OFFICE,
          notice,
          'ask_again',
          { comment: '整改措施针对性不强，请细化到各镇街并明确完成时限。', deadline: `${spring}-08-31` },
          { at: day(`${spring}-07-05`), deadline: `${spring}-08-31`, notify: false },
        );
        notice = await stepNotice(
          db,
          unit,
          notice,
          'answer',
          {
            ...answer,
            measures: `${answer.measures}已将任务分解到各镇街，明确每季度完成进度，由分管负责同志牵头调度。`,
          },
          { at: day(`${spring}-08-25`), notify: false },
        );
      }
      const closedOn = year === options.from + 1 && k === 0 ? `${spring}-09-10` : `${spring}-07-${20 + k}`;
      await stepNotice(
        db,
        OFFICE,
        notice,
        'close',
        { comment: '整改措施具体可行，同意办结，请持续跟踪。' },
        {
          at: day(closedOn),
          notify: false,
        },
      );
    }
  }
  return issued;
}
