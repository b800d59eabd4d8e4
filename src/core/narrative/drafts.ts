// Drafts of the report texts from an analysis: the opening verdict, a heading and a grouped text per domain, the
// warnings in plain words (the method's numbers go to the technical annex), 存在的问题 and 对策建议 (from the
// warnings, the 督办 answers and the units' work reports), and the final evaluation's sections. The office edits
// them before the report is generated; these are starting points. Every count printed comes from `figures()`.
import { contextText } from './context.ts';
import { achievedRate, domainHeading, domainText, type FinalCounts, finalCounts } from './domain.ts';
import { chineseNumber, excerpt, joinNames, ordinal, percent, sentence } from './format.ts';
import {
  changePhrase,
  type FinalJudgement,
  finalJudgement,
  isDirectionOnly,
  latestPair,
  targetShort,
} from './indicator.ts';
import {
  type Condensed,
  condense,
  condensedText,
  firstItems,
  itemsOf,
  type UnitStatement,
  whoWrote,
} from './statements.ts';
import type { DraftSection, NarrativeDomain, NarrativeIndicator, NarrativeInput, NarrativeRollup } from './types.ts';

/** Section keys; domain sections are keyed by the domain's code. */
export const KEY = {
  opening: 'opening',
  context: 'context',
  achievements: 'achievements',
  practices: 'practices',
  warnings: 'warnings',
  problems: 'problems',
  suggestions: 'suggestions',
  process: 'process',
  domainHeading: (code: string) => `domain.${code}.heading`,
  domainText: (code: string) => `domain.${code}.text`,
} as const;

/** Sums of the plans' roll-ups: the overall 达标率 of the plans in scope. */
export function overall(rows: readonly NarrativeRollup[]): { assessed: number; met: number; rate: number | null } {
  const assessed = rows.reduce((s, r) => s + r.assessed, 0);
  const met = rows.reduce((s, r) => s + r.met, 0);
  return { assessed, met, rate: assessed ? met / assessed : null };
}

/**
 * The indicators a report speaks of once: a statistic shared by both plans (sameAs) is counted and warned under the
 * indicator that holds its series when that one is in the report too.
 */
export function distinctIndicators(input: NarrativeInput): NarrativeIndicator[] {
  const codes = new Set(input.indicators.map((i) => i.code));
  return input.indicators.filter((i) => !(i.sameAs && codes.has(i.sameAs.code)));
}

export const isDifficult = (i: NarrativeIndicator) => Boolean(i.result.warning?.kinds.includes('预计达标困难'));
export const isVolatile = (i: NarrativeIndicator) => Boolean(i.result.warning?.kinds.includes('波动较大'));

/** Every count the texts print, computed once; the tables and the consistency test read the same figures. */
export function figures(input: NarrativeInput) {
  const all = overall(input.byPlan);
  const distinct = distinctIndicators(input);
  const warned = distinct.filter((i) => i.result.warning);
  const targetYear = Math.max(...input.plans.map((p) => p.cycleEnd));
  return {
    targetYear,
    assessed: all.assessed,
    met: all.met,
    rate: all.rate,
    warned: warned.length,
    difficult: warned.filter(isDifficult).length,
    volatile: warned.filter(isVolatile).length,
    both: warned.filter((i) => isDifficult(i) && isVolatile(i)).length,
    final: finalCounts(input.indicators),
    finalByPlan: input.plans.map((p) => ({
      plan: p,
      counts: finalCounts(input.indicators.filter((i) => i.planId === p.id)),
    })),
    stale: input.indicators.filter((i) => i.result.year !== null && i.result.year < input.year).length,
  };
}

function verdict(rate: number | null, kind: 'annual' | 'final'): string {
  if (rate === null) return '';
  if (kind === 'final') {
    if (rate >= 0.8) return '规划确定的主要目标总体实现';
    if (rate >= 0.6) return '规划确定的多数目标已经实现';
    return '规划目标部分实现，仍有较多指标未达到规划要求';
  }
  if (rate >= 0.8) return '规划实施总体进展顺利';
  if (rate >= 0.6) return '规划实施总体进展良好';
  if (rate >= 0.4) return '规划实施总体平稳推进，部分指标进展滞后';
  return '规划实施进展不平衡，较多指标尚未达到规划目标';
}

