// A domain's heading and text: a lead finding (how many of the domain's targets were met), then the indicators in
// a few grouped sentences — those that met their targets together, those still short of them, the direction-only
// ones — each value with its change since last year and since the base year. Headings assert only what the body
// shows: a domain with no data keeps its plain name. Where the office recorded 天津市 / 全国 figures (对比数据) for the
// year of an indicator's latest value, one sentence compares them.
import { percent } from './format.ts';
import {
  changeWords,
  type FinalJudgement,
  finalClause,
  finalJudgement,
  isDirectionOnly,
  latestPair,
  netChangeWanted,
  pooledWords,
  targetClause,
  valueClause,
} from './indicator.ts';
import { referenceSentence } from './reference.ts';
import type { NarrativeDomain, NarrativeIndicator } from './types.ts';

/** What each domain's heading speaks of, as the national reports name it; unknown domains fall back to the name. */
const SUBJECTS: Record<string, string> = {
  妇女与健康: '妇女健康水平',
  妇女与教育: '妇女受教育水平',
  妇女与经济: '妇女经济地位',
  妇女参与决策和管理: '妇女参与决策和管理水平',
  妇女与社会保障: '妇女社会保障水平',
  妇女与家庭建设: '家庭建设水平',
  妇女与环境: '妇女发展环境',
  妇女与法律: '妇女合法权益保障水平',
  儿童与健康: '儿童健康水平',
  儿童与安全: '儿童安全保障水平',
  儿童与教育: '儿童教育水平',
  儿童与福利: '儿童福利水平',
  儿童与家庭: '家庭对儿童的支持水平',
  儿童与环境: '儿童发展环境',
  儿童与法律保护: '儿童法律保护水平',
};

export type DomainTier = 'strong' | 'steady' | 'lagging' | 'unassessed';

/** ≥ 80% met: strong; ≥ 60%: steady; below: lagging; nothing assessed (direction-only or qualitative): unassessed. */
export function domainTier(d: Pick<NarrativeDomain, 'rate'>): DomainTier {
  if (d.rate === null) return 'unassessed';
  if (d.rate >= 0.8) return 'strong';
  if (d.rate >= 0.6) return 'steady';
  return 'lagging';
}

/** 环境 is 优化d, 地位 提升d, everything else 提高d. */
function predicate(subject: string, tier: Exclude<DomainTier, 'unassessed'>): string {
  const verb = /环境$/.test(subject) ? '优化' : /地位$/.test(subject) ? '提升' : '提高';
  return { strong: `持续${verb}`, steady: `稳步${verb}`, lagging: `有待进一步${verb}` }[tier];
}

/**
 * e.g. 妇女健康水平稳步提高 (without the （一） the renderer adds). The verdict rests on the domain's 达标率 (annual) or
 * share of targets 已实现/基本实现 (final); a domain with only direction-only indicators gets a verdict only when most of
 * them moved as required; a domain with nothing to judge keeps its name.
 */
export function domainHeading(
  d: Pick<NarrativeDomain, 'domainName' | 'rate'>,
  inds: readonly NarrativeIndicator[] = [],
  kind: 'annual' | 'final' = 'annual',
): string {
  const subject = SUBJECTS[d.domainName] ?? `${d.domainName.replace(/^(妇女|儿童)与/, '$1')}`;
  let rate = d.rate;
  if (kind === 'final' && inds.length) {
    const judged = inds.filter((i) => !isDirectionOnly(i)).map(finalJudgement);
    const decided = judged.filter((j) => j === '已实现' || j === '基本实现' || j === '未实现');
    // A verdict (持续提高) needs most targets decided: with the final year pending for most, the heading is the name.
    const pending = judged.filter((j) => j === '数据待确认').length;
    if (pending >= decided.length && pending > 0) return d.domainName;
    rate = decided.length ? decided.filter((j) => j !== '未实现').length / decided.length : null;
  }
  const tier = domainTier({ rate });
  if (tier !== 'unassessed') return `${subject}${predicate(subject, tier)}`;
  const directional = inds.filter((i) => isDirectionOnly(i) && i.result.value !== null);
  const good = directional.filter((i) =>
    kind === 'final' ? finalJudgement(i) === '趋势向好' : i.result.status.startsWith('趋势向好'),
  );
  if (directional.length >= 2 && good.length / directional.length >= 0.75)
    return `${subject}${predicate(subject, 'steady')}`;
  return d.domainName;
}

