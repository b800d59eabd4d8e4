// A draft plan folder from the text of an issued plan document (the notice and its plans, as plain text):
// plans, their sections, domains, numbered goals and measures word for word, and candidate indicators from every
// clause that states a number or a direction, each with its verbatim quote. Candidates are proposals for the
// office to accept, edit or reject; they are kept apart from the plans' indicators so they never count as
// indicators. Pure: the text comes in, data structures go out (src/features/plans writes the YAML files).

import type { Organisation } from '../organisation.ts';
import type { Better, Comparator, TargetRule } from '../rules.ts';
import { localRegion } from '../site.ts';
import type { Domain, Indicator, Plan, PlanFolder, PlanSection } from './types.ts';
import { clausesOf, enumeratedNames, numericStatements } from './wording.ts';

/** A proposed indicator: an Indicator in the plan file and domain it would belong to. */
export interface DraftCandidate extends Indicator {
  /** File name of the plan in the draft folder (women.yaml). */
  plan: string;
  /** Domain code (W1). */
  domain: string;
}

export interface PlanDraft {
  folder: PlanFolder;
  plans: { file: string; plan: Plan }[];
  candidates: DraftCandidate[];
  /**
   * A minimal organisation.yaml (committee, office, the statistics bureau leading the monitoring group) so that the
   * draft loads as it is; the member units and towns are the office's to fill in.
   */
  organisation: Organisation;
  /** Things the office must check (no issue date found …), in Chinese. */
  warnings: string[];
}

export interface DraftOptions {
  /** Lower-case prefix of the folder and plan ids (wuqing → wuqing-2026-2030, wuqing-women-2026-2030). */
  id?: string;
  /** When the title does not say it: the cycle's first and last year. */
  cycle?: { start: number; end: number };
}

/** The text is not a plan document the drafter can read; the message says what was missing. */
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftError';
  }
}

const FIVE_YEAR: Record<string, number> = { 十三五: 2016, 十四五: 2021, 十五五: 2026, 十六五: 2031 };
const CN_NUMERAL = '[一二三四五六七八九十]+';
const TOP_HEADING = new RegExp(`^${CN_NUMERAL}、(.+)$`);
const SUB_HEADING = new RegExp(`^（${CN_NUMERAL}）(.+)$`);
const ITEM = /^(\d+)[．.、]\s*(.*)$/;

interface Block {
  heading: string;
  lines: string[];
}

/** A title line: ends with 规划 (or 纲要), short, no sentence punctuation, followed by 序言 or 一、. */
function isPlanTitle(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (line.length > 60 || /[。，；：]/.test(line) || !/(规划|纲要)(（[^）]*）)?$/.test(line)) return false;
  const next = lines[i + 1] ?? '';
  return /^(序言|前言)$/.test(next) || TOP_HEADING.test(next);
}

function cycleOf(title: string, options: DraftOptions): { start: number; end: number } {
  if (options.cycle) return options.cycle;
  for (const [name, start] of Object.entries(FIVE_YEAR)) if (title.includes(name)) return { start, end: start + 4 };
  const years = /(20\d\d)\s*[—–\-－至]\s*(20\d\d)/.exec(title);
  if (years) return { start: Number(years[1]), end: Number(years[2]) };
  throw new DraftError(`无法从标题“${title}”判断规划周期：请指定周期（如 2026-2030）。`);
}

/** 天津市示范区妇女发展“十五五”规划 → women / W. */
function planKind(title: string, index: number): { key: string; prefix: string } {
  if (title.includes('妇女')) return { key: 'women', prefix: 'W' };
  if (title.includes('儿童')) return { key: 'children', prefix: 'C' };
  return { key: `plan${index + 1}`, prefix: String.fromCharCode(65 + index) };
}