function planTitles(input: NarrativeInput): string {
  return input.plans.map((p) => `《${p.title}》`).join('和');
}

function period(input: NarrativeInput): string {
  const base = Math.min(...input.plans.map((p) => p.baseYear));
  return input.kind === 'final' ? `${base + 1}—${input.year}年` : `${input.year}年`;
}

/** 已实现12项、基本实现3项、未实现5项 (only the categories that occur). */
export function finalCountWords(c: FinalCounts): string {
  return [
    `已实现${c.已实现}项`,
    c.基本实现 ? `基本实现${c.基本实现}项` : '',
    `未实现${c.未实现}项`,
    c.数据待确认 ? `终期数据待确认${c.数据待确认}项` : '',
    c.无数据 ? `无数据${c.无数据}项` : '',
  ]
    .filter(Boolean)
    .join('、');
}

/** The opening paragraph: what was done, the overall verdict, each plan's figures, the data basis. */
export function openingText(input: NarrativeInput): string {
  const f = figures(input);
  const lines: string[] = [];
  if (input.kind === 'final') {
    const c = f.final;
    const rate = achievedRate(c);
    // 终期数据显示: the same words in the 统计局's monitoring report and the 妇儿工委办's evaluation report.
    let first = `${period(input)}，${input.region}深入贯彻实施${planTitles(input)}。终期数据显示，两个规划设定量化目标的指标${c.quantitative}项中，${finalCountWords(c)}`;
    if (input.plans.length === 1) first = first.replace('两个规划', '规划');
    // The 实现率 counts judged indicators only: while final-year data are pending, a verdict on the plan (多数目标
    // 已经实现) would rest on a minority of them, so the rate is given with its base and the verdict waits.
    const judged = c.已实现 + c.基本实现 + c.未实现;
    const pending = c.数据待确认;
    if (rate === null) first += '。';
    else if (pending > 0)
      first += `；按已有终期数据的${judged}项计算，实现率为${percent(rate)}，总体结论待终期数据确认后作出。`;
    else first += `，实现率为${percent(rate)}，${verdict(rate, 'final')}。`;
    if (f.finalByPlan.length > 1) {
      first += `其中，${f.finalByPlan.map(({ plan, counts }) => `${plan.shortTitle}${counts.quantitative}项中${finalCountWords(counts)}`).join('；')}。`;
    }
    if (c.directional) first += `方向性指标${c.directional}项中，${c.趋势向好}项实现了规划要求的变化。`;
    lines.push(first);
  } else {
    let first = `${input.year}年，${input.region}深入贯彻实施${planTitles(input)}，妇女儿童事业取得新进展。`;
    if (f.assessed > 0) {
      first += `监测显示，设有量化目标且有监测数据的指标${f.assessed}项中，${f.met}项已达到规划目标，达标率为${percent(f.rate)}，${verdict(f.rate, 'annual')}。`;
      if (input.byPlan.length > 1) {
        first += `其中，${input.byPlan
          .map((row) => {
            const p = input.plans.find((x) => x.id === row.group);
            return `${p?.shortTitle ?? row.group}${row.assessed}项中达标${row.met}项（${percent(row.rate)}）`;
          })
          .join('，')}。`;
      }
    }
    if (f.warned) {
      first += `监测预警指标${f.warned}项，其中预计达标困难${f.difficult}项、波动较大${f.volatile}项${f.both ? `（${f.both}项两类预警兼有）` : ''}。`;
    }
    lines.push(first);
  }
  const basis =
    input.basis === 'approved'
      ? '本报告采用统计部门审核确认的数据'
      : '本报告采用各单位报送的初步数据（含尚未审核确认的数据），正式数据以统计部门审核确认为准';
  lines.push(
    f.stale
      ? `${basis}；${f.stale}项指标尚无${input.year}年数据，采用最近年份数据，文中均注明数据年份。`
      : `${basis}。`,
  );
  return lines.join('\n');
}

/**
 * How a fluctuation reads in words, without the method's numbers (those are in the technical annex). `said`: the
 * year whose value the sentence has just given, which need not be named again.
 */