/** The final-evaluation counts of a list of indicators, as every table and sentence of a final report prints them. */
export interface FinalCounts {
  /** Indicators with a numeric target (not direction-only). */
  quantitative: number;
  已实现: number;
  基本实现: number;
  未实现: number;
  /** Year T not yet confirmed (the latest data are older). */
  数据待确认: number;
  无数据: number;
  /** Direction-only indicators. */
  directional: number;
  趋势向好: number;
  趋势不明显: number;
  方向未达: number;
  directionalPending: number;
}

export function finalCounts(inds: readonly NarrativeIndicator[]): FinalCounts {
  const c: FinalCounts = {
    quantitative: 0,
    已实现: 0,
    基本实现: 0,
    未实现: 0,
    数据待确认: 0,
    无数据: 0,
    directional: 0,
    趋势向好: 0,
    趋势不明显: 0,
    方向未达: 0,
    directionalPending: 0,
  };
  for (const i of inds) {
    const j = finalJudgement(i);
    if (isDirectionOnly(i)) {
      c.directional++;
      if (j === '趋势向好') c.趋势向好++;
      else if (j === '趋势不明显') c.趋势不明显++;
      else if (j === '未实现（方向未达）') c.方向未达++;
      else c.directionalPending++;
    } else {
      c.quantitative++;
      if (j === '已实现' || j === '基本实现' || j === '未实现' || j === '数据待确认' || j === '无数据') c[j]++;
    }
  }
  return c;
}

/** 实现率 of a final report: 已实现 over the quantitative indicators judged at year T. */
export function achievedRate(c: FinalCounts): number | null {
  const judged = c.已实现 + c.基本实现 + c.未实现;
  return judged ? c.已实现 / judged : null;
}

/** The lead sentence of a domain. */
export function domainSummary(
  d: NarrativeDomain,
  inds: readonly NarrativeIndicator[] = [],
  kind: 'annual' | 'final' = 'annual',
): string {
  if (kind === 'final') {
    const c = finalCounts(inds);
    const parts: string[] = [];
    if (c.quantitative) {
      const judged = [
        `已实现${c.已实现}项`,
        c.基本实现 ? `基本实现${c.基本实现}项` : '',
        c.未实现 ? `未实现${c.未实现}项` : '',
        c.数据待确认 ? `终期数据待确认${c.数据待确认}项` : '',
        c.无数据 ? `无数据${c.无数据}项` : '',
      ].filter(Boolean);
      parts.push(`${d.domainName}领域有量化目标的指标${c.quantitative}项，${judged.join('、')}`);
    }
    if (c.directional) {
      parts.push(
        // Pending ones are said as pending: "0项实现" of 13 whose final year is unknown reads as 13 failures.
        c.directionalPending === c.directional
          ? `${c.quantitative ? '' : `${d.domainName}领域`}方向性指标${c.directional}项，终期数据均待确认`
          : `${c.quantitative ? '' : `${d.domainName}领域`}方向性指标${c.directional}项，${c.趋势向好}项实现规划要求的变化${c.directionalPending ? `，${c.directionalPending}项终期数据待确认` : ''}`,
      );
    }
    return parts.length ? `${parts.join('；')}。` : `${d.domainName}领域以定性目标为主，无量化监测指标。`;
  }
  const parts: string[] = [];
  if (d.assessed > 0) {
    const short = d.assessed - d.met;
    parts.push(
      `${d.domainName}领域有目标值的指标${d.assessed}项中，${d.met}项已达到规划目标${short ? `，${short}项尚未达到` : ''}（达标率${percent(d.rate)}）`,
    );
  }
  const directional = inds.filter((i) => isDirectionOnly(i) && i.result.value !== null);
  if (directional.length) {
    const good = directional.filter((i) => i.result.status.startsWith('趋势向好')).length;
    parts.push(
      `${d.assessed ? '' : `${d.domainName}领域`}方向性指标${directional.length}项中，${good}项呈规划要求的变化趋势`,
    );
  }
  if (!parts.length) return `${d.domainName}领域暂无量化指标的监测数据。`;
  return `${parts.join('；')}。`;
}

