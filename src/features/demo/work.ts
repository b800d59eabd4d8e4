import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { area, goal, indicator, inspectionTarget, orgUnit, workTask } from '../../db/schema/index.ts';
import type { Actor } from '../audit/index.ts';
import { addFinding, addRectification, findFinding, planInspection } from '../inspections/index.ts';
import { recordMeeting } from '../meetings/index.ts';
import { stepTask } from '../tasks/index.ts';

// 演示数据 for 督导检查 and 议事协调: each year of the period an inspection of three units and a town in October
// with findings and 整改 items, a 妇儿工委全体会议 in March and a 联络员会议 in July with decisions, and 妇女儿童工作会
// at the start and the end of the cycle. Earlier years' items are answered and closed (one a little late); the
// last year's are left at different steps, so the task list and the reports have something to show.

const UNITS = [
  '区卫生健康委',
  '区教育局',
  '区民政局',
  '区人力资源和社会保障局',
  '区妇联',
  '区司法局',
  '区公安分局',
  '区体育局',
  '区残联',
  '区医疗保障局',
];

const FINDINGS: [string, 'good' | 'fair' | 'average' | 'poor', string][] = [
  [
    '规划目标任务已分解到科室，但部分指标数据佐证材料不全，台账不够规范。',
    'fair',
    '完善监测指标数据台账，补齐佐证材料',
  ],
  [
    '妇女儿童工作纳入年度重点工作，部分镇街服务覆盖率偏低，城乡差距较明显。',
    'average',
    '针对覆盖率偏低的镇街制定专项提升措施',
  ],
  ['实施方案落实较好，创新做法较多，建议总结经验在全区推广。', 'good', '总结典型经验，形成可推广的工作案例'],
  ['预警指标整改措施针对性不强，未明确时间节点和责任人。', 'poor', '细化预警指标整改措施，明确时间节点和责任人'],
];

const SYSTEM: Actor = { userId: null, username: '演示数据生成', unitName: null, ip: null };
const OFFICE = { role: 'office' as const, unitId: null, areaId: null };

/** Beijing noon of a day, as an instant. */
const day = (iso: string) => new Date(`${iso}T12:00:00+08:00`);