function fluctuationWords(kind: string, year: number | null, said: number | null): string | undefined {
  const when = year === null ? '当年' : year === said ? '' : `${year}年`;
  if (kind === 'jump') return `${when}较上年变化超过三成`;
  if (kind === 'band') return `${when}${when ? '数值' : ''}明显偏离前三年平均水平`;
  if (kind === 'zigzag') return '近年升降交替、年度间变化明显';
  return undefined;
}

/**
 * Why an indicator is warned, in plain words (no method numbers: those are the warning's `reasons`, shown behind
 * 计算依据 on the pages and in the technical annex of the reports). `targetYear`: the last year of the plan.
 */
export function plainWarning(i: NarrativeIndicator, targetYear: number): string {
  const r = i.result;
  const parts: string[] = [];
  const { value, year, prev, prevYear } = latestPair(i);
  // The change since the latest earlier value, whose year is named when it is not the year before (a gap).
  const change = (y: number) =>
    prev === null ? '' : `（${changePhrase(prev, value as number, i, prevYear === y - 1 ? '上年' : `${prevYear}年`)}）`;
  const now = value !== null && year !== null ? `${year}年为${valueWithUnit(i, value)}${change(year)}` : null;
  const difficult = isDifficult(i) && now !== null;
  if (difficult) {
    const how =
      r.difficulty === '逆向'
        ? '近年变化方向与规划要求相反'
        : r.difficulty === '方向未达'
          ? '近年总体未呈现规划要求的变化'
          : '进度慢于规划要求';
    const target = r.ruleKind === 'direction_only' ? `规划要求${targetShort(i)}` : `规划目标为${targetShort(i)}`;
    parts.push(`${now}，${target}，${how}，按目前进度到${targetYear}年达标有困难`);
  }
  if (isVolatile(i)) {
    // Said with the latest value when nothing before has said it.
    const withValue = !difficult && now !== null;
    const said = withValue ? year : null;
    const kinds = [
      ...new Set(
        (r.flags ?? []).map((f) => fluctuationWords(f.kind, f.year ?? year, said)).filter((w) => w !== undefined),
      ),
    ];
    const words = kinds.length ? kinds.join('，') : '年度间变化明显';
    parts.push(withValue ? `${now}，${words}` : words);
  }
  return sentence(parts.join('；'));
}

function valueWithUnit(i: NarrativeIndicator, v: number): string {
  const n = v.toFixed(i.precision ?? 1);
  return i.unit === '百分点' ? `${n}个百分点` : `${n}${i.unit}`;
}

/** The warnings section: the counts once, then one short line per warned indicator in plain words. */
export function warningsText(input: NarrativeInput): string {
  const f = figures(input);
  const list = distinctIndicators(input).filter((i) => i.result.warning);
  if (list.length === 0) return '本期监测未发现预计达标困难或波动较大的指标。';
  const cycleEnd = Math.max(...input.plans.map((p) => p.cycleEnd));
  const lines = [
    `本期监测预警指标${f.warned}项，其中预计达标困难${f.difficult}项、波动较大${f.volatile}项${f.both ? `（${f.both}项两类预警兼有）` : ''}。判断依据见附件“预警依据”。`,
  ];
  for (const i of list) {
    const lead = i.leadUnit ? `，${i.leadUnit.name}牵头` : '';
    lines.push(
      `${i.name}（${i.planTitle}${lead}）：${i.result.warning!.kinds.join('、')}。${plainWarning(i, cycleEnd)}`,
    );
  }
  return lines.join('\n');
}

function domainsOf(list: NarrativeIndicator[]): string {
  const names = [...new Set(list.map((i) => i.domainName))];
  return names.slice(0, 4).join('、');
}

/** Member units that have not reported, named — never "0家". */
function missingUnitsText(input: NarrativeInput, what: string): string {
  const missing = input.sources?.unitsMissing ?? [];
  if (!missing.length) return '';
  const shown = missing.slice(0, 8).join('、');
  return `截至报告起草时，${shown}${missing.length > 8 ? `等${missing.length}家单位` : ''}尚未提交${what}，相关内容待补充。`;
}

/**
 * The indicators of a final-evaluation category: their names once (a statistic both plans share is named once)
 * and their count as table 1 counts them (in each plan), so that the texts' counts add up to the table's.
 */