function regionOf(title: string): string {
  const m = /^(.+?)(?:妇女|儿童|妇女儿童)/.exec(title);
  return m?.[1] ?? title.replace(/(发展)?[“"].*$/, '');
}

function shortTitleOf(title: string, region: string): string {
  const short = title
    .replace(region, '')
    .replace(/[“"][^”"]*[”"]/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[[\]:*?/\\]/g, '');
  return (short || title).slice(0, 31);
}

/** Split a plan's lines into the part before the first 一、 heading (序言) and the top-level blocks. */
function topBlocks(lines: string[]): { preface: string[]; blocks: Block[] } {
  const preface: string[] = [];
  const blocks: Block[] = [];
  for (const line of lines) {
    const top = TOP_HEADING.exec(line);
    if (top && !/[。；]/.test(line)) blocks.push({ heading: top[1] as string, lines: [] });
    else if (blocks.length > 0) blocks[blocks.length - 1]?.lines.push(line);
    else preface.push(line);
  }
  return { preface, blocks };
}

/** （一）指导思想 splits a block into titled parts; （一）加强…。… is an inline-titled paragraph. */
function subBlocks(lines: string[]): { own: string[]; subs: Block[] } {
  const own: string[] = [];
  const subs: Block[] = [];
  for (const line of lines) {
    const sub = SUB_HEADING.exec(line);
    if (sub && !/[。；，]/.test(line) && line.length <= 40) subs.push({ heading: sub[1] as string, lines: [] });
    else if (subs.length > 0) subs[subs.length - 1]?.lines.push(line);
    else own.push(line);
  }
  return { own, subs };
}

function numberedItems(lines: string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const m = ITEM.exec(line);
    if (m) items.push((m[2] as string).trim());
    else if (items.length > 0) items[items.length - 1] += `\n${line}`;
  }
  return items;
}

function domainOf(code: string, block: Block): Domain {
  const goalsAt = block.lines.findIndex((l) => /^主要目标[：:]?$/.test(l));
  const measuresAt = block.lines.findIndex((l) => /^策略措施[：:]?$/.test(l));
  const goalLines = block.lines.slice(goalsAt + 1, measuresAt >= 0 ? measuresAt : undefined);
  const measureLines = measuresAt >= 0 ? block.lines.slice(measuresAt + 1) : [];
  return {
    code,
    name: block.heading,
    goals: numberedItems(goalLines).map((text, i) => ({ number: i + 1, text })),
    measures: numberedItems(measureLines).map((text, i) => ({
      number: i + 1,
      title: text.split('。')[0] ?? text,
      text,
    })),
    indicators: [],
  };
}

const isDomainBlock = (b: Block) => b.lines.some((l) => /^主要目标[：:]?$/.test(l));

function parsePlan(
  title: string,
  lines: string[],
  index: number,
  meta: { issuer: string; issuedOn: string; idPrefix: string; options: DraftOptions },
): { file: string; plan: Plan } {
  const cycle = cycleOf(title, meta.options);
  const kind = planKind(title, index);
  const region = regionOf(title);
  const { preface, blocks } = topBlocks(lines);
  const sections: PlanSection[] = [];
  const addSection = (t: string, paragraphs: string[]) => {
    if (paragraphs.length > 0) sections.push({ title: t, text: paragraphs.join('\n') });
  };
  const prefaceTitle = preface[0] && /^(序言|前言)$/.test(preface[0]) ? preface[0] : '序言';
  addSection(
    prefaceTitle,
    preface.filter((l) => !/^(序言|前言)$/.test(l)),
  );
  const domains: Domain[] = [];
  for (const block of blocks) {
    const { own, subs } = subBlocks(block.lines);
    if (subs.some(isDomainBlock)) {
      for (const sub of subs) {
        if (isDomainBlock(sub)) domains.push(domainOf(`${kind.prefix}${domains.length + 1}`, sub));
      }
    } else if (subs.length > 0) {
      addSection(block.heading, own);
      for (const sub of subs) addSection(sub.heading, sub.lines);
    } else addSection(block.heading, own);
  }
  if (domains.length === 0) {
    throw new DraftError(`“${title}”中没有找到发展领域：领域下应有“主要目标：”和“策略措施：”两行，其后是编号条目。`);
  }
  return {
    file: `${kind.key}.yaml`,
    plan: {
      id: `${meta.idPrefix}-${kind.key}-${cycle.start}-${cycle.end}`,
      title,
      shortTitle: shortTitleOf(title, region),
      issuer: meta.issuer,
      issuedOn: meta.issuedOn,
      cycle,
      baseYear: cycle.start - 1,
      sections,
      domains,
    },
  };
}

/** The draft folder of a plan document's text. Throws DraftError when no plan can be found in it. */
export function draftPlanFolder(source: string, options: DraftOptions = {}): PlanDraft {
  const lines = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, ''))
    .filter((l) => l.length > 0);
  const titleAt = lines.map((_, i) => i).filter((i) => isPlanTitle(lines, i));
  if (titleAt.length === 0) {
    throw new DraftError(
      '没有找到规划标题：标题应单独成行、以“规划”结尾，下一行是“序言”或“一、……”。请检查文件是否为规划正文。',
    );
  }
  const warnings: string[] = [];
  const head = lines.slice(0, titleAt[0]);
  const notice = head.map((l) => /^(.+?)关于印发(.+?)的通知$/.exec(l)).find((m) => m !== null);
  const dated = head.map((l) => /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(l)).find((m) => m !== null);
  const firstTitle = lines[titleAt[0] as number] as string;
  const firstCycle = cycleOf(firstTitle, options);
  const region = regionOf(firstTitle);
  const issuer = notice?.[1] ?? `${localRegion(region)}人民政府`;
  if (!notice) warnings.push(`没有找到印发通知（“……关于印发……的通知”），发文机关暂写“${issuer}”，请核对。`);
  const issuedOn = dated
    ? `${dated[1]}-${(dated[2] as string).padStart(2, '0')}-${(dated[3] as string).padStart(2, '0')}`
    : `${firstCycle.start}-01-01`;
  if (!dated) warnings.push(`没有找到印发日期（如“2022年7月15日”一行），印发日期暂写 ${issuedOn}，请改正。`);
  const idPrefix = (options.id ?? 'draft').toLowerCase();

  const plans = titleAt.map((at, k) => {
    const end = titleAt[k + 1] ?? lines.length;
    return parsePlan(lines[at] as string, lines.slice(at + 1, end), k, {
      issuer,
      issuedOn,
      idPrefix,
      options,
    });
  });
  const files = new Set<string>();
  for (const p of plans) {
    if (files.has(p.file)) p.file = p.file.replace('.yaml', `-${plans.indexOf(p) + 1}.yaml`);
    files.add(p.file);
  }

  const cycle = plans[0]?.plan.cycle ?? firstCycle;
  const folder: PlanFolder = {
    id: `${idPrefix}-${cycle.start}-${cycle.end}`,
    name: notice?.[2] ?? plans.map((p) => p.plan.title).join('、'),
    region,
    cycle: { ...cycle, baseYear: cycle.start - 1 },
    plans: plans.map((p) => p.file),
  };
  const candidates = plans.flatMap(({ file, plan }) =>
    plan.domains.flatMap((domain) => candidatesOf(domain).map((c) => ({ plan: file, domain: domain.code, ...c }))),
  );
  warnings.push('organisation.yaml 只有办公室和统计局两个单位、没有镇街：请补全成员单位和镇街（系统管理中也可维护）。');
  return { folder, plans, candidates, organisation: organisationSkeleton(region), warnings };
}

/** 天津市示范区 → committee 示范区妇女儿童工作委员会, office 区妇儿工委办公室, monitoring led by 区统计局. */
export function organisationSkeleton(region: string): Organisation {
  const local = localRegion(region);
  const level = /[区县市旗]$/.exec(local)?.[0] ?? '区';
  return {
    committee: { name: `${local}妇女儿童工作委员会`, shortName: `${level}妇儿工委` },
    office: { code: 'office', name: `${level}妇儿工委办公室` },
    monitoringAndEvaluation: {
      leadingGroup: '监测评估领导小组',
      monitoringGroup: { name: '监测组', leadUnit: 'tjj' },
      evaluationGroup: { name: '评估组', leadUnit: 'office' },
    },
    units: [{ code: 'tjj', name: `${level}统计局` }],
    areas: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Candidate indicators

const LOWER_WORDS = /降低|下降|减少|缩小|控制|减缓|降至|降到|以下|以内|低于|不高于|不超过/;
const MEASURABLE = /率|比例|比重|差距|寿命|年限|数量|人数|水平|覆盖|场所|时间|传播|贫血|超重|肥胖|近视|发病|患病|标准/;
const DIRECTION_END =
  /(上升趋势(?:得到有效控制|减缓)|得到有效控制|(?:逐步|稳步|不断|持续|明显|显著|进一步|大幅)?(?:提高|提升|延长|降低|下降|减少|缩小|增加|扩大|增长|改善))$/;
const DIRECTION_START =
  /^(巩固提高|逐步提高|不断提升|不断提高|进一步提高|提高|提升|降低|减少|缩小|增加|扩大|预防和减少)/;
const RELATIONAL = /^(.+?)(?:一般)?(不少于|不低于|不高于|不超过|高于|低于|与)(.+?(?:比例|比重|水平|率))(相适应)?$/;
const VERB_TAIL =
  /(?:分别|均|都|力争|应)*(?:控制在|降至|降到|下降到|达到|达|保持在|保持|不低于|不少于|不高于|不超过|高于|低于|提高到|提高至|在上一年度基础上每年降低|每年降低|每年提高)?$/;

function defaults(unit: string): Pick<Indicator, 'precision' | 'limits' | 'floor' | 'disaggregations'> {
  return {
    precision: unit === '‰' ? 2 : 1,
    limits: unit === '%' ? [0, 100] : [0, null],
    floor: 1,
    disaggregations: [],
  };
}

function unitForName(name: string): string {
  if (/寿命/.test(name)) return '岁';
  if (/年限/.test(name)) return '年';
  if (/数量|人数|场所/.test(name)) return '个';
  if (/差距/.test(name)) return '百分点';
  return '%';
}

function nameBefore(lead: string): string {
  const clause = lead.split(/[，；。：]/).pop() ?? lead;
  return clause.replace(VERB_TAIL, '').replace(/^(?:全区|本区|确保|保证|保障|推动|实现|力争)/, '') || clause;
}

/** The names of a 分别 list: 新生儿、婴儿和5岁以下儿童死亡率 → 新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率. */
function listNames(lead: string, count: number): string[] | null {
  const parts = enumeratedNames(lead);
  if (parts.length !== count) return null;
  const last = parts[parts.length - 1] as string;
  const tail = /(死亡率|[^、和及与]{1,2}率|比例|比重)$/.exec(last)?.[1] ?? '';
  return parts.map((p) => (/(率|比例|比重|数)$/.test(p) ? p : p + tail));
}

type Proposal = Omit<Indicator, 'code' | 'source' | 'precision' | 'limits' | 'floor' | 'disaggregations'>;

function proposals(clause: string, fromGoal: boolean, previousBody: string | null): Proposal[] {
  const out: Proposal[] = [];
  const better = (lower: boolean): Better => (lower ? 'lower' : 'higher');

  const base = /^(.*?)以(\d{4})年(?:数据)?为基数(下降|降低|减少|提高|增长|增加|上升)(\d+(?:\.\d+)?)%/.exec(clause);
  if (base) {
    const lower = /下降|降低|减少/.test(base[3] as string);
    out.push({
      name: nameBefore(base[1] as string),
      unit: unitForName(base[1] as string),
      better: better(lower),
      rule: { kind: 'relative_to_base', percent: Number(base[4]), baseYear: Number(base[2]) },
      quote: clause,
    });
    return out;
  }
  const step = /^(.*?)(?:在上一年度基础上)?每年(降低|下降|减少|提高|增加)(\d+(?:\.\d+)?)个百分点/.exec(clause);
  if (step) {
    out.push({
      name: nameBefore(step[1] as string),
      unit: '%',
      better: better(/降低|下降|减少/.test(step[2] as string)),
      rule: { kind: 'annual_step', step: Number(step[3]) },
      quote: clause,
    });
    return out;
  }

  const statements = numericStatements(clause);
  for (const s of statements) {
    const perBody =
      /各配备$|至少配备$|每年参加$/.test(s.lead) ||
      (/^每[所个家]/.test(s.lead) && /至少/.test(s.lead)) ||
      // "…每年参加2次以上家庭教育指导服务，2次以上家庭教育实践活动": the same bodies, another count.
      (s.lead === '' && previousBody !== null);
    if (perBody && s.numbers.length === 1) {
      const n = s.numbers[0] as (typeof s.numbers)[number];
      const body =
        /^每[所个家]?(.+?)至少/.exec(s.lead)?.[1] ??
        /^(.+?)(?:中)?(?:应)?至少各配备$/.exec(s.lead)?.[1] ??
        /^(.+?)(?:中)?各配备$/.exec(s.lead)?.[1] ??
        /^(.+?)每年参加$/.exec(s.lead)?.[1] ??
        previousBody;
      if (body) {
        out.push({
          name: `达到要求的${body}比例`,
          unit: '%',
          better: 'higher',
          rule: { kind: 'count_per_body', value: n.value, body, ...(n.unit ? { countUnit: n.unit } : {}) },
          quote: clause,
        });
        continue;
      }
    }
    // A bare number with neither unit nor comparator (生命早期1000天) is not a target.
    if (s.comparator === null && s.numbers.every((n) => n.unit === '')) continue;
    const names = s.numbers.length > 1 ? listNames(s.lead, s.numbers.length) : null;
    // "实施25项政府惠民项目": the counted thing follows the number.
    const counted = `${clause.slice(s.end).replace(/^(?:以上|以下|以内)/, '')}数`;
    s.numbers.forEach((n, k) => {
      if (n.unit === '个百分点') return;
      // "3岁以下婴幼儿" names an age group, not a direction.
      const lower = s.comparator ? s.comparator.startsWith('<') : LOWER_WORDS.test(s.lead.replace(/\d+岁以下/g, ''));
      const comparator: Comparator = s.comparator ?? (lower ? '<=' : '>=');
      const rule: TargetRule = s.maintain
        ? { kind: 'maintain', comparator, value: n.value }
        : { kind: 'threshold', comparator, value: n.value };
      out.push({
        name: names?.[k] ?? (nameBefore(s.lead).length > 2 ? nameBefore(s.lead) : counted),
        unit: n.unit || unitForName(s.lead),
        better: better(lower),
        rule,
        quote: clause,
      });
    });
  }
  if (statements.length > 0) return out;

  if (/全覆盖/.test(clause)) {
    out.push({
      name: `${clause.replace(/全覆盖.*$/, '').replace(/^(?:推动|实现|推进)/, '')}覆盖率`,
      unit: '%',
      better: 'higher',
      rule: { kind: 'threshold', comparator: '>=', value: 100 },
      quote: clause,
    });
    return out;
  }

  const relational = RELATIONAL.exec(clause);
  if (relational && (relational[2] !== '与' || relational[4])) {
    const word = relational[2] as string;
    const comparator: Comparator =
      word === '高于' ? '>' : word === '低于' ? '<' : /不高于|不超过/.test(word) ? '<=' : '>=';
    out.push({
      name: nameBefore(relational[1] as string),
      unit: unitForName(relational[1] as string),
      better: comparator.startsWith('<') ? 'lower' : 'higher',
      rule: { kind: 'relational', comparator, reference: relational[3] as string },
      quote: clause,
    });
    return out;
  }

  // Direction-only targets from goals, when the object is measurable (docs/catalog.md: verbs in measures describe
  // actions, not targets).
  if (fromGoal && MEASURABLE.test(clause)) {
    const end = DIRECTION_END.exec(clause);
    const start = end ? null : DIRECTION_START.exec(clause);
    const wording = end?.[1] ?? start?.[1];
    if (wording) {
      const object = end ? clause.slice(0, clause.length - wording.length) : clause.slice(wording.length);
      out.push({
        name: object.replace(/^(?:妇女|全区)?/, (m) => m),
        unit: unitForName(object),
        better: better(LOWER_WORDS.test(wording)),
        rule: { kind: 'direction_only', wording: wording.replace(/^预防和/, '') },
        quote: clause,
      });
    }
  }
  return out;
}

/** Candidate indicators of a domain, numbered in document order (goals, then measures). */
export function candidatesOf(domain: Domain): Indicator[] {
  const out: Indicator[] = [];
  const items = [
    ...domain.goals.map((g) => ({ kind: 'goal' as const, number: g.number, text: g.text })),
    ...domain.measures.map((m) => ({ kind: 'measure' as const, number: m.number, text: m.text })),
  ];
  for (const item of items) {
    let previousBody: string | null = null;
    let previous: string | null = null;
    for (const written of clausesOf(item.text)) {
      // "并逐步提高任正职的女干部比例": the conjunction is not part of the target.
      const clause = written.replace(/^(?:并且|并|同时|且)(?=.{4,})/, '');
      // "…至少各配备1名女干部，并逐步提高": a bare direction continues the clause before it.
      const bare = /^(?:并且|并|同时)?((?:逐步|稳步|不断|持续)?(?:提高|提升|增加))$/.exec(written);
      if (bare && previous && item.text.includes(`${previous}，${written}`)) {
        out.push({
          code: `${domain.code}-${String(out.length + 1).padStart(2, '0')}`,
          name: previousBody ? `${previousBody}中的比例` : previous,
          unit: '%',
          better: 'higher',
          rule: { kind: 'direction_only', wording: bare[1] as string },
          source: { kind: item.kind, number: item.number },
          quote: `${previous}，${written}`,
          ...defaults('%'),
        });
        previous = written;
        continue;
      }
      previous = written;
      for (const p of proposals(clause, item.kind === 'goal', previousBody)) {
        if (p.rule.kind === 'count_per_body') previousBody = p.rule.body;
        const { quote, ...named } = p;
        out.push({
          code: `${domain.code}-${String(out.length + 1).padStart(2, '0')}`,
          ...named,
          source: { kind: item.kind, number: item.number },
          quote,
          ...defaults(p.unit),
        });
      }
    }
  }
  return out;
}

/** Whether a candidate proposes the same target as a curated rule: same kind and the same numbers and wording. */
export function sameRule(a: TargetRule, b: TargetRule): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'threshold':
    case 'maintain':
      return b.kind === a.kind && a.comparator === b.comparator && a.value === b.value;
    case 'relative_to_base':
      return b.kind === a.kind && a.percent === b.percent && (b.baseYear ?? a.baseYear) === a.baseYear;
    case 'annual_step':
      return b.kind === a.kind && a.step === b.step;
    case 'relational':
      return b.kind === a.kind && a.comparator === b.comparator;
    case 'count_per_body':
      return b.kind === a.kind && a.value === b.value;
    case 'direction_only':
      return b.kind === a.kind && a.wording === b.wording;
  }
}