export async function generateDemoWork(db: Db, years: { from: number; to: number }, now = new Date()): Promise<void> {
  const units = await db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(inArray(orgUnit.name, UNITS));
  const ids = UNITS.map((n) => units.find((u) => u.name === n)?.id).filter((id): id is number => id !== undefined);
  if (ids.length < 4) return;
  const areas = await db.select({ id: area.id }).from(area).where(eq(area.active, true)).orderBy(asc(area.position));
  const goals = await db.select({ id: goal.id }).from(goal).orderBy(asc(goal.id)).limit(40);
  const indicators = await db.select({ id: indicator.id }).from(indicator).orderBy(asc(indicator.id)).limit(80);
  const unit = (i: number) => ids[i % ids.length] as number;
  const pickGoal = (i: number) => goals[(i * 7) % Math.max(goals.length, 1)]?.id;
  const pickIndicator = (i: number) => indicators[(i * 11) % Math.max(indicators.length, 1)]?.id;
  const last = years.to;

  /** Answers (and closes) a task on the given days, skipping days still to come. */
  async function progress(taskId: number, answerOn: string | null, closeOn: string | null, report: string) {
    const [row] = await db.select().from(workTask).where(eq(workTask.id, taskId));
    if (!row || !answerOn || day(answerOn) > now) return;
    const answered = await stepTask(db, SYSTEM, row, 'answer', { report }, { at: day(answerOn) });
    if (row.kind === 'rectification' && closeOn && day(closeOn) <= now) {
      await stepTask(db, SYSTEM, answered, 'close', { comment: '整改到位，同意办结' }, { at: day(closeOn) });
    }
  }

  for (let year = years.from; year <= years.to; year++) {
    const i = year - years.from;
    const isLast = year === last;

    // 督导检查, October.
    const targets = [unit(i * 3), unit(i * 3 + 1), unit(i * 3 + 2)];
    const links = [
      ...(pickGoal(i) ? [{ kind: 'goal' as const, id: pickGoal(i) as number }] : []),
      ...(pickIndicator(i) ? [{ kind: 'indicator' as const, id: pickIndicator(i) as number }] : []),
    ];
    const inspection = await planInspection(
      db,
      SYSTEM,
      {
        title: `${year}年度妇女儿童发展规划实施情况督导检查`,
        startDate: `${year}-10-16`,
        endDate: `${year}-10-20`,
        inspectors: '区妇儿工委办公室、区统计局（监测组）联合检查组',
        focus: '规划目标任务分解落实、监测指标数据质量、预警指标整改情况',
        unitIds: targets,
        areaIds: areas.length ? [(areas[i % areas.length] as { id: number }).id] : [],
        links,
      },
      { at: day(`${year}-10-08`), notify: false },
    );
    const targetRows = await db.select().from(inspectionTarget).where(eq(inspectionTarget.inspectionId, inspection.id));
    for (const [t, unitId] of targets.entries()) {
      const [text, rating, requirement] = FINDINGS[(i + t) % FINDINGS.length] as (typeof FINDINGS)[number];
      const mine = targetRows.find((r) => r.unitId === unitId);
      if (!mine) continue;
      const finding = await addFinding(
        db,
        SYSTEM,
        inspection,
        { targetId: mine.id, text, rating },
        day(`${year}-10-20`),
      );
      if (rating === 'good') continue;
      const found = await findFinding(db, OFFICE, finding.id);
      const task = await addRectification(
        db,
        SYSTEM,
        found,
        { unitId, content: requirement, deadline: `${year + 1}-01-31` },
        day(`${year}-10-28`),
      );
      if (!task) continue;
      const late = t === 1 && i % 2 === 1;
      const answerOn = isLast && t > 0 ? null : late ? `${year + 1}-02-12` : `${year + 1}-01-${10 + t * 5}`;
      const closeOn = isLast ? null : `${year + 1}-02-26`;
      await progress(
        task.id,
        answerOn,
        closeOn,
        `已${requirement.replace(/^完善|^针对|^细化/, '')}，相关材料已报区妇儿工委办公室。`,
      );
    }

    // 妇儿工委全体会议 in March, 联络员会议 in July; 妇女儿童工作会 at the start and the end of the cycle.
    const meetings = [
      {
        kind: 'plenary' as const,
        title: `${year}年区妇儿工委全体（扩大）会议`,
        heldOn: `${year}-03-2${(i % 5) + 1}`,
        host: '区政府分管副区长、区妇儿工委主任',
        agenda: [
          {
            title: `总结${year - 1}年度规划实施情况，部署${year}年重点工作`,
            links: pickGoal(i + 1) ? [{ kind: 'goal' as const, id: pickGoal(i + 1) as number }] : [],
          },
          { title: `审议${year - 1}年度妇女儿童发展规划监测报告`, links: [] },
        ],
        minutes: `会议听取了区妇儿工委办公室关于${year - 1}年度规划实施情况的汇报，审议了年度监测报告。\n会议强调，各成员单位要对照规划目标，抓好未达标和预警指标的整改落实。`,
        decisions: [
          {
            unitId: unit(i + 3),
            content: `牵头制定${year}年度妇女儿童工作要点，分解到各成员单位`,
            deadline: `${year}-04-30`,
          },
          { unitId: unit(i + 4), content: '对预警指标逐项分析原因，报送整改措施', deadline: `${year}-05-31` },
        ],
      },
      {
        kind: 'liaison' as const,
        title: `${year}年第二季度联络员会议`,
        heldOn: `${year}-07-1${i % 9}`,
        host: '区妇儿工委办公室主任',
        agenda: [
          {
            title: '通报上半年监测指标进展和预警情况',
            links: pickIndicator(i + 2) ? [{ kind: 'warning' as const, id: pickIndicator(i + 2) as number }] : [],
          },
        ],
        minutes:
          '会议通报了上半年监测指标进展，对预计达标困难的指标进行了提醒。\n会议要求各成员单位联络员做好年度数据填报准备。',
        decisions: [
          {
            unitId: unit(i + 5),
            content: '做好年度监测数据填报准备，核实数据来源和统计口径',
            deadline: `${year}-09-30`,
          },
        ],
      },
      ...(i === 0 || isLast
        ? [
            {
              kind: 'work_conference' as const,
              title: isLast ? `${year}年全区妇女儿童工作会议` : `${year}年全区妇女儿童工作会议暨“十四五”规划部署会`,
              heldOn: `${year}-0${isLast ? 9 : 4}-18`,
              host: '区委副书记、区长',
              agenda: [{ title: isLast ? '部署规划终期评估工作' : '部署“十四五”妇女儿童发展规划实施工作', links: [] }],
              minutes: isLast
                ? '会议全面总结了“十四五”妇女儿童发展规划实施情况，部署了终期评估工作。'
                : '会议印发了“十四五”妇女儿童发展规划，明确了各成员单位的目标任务。',
              decisions: [
                {
                  unitId: unit(i + 6),
                  content: isLast
                    ? '完成本单位规划实施情况终期自评，报送评估报告'
                    : '制定本单位规划实施方案并报区妇儿工委办公室',
                  deadline: isLast ? `${year + 1}-01-15` : `${year}-06-30`,
                },
              ],
            },
          ]
        : []),
    ];
    for (const [m, meeting] of meetings.entries()) {
      const { meeting: row } = await recordMeeting(
        db,
        SYSTEM,
        {
          ...meeting,
          place: '区行政中心会议室',
          unitIds: ids.slice(0, meeting.kind === 'liaison' ? 6 : ids.length),
          attendeePeople: meeting.kind === 'liaison' ? '各成员单位联络员' : '区妇儿工委委员、各成员单位分管负责同志',
        },
        { at: day(meeting.heldOn) },
      );
      const decisions = await db
        .select()
        .from(workTask)
        .where(eq(workTask.meetingId, row.id))
        .orderBy(asc(workTask.id));
      for (const [d, task] of decisions.entries()) {
        const open = isLast && (m + d) % 2 === 1;
        const onTime = (i + m + d) % 4 !== 3;
        const answerOn = open ? null : onTime ? shift(task.deadline, -7) : shift(task.deadline, 12);
        await progress(task.id, answerOn, null, '已按会议要求完成，相关材料已报区妇儿工委办公室。');
      }
    }
  }
}

function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