function finalGroup(input: NarrativeInput, judgements: FinalJudgement[]): { names: string[]; count: number } {
  const inGroup = (i: NarrativeIndicator) => judgements.includes(finalJudgement(i));
  return {
    names: distinctIndicators(input)
      .filter(inGroup)
      .map((i) => i.name),
    count: input.indicators.filter(inGroup).length,
  };
}

/** Names as joinNames lists them, with the count of table 1 where the list is cut or a name counts twice. */
function namesCounted({ names, count }: { names: string[]; count: number }): string {
  if (count === names.length) return joinNames(names);
  return `${names.slice(0, 6).join('、')}等${count}项指标`;
}

const UNFINISHED: FinalJudgement[] = ['未实现', '基本实现', '未实现（方向未达）'];

/**
 * The 督办 answers a report quotes. A final report quotes those on indicators still short of their target: a cause
 * given in 2022 for an indicator met by 2025 is no problem of the cycle, and would contradict 主要成效.
 */
function quotedSupervision(input: NarrativeInput): NarrativeInput['supervision'] {
  // One answer per indicator and unit, the latest (the answers come oldest first): a unit that gave the same cause in
  // two years is quoted once.
  const latest = [...new Map(input.supervision.map((s) => [`${s.indicatorName}|${s.unitName}`, s])).values()];
  if (input.kind !== 'final') return latest;
  const met = new Set(input.indicators.filter((i) => !UNFINISHED.includes(finalJudgement(i))).map((i) => i.name));
  const unfinished = new Set(input.indicators.filter((i) => UNFINISHED.includes(finalJudgement(i))).map((i) => i.name));
  return latest.filter((s) => unfinished.has(s.indicatorName) || !met.has(s.indicatorName));
}

/**
 * The quoted 督办 answers' causes or measures: one unit's answer to several 督办 in the same words is quoted once,
 * naming its indicators.
 */
function answersBy(
  input: NarrativeInput,
  field: 'causes' | 'measures',
): { unitName: string; indicators: string[]; text: string }[] {
  const grouped = new Map<string, { unitName: string; indicators: string[]; text: string }>();
  for (const s of quotedSupervision(input)) {
    const said = s[field]?.trim();
    if (!said) continue;
    const text = excerpt(said).replace(/[。；]$/, '');
    const key = `${s.unitName}|${text}`;
    const answer = grouped.get(key) ?? { unitName: s.unitName, indicators: [], text };
    answer.indicators.push(s.indicatorName);
    grouped.set(key, answer);
  }
  return [...grouped.values()];
}

/** A unit's "X未实现规划目标": the report says it from the analysis' own figures (quoting it could contradict them). */
const isOwnClaim = (item: string) => /未实现规划目标|尚未达到规划目标|如期达标有困难/.test(item);

/** Title of the appendix table with each unit's own points; the body quotes only the units it is about. */
export const UNITS_ANNEX = '成员单位反映的主要问题和对策建议';

/**
 * The units whose own points the body quotes: those leading an indicator the report names as unmet, lagging or
 * volatile, and those answering a quoted 督办. Quoting all thirty units one after another filled two pages that an
 * editor would move to an appendix; that is where the others' points go (UNITS_ANNEX).
 */
function focusUnits(input: NarrativeInput): Set<string> {
  const named = distinctIndicators(input).filter((i) =>
    input.kind === 'final'
      ? UNFINISHED.includes(finalJudgement(i)) || isVolatile(i)
      : isDifficult(i) || i.result.status === '未达标' || isVolatile(i),
  );
  return new Set([
    ...named.map((i) => i.leadUnit?.name).filter((n): n is string => Boolean(n)),
    ...quotedSupervision(input).map((s) => s.unitName),
  ]);
}

/** Up to this many units' own points the body quotes them all; beyond, only the focus units'. */
const MAX_QUOTED = 6;

/** The units' problems and causes, and their countermeasures, condensed (statements.ts). */
function unitProblems(input: NarrativeInput): Condensed {
  return condense(
    input.workReports
      .filter((r) => r.problems?.trim() || r.causes?.trim())
      .map((r) => ({ unitName: r.unitName, text: r.problems ?? '', cause: r.causes ?? '' })),
    isOwnClaim,
  );
}
function unitCountermeasures(input: NarrativeInput): Condensed {
  return condense(
    input.workReports
      .filter((r) => r.countermeasures?.trim())
      .map((r) => ({ unitName: r.unitName, text: r.countermeasures! })),
  );
}