type Group = { verdict: string | null; items: NarrativeIndicator[] };

/** A group's sentence: "2024年，A为…，比上年…；B为…，比上年…，均已达到规划目标。" */
function groupSentence(g: Group, kind: 'annual' | 'final', targetYear: number): string {
  const byYear = new Map<number, NarrativeIndicator[]>();
  for (const i of g.items) {
    const y = i.result.year as number;
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  }
  const out: string[] = [];
  const chunks: [number, NarrativeIndicator[]][] = [];
  for (const [year, all] of [...byYear].sort((a, b) => b[0] - a[0])) {
    // At most four indicators a sentence, so that a group reads as a few sentences rather than one list.
    for (let k = 0; k < all.length; k += 4) chunks.push([year, all.slice(k, k + 4)]);
  }
  for (const [year, items] of chunks) {
    const clauses = items.map((i) => {
      const pooled = pooledWords(i);
      const own = g.verdict === null ? `，${kind === 'final' ? finalClause(i, targetYear) : targetClause(i)}` : '';
      return `${valueClause(i, kind)}${pooled ? `（${pooled}）` : ''}${own}`;
    });
    const verdict = g.verdict === null ? '' : `，${items.length > 1 ? '均' : ''}${g.verdict}`;
    out.push(`${year}年，${clauses.join('；')}${verdict}。`);
  }
  return out.join('');
}

/** The indicators of a domain, grouped: the lead finding, then the groups (at most a few sentences). */
export function domainText(
  d: NarrativeDomain,
  inds: readonly NarrativeIndicator[],
  kind: 'annual' | 'final',
  targetYear: number,
): string {
  const withData = inds.filter((i) => latestPair(i).value !== null);
  const groups: Group[] = [];
  const push = (verdict: string | null, items: NarrativeIndicator[]) => {
    if (items.length) groups.push({ verdict, items });
  };
  if (kind === 'final') {
    const of = (j: FinalJudgement) => withData.filter((i) => finalJudgement(i) === j);
    push('实现规划目标', of('已实现'));
    push(null, of('基本实现'));
    push(null, of('未实现'));
    // Judged on the whole series: one whose last value fell back to or behind the base year's is told apart.
    push('实现规划要求的变化', of('趋势向好').filter(netChangeWanted));
    push(
      null,
      of('趋势向好').filter((i) => !netChangeWanted(i)),
    );
    push(null, [...of('趋势不明显'), ...of('未实现（方向未达）'), ...of('数据待确认')]);
  } else {
    const met = (i: NarrativeIndicator) => ['已达标', '提前达标'].includes(i.result.status);
    const good = (i: NarrativeIndicator) => i.result.status === '趋势向好';
    push('已达到规划目标', withData.filter(met));
    push('呈规划要求的变化趋势', withData.filter(good));
    push(
      null,
      withData.filter((i) => !met(i) && !good(i)),
    );
  }
  const lines = [domainSummary(d, inds, kind), ...groups.map((g) => groupSentence(g, kind, targetYear))];
  const compared = referenceSentence(withData);
  if (compared) lines.push(compared);
  const missing = inds.filter((i) => latestPair(i).value === null);
  if (missing.length) lines.push(`${missing.map((i) => i.name).join('、')}暂无监测数据。`);
  return lines.join('\n');
}

export { changeWords };