/** What several units wrote, once; the units' own points, or past MAX_QUOTED the focus units' and a reference. */
function unitsPassage(input: NarrativeInput, c: Condensed, verb: string, what: string): string {
  if (c.own.length <= MAX_QUOTED) return condensedText(c, verb);
  const focus = focusUnits(input);
  const own = c.own.filter((o) => focus.has(o.unitName));
  const text = condensedText({ ...c, own }, verb);
  return `${text}${text ? '另有' : ''}${c.own.length - own.length}家单位${what}见附表“${UNITS_ANNEX}”。`;
}

/**
 * The appendix rows, when the body refers to them: each unit that wrote problems or countermeasures, with its first
 * three of each and its first cause.
 */
export function unitsAnnexRows(
  input: NarrativeInput,
): { unitName: string; problems: string; countermeasures: string }[] {
  if (unitProblems(input).own.length <= MAX_QUOTED && unitCountermeasures(input).own.length <= MAX_QUOTED) return [];
  return input.workReports
    .map((r) => {
      const cause = firstItems(r.causes, 1, isOwnClaim);
      const problems = firstItems(r.problems, 3, isOwnClaim);
      return {
        unitName: r.unitName,
        problems: [problems, cause ? `原因：${cause}` : ''].filter(Boolean).join('。'),
        countermeasures: firstItems(r.countermeasures, 3),
      };
    })
    .filter((r) => r.problems || r.countermeasures);
}

/** 存在的问题（及原因）: the unmet or lagging indicators in groups, then the causes the units gave. */
export function problemsText(input: NarrativeInput): string {
  const items: string[] = [];
  const distinct = distinctIndicators(input);
  if (input.kind === 'final') {
    const notMet = finalGroup(input, ['未实现']);
    const wrongWay = finalGroup(input, ['未实现（方向未达）']);
    if (notMet.names.length || wrongWay.names.length) {
      const clauses = [
        notMet.names.length ? `${namesCounted(notMet)}未实现规划目标` : '',
        wrongWay.names.length ? `${namesCounted(wrongWay)}未实现规划要求的变化` : '',
      ].filter(Boolean);
      const inDomains = domainsOf(distinct.filter((i) => ['未实现', '未实现（方向未达）'].includes(finalJudgement(i))));
      items.push(`部分指标未实现规划目标。${clauses.join('；')}，主要集中在${inDomains}等领域。`);
    }
    const basically = finalGroup(input, ['基本实现']);
    if (basically.names.length) {
      items.push(`部分指标与目标仍有小幅差距。${namesCounted(basically)}基本实现规划目标，但尚未完全达到目标值。`);
    }
  } else {
    const difficult = distinct.filter(isDifficult);
    if (difficult.length) {
      items.push(
        `部分指标进展滞后。${joinNames(difficult.map((i) => i.name))}按目前进度如期达标有困难，涉及${domainsOf(difficult)}等领域。`,
      );
    }
    const behind = distinct.filter((i) => i.result.status === '未达标');
    if (behind.length)
      items.push(`部分指标与规划目标仍有差距。${joinNames(behind.map((i) => i.name))}尚未达到规划目标值。`);
  }
  const volatile = distinct.filter(isVolatile);
  if (volatile.length) {
    items.push(
      `部分指标年度间波动较大。${joinNames(volatile.map((i) => i.name))}年度间变化明显，需核实数据口径，分析变化原因。`,
    );
  }
  const causes = answersBy(input, 'causes');
  if (causes.length) {
    items.push(
      `据责任单位督办反馈，${causes.map((a) => `${a.indicators.join('、')}方面，${a.unitName}分析原因为：${a.text}`).join('；')}。`,
    );
  }
  const reported = input.workReports.filter((r) => r.problems?.trim() || r.causes?.trim());
  const said = unitsPassage(input, unitProblems(input), '反映', '反映的具体问题和原因');
  if (said) items.push(`成员单位报告反映的问题和原因。${said}`);
  if (!causes.length && !reported.length) {
    items.push(
      `原因分析待补充。${missingUnitsText(input, input.kind === 'final' ? '终期评估报告' : '年度工作报告') || '各责任单位尚未提交原因分析。'}`,
    );
  }
  return items.map((t, i) => `${ordinal(i)}${t}`).join('\n');
}

/** 对策建议: aimed at the unmet or warned indicators, then the measures the units committed to. */
export function suggestionsText(input: NarrativeInput): string {
  const items: string[] = [];
  const distinct = distinctIndicators(input);
  const unfinished = finalGroup(input, ['未实现', '基本实现', '未实现（方向未达）']);
  const lagging =
    input.kind === 'final'
      ? distinct.filter((i) => ['未实现', '基本实现', '未实现（方向未达）'].includes(finalJudgement(i)))
      : distinct.filter(isDifficult);
  if (lagging.length) {
    const units = [...new Set(lagging.map((i) => i.leadUnit?.name).filter((n): n is string => Boolean(n)))];
    const who =
      units.length === 0 ? '各牵头单位' : units.length === 1 ? units[0] : `${units.slice(0, 6).join('、')}等牵头单位`;
    items.push(
      input.kind === 'final'
        ? `把未完全实现的目标纳入下一周期重点任务。${namesCounted(unfinished)}，${who}要深入分析原因，在新一轮规划中明确目标和措施，持续推进。`
        : `聚焦滞后指标，加大推进力度。对${joinNames(lagging.map((i) => i.name))}，${who}要分析原因，制定针对性措施，明确时间节点。`,
    );
  }
  if (distinct.some(isVolatile)) {
    items.push('加强数据质量管理。对年度间波动较大的指标，核实数据来源和统计口径，分析波动原因。');
  }
  const measures = answersBy(input, 'measures');
  if (measures.length) {
    items.push(
      `抓好督办整改落实。${measures.map((a) => `${a.unitName}针对${a.indicators.join('、')}提出${a.text}`).join('；')}。`,
    );
  }
  const committed = unitsPassage(input, unitCountermeasures(input), '提出', '提出的具体措施');
  if (committed) items.push(`推动成员单位落实对策措施。${committed}`);
  items.push(
    input.kind === 'final'
      ? '做好新一轮规划衔接。总结规划实施经验，将未实现的目标和突出问题纳入新一轮妇女儿童发展规划统筹考虑。'
      : '强化统筹协调和监测评估。发挥妇儿工委协调议事作用，定期通报指标进展，对预警指标跟踪督办。',
  );
  return items.map((t, i) => `${ordinal(i)}${t}`).join('\n');
}

/** 评估工作开展情况: the basis, the sources (naming units that have not reported) and the method. */
export function processText(input: NarrativeInput): string {
  const s = input.sources;
  const what = input.kind === 'final' ? '终期评估' : `${input.year}年度评估`;
  const lines = [
    `根据${planTitles(input)}关于监测评估的要求，${input.region}妇女儿童工作委员会监测评估领导小组组织开展规划实施${what}。监测组由区统计局牵头，负责数据收集、审核和统计监测报告；评估组由区妇儿工委办公室牵头，负责评估报告。`,
  ];
  const sources: string[] = [
    `${period(input)}各成员单位报送、${input.basis === 'approved' ? '统计部门审核确认' : '含尚未审核确认'}的监测数据`,
  ];
  // Each kind counted on its own: the units with a 年度工作报告 need not all have sent their 评估报告 yet.
  if (s && s.unitsReported > 0) sources.push(`${s.unitsReported}家成员单位提交的年度工作报告`);
  const evaluated = input.evaluationReports?.length ?? 0;
  if (evaluated > 0) sources.push(`${evaluated}家成员单位提交的终期评估报告`);
  if (s && s.noticesIssued > 0)
    sources.push(`${s.noticesIssued}项预警督办事项的办理情况（已反馈${s.noticesAnswered}项）`);
  lines.push(
    `评估依据${sources.join('，')}。${missingUnitsText(input, input.kind === 'final' ? '终期评估报告' : '年度工作报告')}`,
  );
  lines.push(
    input.kind === 'final'
      ? `有量化目标的指标以${input.year}年数据与目标值比较，分为已实现、基本实现（未达到目标值，但完成了规划要求变化的九成以上）和未实现三类；方向性指标按${period(input)}的变化方向判断；定性目标结合成员单位报告作出定性评价。`
      : '有量化目标的指标以最新年度数据与目标值比较，未达标的按序时进度判断能否如期实现；方向性指标按变化方向判断；定性目标结合成员单位工作报告作出定性评价。',
  );
  return lines.join('\n');
}

/** 主要成效 (final): the key indicators from the base year to the final year, improvements first. */
export function achievementsText(input: NarrativeInput): string {
  const achieved = (i: NarrativeIndicator) => ['已实现', '趋势向好'].includes(finalJudgement(i));
  // Counted per plan as table 1 counts them (a statistic both plans share counts in each); the examples name
  // a shared statistic once.
  const distinct = new Set(distinctIndicators(input));
  const lines: string[] = [];
  for (const p of input.plans) {
    const mine = input.indicators.filter((i) => i.planId === p.id && achieved(i));
    // Pooled small-number rates are left out: a single year's 0.0/10万 says little (the domain text gives the pooled rate).
    const steady = mine.filter(
      (i) => distinct.has(i) && !(i.result.flags ?? []).some((f) => f.kind === 'small_numbers'),
    );
    if (!mine.length) continue;
    // The largest relative moves in the required direction, a few per plan.
    const moved = steady
      .map((i) => {
        const v = i.result.value as number;
        const b = i.result.baseValue;
        const gain = b === null || b === 0 ? 0 : ((v - b) / Math.abs(b)) * (i.better === 'lower' ? -1 : 1);
        return { i, gain };
      })
      .filter((x) => x.gain > 0)
      .sort((a, b) => b.gain - a.gain)
      .slice(0, 5)
      .map(({ i }) => {
        const base = i.result.baseYearUsed;
        const b = i.result.baseValue as number;
        return `${i.name}由${base}年的${valueWithUnit(i, b)}${i.better === 'lower' ? '降至' : '提高到'}${i.result.year}年的${valueWithUnit(i, i.result.value as number)}`;
      });
    const domains = [...new Set(mine.map((i) => i.domainName))];
    lines.push(
      `${p.shortTitle}实施成效明显。${mine.length}项指标实现规划目标或规划要求的变化，涉及${domains.slice(0, 5).join('、')}${domains.length > 5 ? '等' : ''}领域${moved.length ? `。其中，${moved.join('，')}` : ''}。`,
    );
  }
  return lines.length ? lines.join('\n') : '（待补充：规划实施以来的主要成效。）';
}

/** A unit's way of working as a clause: its first item, without the period it names or a leading 一是. */
function practiceOf(text: string): string | undefined {
  const item = itemsOf(text).find((i) => !/^(主要经验|经验|存在|本单位|下一步)/.test(i));
  return item && excerpt(item.replace(/^\d{4}\s*[—–-]\s*\d{4}\s*年，?/, '').replace(/，一是/, '，'), 90);
}

/** The 主要经验 items of the units' texts, each with who wrote it. */
function lessonsOf(statements: readonly UnitStatement[]): { item: string; units: string[] }[] {
  const byItem = new Map<string, string[]>();
  for (const s of statements) {
    for (const i of itemsOf(s.text)) {
      const lesson = i.match(/^(?:主要)?经验(?:是|有|：)(.+)$/)?.[1];
      if (lesson) byItem.set(lesson, [...(byItem.get(lesson) ?? []), s.unitName]);
    }
  }
  return [...byItem].map(([item, units]) => ({ item, units })).sort((a, b) => b.units.length - a.units.length);
}

/**
 * 主要做法和经验 (final): what the units say they did, from their 评估报告 (or, where none was sent, their latest
 * 年度工作报告): one clause per unit, grouped by the field it mainly leads, then the lessons they share.
 */
export function practicesText(input: NarrativeInput): string {
  const evaluations = input.evaluationReports ?? [];
  // A unit's 评估报告 sums up its cycle: its 年度工作报告 would say the same again.
  const evaluated = new Set(evaluations.map((e) => e.unitName));
  const fromWork = input.workReports.filter((r) => r.implementation?.trim() && !evaluated.has(r.unitName));
  const statements: UnitStatement[] = [
    ...evaluations.map((e) => ({ unitName: e.unitName, text: e.summary })),
    ...fromWork.map((r) => ({ unitName: r.unitName, text: r.implementation! })),
  ];
  const missing = missingUnitsText(input, '终期评估报告');
  if (!statements.length) {
    return ['（待补充：各成员单位尚未提交评估报告和年度工作报告，主要做法和经验待汇总后填写。）', missing]
      .filter(Boolean)
      .join('\n');
  }
  const basis = [
    evaluations.length ? `${evaluations.length}家成员单位的终期评估报告` : '',
    fromWork.length ? `${fromWork.length}家成员单位的年度工作报告` : '',
  ].filter(Boolean);
  const lines = [
    `规划实施以来，各成员单位按照职责分工，把规划目标任务纳入本部门工作统筹推进。根据${basis.join('和')}，主要做法如下。`,
  ];
  // The fields in the plans' order; a unit that leads nothing in the report's plans goes last.
  const fields = [...new Set(input.byDomain.map((d) => d.domainName))];
  const fieldOf = (unit: string) => {
    const f = input.unitDomains?.[unit];
    return f && fields.includes(f) ? f : '其他方面';
  };
  const groups = [...fields, '其他方面']
    .map((field) => ({
      field,
      clauses: statements
        .filter((s) => fieldOf(s.unitName) === field)
        .flatMap((s) => {
          const p = practiceOf(s.text);
          return p ? [`${s.unitName}${p.replace(/[。；]$/, '')}`] : [];
        }),
    }))
    .filter((g) => g.clauses.length);
  groups.forEach((g, n) => {
    lines.push(
      `（${chineseNumber(n + 1)}）${g.field === '其他方面' ? g.field : `${g.field}领域`}。${g.clauses.join('；')}。`,
    );
  });
  const lessons = lessonsOf(statements);
  if (lessons.length) {
    lines.push(
      `（${chineseNumber(groups.length + 1)}）主要经验。${lessons
        .map((l, i) => `${ordinal(i)}${l.item.replace(/[。；]$/, '')}（${whoWrote(l.units)}）`)
        .join('；')}。`,
    );
  }
  if (missing) lines.push(missing);
  return lines.join('\n');
}

function domainSections(input: NarrativeInput): DraftSection[] {
  const targetYear = Math.max(...input.plans.map((p) => p.cycleEnd));
  return input.byDomain.flatMap((d: NarrativeDomain) => {
    const inds = input.indicators.filter((i) => i.planId === d.planId && i.domainCode === d.domainCode);
    return [
      {
        key: KEY.domainHeading(d.domainCode),
        label: `${d.domainName}：标题`,
        text: domainHeading(d, inds, input.kind),
      },
      {
        key: KEY.domainText(d.domainCode),
        label: `${d.domainName}：正文`,
        text: domainText(d, inds, input.kind, targetYear),
      },
    ];
  });
}

/** The editable texts of a monitoring report (年度 or 终期), in the report's order. */
export function draftMonitoring(input: NarrativeInput): DraftSection[] {
  return [
    { key: KEY.opening, label: '总体情况', text: openingText(input) },
    ...domainSections(input),
    ...(input.kind === 'annual' ? [{ key: KEY.warnings, label: '监测预警情况', text: warningsText(input) }] : []),
    { key: KEY.problems, label: '存在的问题', text: problemsText(input) },
    { key: KEY.suggestions, label: '对策建议', text: suggestionsText(input) },
  ];
}

/** The editable texts of an evaluation report. */
export function draftEvaluation(input: NarrativeInput): DraftSection[] {
  const final = input.kind === 'final';
  return [
    { key: KEY.opening, label: '总体评价', text: openingText(input) },
    ...(final ? [{ key: KEY.context, label: '经济社会基本情况', text: contextText(input) }] : []),
    { key: KEY.process, label: '评估工作开展情况', text: processText(input) },
    ...(final ? [{ key: KEY.achievements, label: '主要成效', text: achievementsText(input) }] : []),
    ...domainSections(input),
    ...(final ? [{ key: KEY.practices, label: '主要做法和经验', text: practicesText(input) }] : []),
    { key: KEY.problems, label: '存在的问题及原因', text: problemsText(input) },
    { key: KEY.suggestions, label: '对策建议', text: suggestionsText(input) },
  ];
}

/** A section's text as paragraphs: one per non-empty line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type { NarrativeDomain };
export { isDirectionOnly };
