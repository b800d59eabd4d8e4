// Validation of a plan folder: shape (schema.ts), then the checks that make the catalog trustworthy — every
// quote is the plan's own words, every target number is the one the quote states, codes are unique and numbers
// consecutive. Returns all problems at once (file, path, Chinese message with the fix) so an editor can fix a
// file in one pass; an invalid folder yields no catalog at all.

import type { z } from 'zod';
import { TARGET_RULE_KINDS, type TargetRule } from '../rules.ts';
import { folderSchema, indicatorCodePattern, planSchema } from './schema.ts';
import type { Catalog, CatalogProblem, Indicator, Plan, PlanFolder } from './types.ts';
import {
  COMPARATOR_READING,
  clausesOf,
  enumeratedNames,
  type NumericStatement,
  numericStatements,
  positionOf,
  RATE_FACTORS,
} from './wording.ts';

/** One parsed file: its name relative to the plan folder and the parsed YAML. */
export interface ParsedFile {
  file: string;
  data: unknown;
}

export interface CatalogInput {
  folder: ParsedFile;
  /** The plan files named in folder.yaml, in any order. */
  plans: ParsedFile[];
}

export type ValidationResult = { ok: true; catalog: Catalog } | { ok: false; problems: CatalogProblem[] };

export function validateCatalog(input: CatalogInput): ValidationResult {
  const problems: CatalogProblem[] = [];

  const folderParsed = folderSchema.safeParse(input.folder.data, { reportInput: true });
  if (!folderParsed.success) problems.push(...zodProblems(input.folder.file, folderParsed.error));
  const folder = folderParsed.success ? folderParsed.data : undefined;

  const plans: { file: string; plan: Plan }[] = [];
  for (const f of input.plans) {
    const parsed = planSchema.safeParse(f.data, { reportInput: true });
    if (parsed.success) plans.push({ file: f.file, plan: parsed.data });
    else problems.push(...zodProblems(f.file, parsed.error));
  }

  if (folder) problems.push(...checkFolderFiles(input.folder.file, folder, input.plans));
  for (const { file, plan } of plans) problems.push(...checkPlan(file, plan, folder));
  problems.push(...checkAcrossPlans(plans));
  if (folder) problems.push(...checkPredecessors(input.folder.file, folder, plans));

  if (problems.length > 0 || !folder) return { ok: false, problems };
  // Plans in the order folder.yaml lists them.
  const ordered = folder.plans.map((name) => plans.find((p) => p.file === name)?.plan).filter((p) => p !== undefined);
  return { ok: true, catalog: { folder, plans: ordered } };
}

// ---------------------------------------------------------------------------------------------------------
// Shape problems, in Chinese

const FIELD_LABELS: Record<string, string> = {
  id: '标识',
  name: '名称',
  region: '地区',
  cycle: '规划周期',
  start: '起始年',
  end: '终止年',
  baseYear: '基期年',
  plans: '规划文件列表',
  finalEvaluation: '终期评估容差',
  progress: '完成所需变化的比例',
  gap: '与目标值差距的比例',
  title: '标题',
  shortTitle: '简称',
  issuer: '发文机关',
  issuedOn: '印发日期',
  sections: '规划章节',
  domains: '发展领域',
  code: '编号',
  goals: '主要目标',
  measures: '策略措施',
  indicators: '监测指标',
  number: '序号',
  text: '正文',
  unit: '单位',
  better: '方向',
  rule: '目标规则',
  kind: '种类',
  comparator: '比较符',
  value: '目标值',
  percent: '变化百分比',
  step: '每年步长',
  reference: '对照指标',
  body: '单位主体',
  countUnit: '计数单位',
  wording: '方向措辞',
  source: '来源条目',
  quote: '原文',
  disaggregations: '分解维度',
  precision: '保留小数位',
  limits: '自然上下限',
  floor: '波动下限',
  counts: '计数口径',
  numerator: '分子',
  denominator: '分母',
  factor: '倍数',
  note: '备注',
  sameAs: '同一统计指标',
  predecessor: '上一周期',
};

/** Extra advice for fields where the fix is not obvious from the allowed values alone. */
const FIELD_HINTS: Record<string, string> = {
  comparator: '按原文措辞选择：以上/不低于/不少于/达到 → ">="，高于 → ">"，以下/以内/不高于 → "<="，低于 → "<"。',
  better: '数值越高越好（如筛查率）写 higher，越低越好（如死亡率）写 lower。',
  kind: `规则种类应为 ${TARGET_RULE_KINDS.join('、')} 之一，详见 docs/catalog.md。`,
  code: '监测指标编号写成“领域编号-两位序号”，如 W1-01；领域编号写成字母加数字，如 W1、C3。',
  id: '标识只能用小写字母、数字和连字符，如 wuqing-women-2021-2025。',
  issuedOn: '日期写成 2022-07-15 的形式。',
  shortTitle: '简称用作 Excel 工作表名：不超过 31 个字，不含 [ ] : * ? / \\。',
  plans: '在 plans 下逐行列出规划文件名，如 women.yaml。',
  disaggregations: '分解维度只能是 sex（分性别）或 area（分镇街）。',
  limits: '自然上下限写成 [最小值, 最大值]，无上限写 null，如 [0, 100]、[0, null]。',
  // The kind of a source, not of a rule: the rule kinds' advice would send the editor the wrong way.
  'source.kind': '来源条目的种类写 goal（主要目标）或 measure（策略措施）。',
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '字段集合',
  tuple: '列表',
  null: '空值',
};

/** A value as the message shows it (a missing one is reported as missing before it gets here). */
function describeInput(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return `文字“${input}”`;
  if (typeof input === 'number') return `数字 ${input}`;
  if (typeof input === 'object') return '字段集合';
  return String(input);
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** The inverse of formatPath, for the loader to find the YAML node (and line) a problem points at. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[1] !== undefined) segments.push(m[1]);
  }
  return segments;
}

function lastKey(path: readonly PropertyKey[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function zodProblems(file: string, error: z.ZodError): CatalogProblem[] {
  return error.issues.map((issue) => {
    const key = lastKey(issue.path);
    const field = key ? `“${key}”（${FIELD_LABELS[key] ?? key}）` : '该项';
    const hintKey = key === 'kind' && issue.path.at(-2) === 'source' ? 'source.kind' : key;
    const hint = hintKey && FIELD_HINTS[hintKey] ? ` ${FIELD_HINTS[hintKey]}` : '';
    // A field left out is missing, whatever it should have held (a better or kind of undefined is not a value).
    const missing =
      issue.code === 'invalid_union'
        ? issue.discriminator === 'kind' && (issue.input as { kind?: unknown } | undefined)?.kind === undefined
        : issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
    let message: string;
    if (missing) message = `缺少必填字段${field}，请补上。`;
    else
      switch (issue.code) {
        case 'invalid_type':
          message = `${field}应为${TYPE_NAMES[issue.expected] ?? issue.expected}，现在是${describeInput(issue.input)}。`;
          break;
        case 'invalid_value':
          message = `${field}的取值 ${JSON.stringify(issue.input)} 无效，应为 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一。`;
          break;
        case 'unrecognized_keys':
          message = `有未知字段 ${issue.keys.map((k) => `“${k}”`).join('、')}：请检查拼写，或删除。`;
          break;
        case 'invalid_union': {
          const input = issue.input as { kind?: unknown } | undefined;
          message =
            issue.discriminator === 'kind'
              ? `目标规则种类 ${JSON.stringify(input?.kind)} 无效。`
              : `${field}的写法不符合任何一种允许的形式。`;
          break;
        }
        case 'too_small':
          message =
            issue.origin === 'string'
              ? `${field}不能为空。`
              : issue.origin === 'array'
                ? `${field}至少需要 ${issue.minimum} 项。`
                : `${field}应${issue.inclusive ? '不小于' : '大于'} ${issue.minimum}，现在是 ${describeInput(issue.input)}。`;
          break;
        case 'too_big':
          message =
            issue.origin === 'string'
              ? `${field}太长，最多 ${issue.maximum} 个字。`
              : `${field}应${issue.inclusive ? '不大于' : '小于'} ${issue.maximum}，现在是 ${describeInput(issue.input)}。`;
          break;
        case 'invalid_format':
          message = `${field}的格式不正确（现在是${describeInput(issue.input)}）。`;
          break;
        default:
          message = `${field}有误：${issue.message}`;
      }
    return { file, path: formatPath(issue.path), message: message + hint };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Checks beyond shape

function checkFolderFiles(folderFile: string, folder: PlanFolder, files: ParsedFile[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const seen = new Set<string>();
  folder.plans.forEach((name, i) => {
    if (seen.has(name)) {
      problems.push({
        file: folderFile,
        path: `plans[${i}]`,
        message: `规划文件 ${name} 重复列出，请删去重复的一行。`,
      });
    }
    seen.add(name);
    if (!files.some((f) => f.file === name)) {
      problems.push({ file: folderFile, path: `plans[${i}]`, message: `未提供规划文件 ${name}。` });
    }
  });
  if (folder.cycle.end < folder.cycle.start) {
    problems.push({
      file: folderFile,
      path: 'cycle.end',
      message: '规划周期的终止年早于起始年，请检查 start 和 end。',
    });
  }
  return problems;
}

/**
 * Every number written in a text, as numbers: "3.0‰、5.0‰" → [3, 5]. The 10 of the unit /10万 is not one: a rule's
 * 10 (较2020年下降10%) must not pass on a quote that only says "7.5/10万".
 */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![/\d.])\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

/** The numbers a rule takes from the plan, each of which the quote must state. */
function ruleNumbers(rule: TargetRule): { field: string; value: number }[] {
  switch (rule.kind) {
    case 'threshold':
    case 'maintain':
      return [{ field: 'value', value: rule.value }];
    case 'relative_to_base':
      return [
        { field: 'percent', value: rule.percent },
        ...(rule.baseYear !== undefined ? [{ field: 'baseYear', value: rule.baseYear }] : []),
      ];
    case 'annual_step':
      return [{ field: 'step', value: rule.step }];
    case 'count_per_body':
      return [{ field: 'value', value: rule.value }];
    case 'relational':
    case 'direction_only':
      return [];
  }
}

/** "全覆盖" is the plan's way of writing 100% (实现农村无害化卫生厕所全覆盖). */
function quoteStates(quote: string, value: number, unit: string): boolean {
  if (numbersIn(quote).includes(value)) return true;
  return value === 100 && unit === '%' && quote.includes('全覆盖');
}

function checkNumbering(file: string, path: string, items: { number: number }[], what: string): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  items.forEach((item, i) => {
    if (item.number !== i + 1) {
      problems.push({
        file,
        path: `${path}[${i}].number`,
        message: `${what}的序号应从 1 起连续编号：第 ${i + 1} 条的序号是 ${item.number}，应为 ${i + 1}。`,
      });
    }
  });
  return problems;
}

function checkPlan(file: string, plan: Plan, folder: PlanFolder | undefined): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });

  if (folder && (plan.cycle.start !== folder.cycle.start || plan.cycle.end !== folder.cycle.end)) {
    add(
      'cycle',
      `规划周期 ${plan.cycle.start}–${plan.cycle.end} 与 folder.yaml 的周期 ${folder.cycle.start}–${folder.cycle.end} 不一致，请改成一致。`,
    );
  }
  if (plan.baseYear >= plan.cycle.start) {
    add('baseYear', `基期年 ${plan.baseYear} 应早于规划起始年 ${plan.cycle.start}（十四五规划的基期是 2020 年）。`);
  }

  const domainCodes = new Map<string, number>();
  plan.domains.forEach((domain, d) => {
    const dp = `domains[${d}]`;
    const earlier = domainCodes.get(domain.code);
    if (earlier !== undefined) {
      add(`${dp}.code`, `领域编号 ${domain.code} 与 domains[${earlier}] 重复，请改用未用过的编号。`);
    } else domainCodes.set(domain.code, d);

    problems.push(...checkNumbering(file, `${dp}.goals`, domain.goals, `“${domain.name}”的主要目标`));
    problems.push(...checkNumbering(file, `${dp}.measures`, domain.measures, `“${domain.name}”的策略措施`));
    for (const [kind, items] of [
      ['goals', domain.goals],
      ['measures', domain.measures],
    ] as const) {
      items.forEach((item, i) => {
        if (/^\d+\s*[．.、]/.test(item.text)) {
          add(`${dp}.${kind}[${i}].text`, '正文不应以序号开头（如“1．”），序号写在 number 字段里，请删去。');
        }
      });
    }
    domain.measures.forEach((m, i) => {
      if (!m.text.startsWith(m.title)) {
        add(`${dp}.measures[${i}].title`, `标题应是正文的第一句（不含句号）：“${m.text.split('。')[0]}”。`);
      }
    });

    domain.indicators.forEach((indicator, k) => {
      problems.push(...checkIndicator(file, `${dp}.indicators[${k}]`, indicator, domain));
    });
  });
  return problems;
}

function checkIndicator(
  file: string,
  ip: string,
  indicator: Indicator,
  domain: Plan['domains'][number],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path: `${ip}${path}`, message });
  const { rule, source } = indicator;

  if (!indicator.code.startsWith(`${domain.code}-`)) {
    add('.code', `指标编号 ${indicator.code} 应以所在领域编号开头，写成 ${domain.code}-NN。`);
  }

  const items = source.kind === 'goal' ? domain.goals : domain.measures;
  const what = source.kind === 'goal' ? '主要目标' : '策略措施';
  const item = items.find((it) => it.number === source.number);
  if (!item) {
    add(
      '.source.number',
      `“${domain.name}”没有第 ${source.number} 条${what}（共 ${items.length} 条），请改成原文所在条目的序号。`,
    );
  } else if (!item.text.includes(indicator.quote)) {
    add(
      '.quote',
      `原文“${indicator.quote}”不在“${domain.name}”${what}第 ${source.number} 条的正文里。请从该条正文中逐字复制（标点、全角半角都要一致），或改正 source。`,
    );
  }

  for (const { field, value } of ruleNumbers(rule)) {
    if (!quoteStates(indicator.quote, value, indicator.unit)) {
      add(
        `.rule.${field}`,
        `目标规则中的数字 ${value} 没有出现在原文“${indicator.quote}”中：请核对数字，或让原文包含写明该数字的句子。`,
      );
    }
  }

  if (item?.text.includes(indicator.quote)) {
    for (const [path, message] of meaningSlips(indicator, item.text, what, source.number)) add(path, message);
  }

  // A threshold that points the wrong way is almost always a typo (≥ for a death rate).
  if (rule.kind === 'threshold' || rule.kind === 'maintain') {
    const upward = rule.comparator === '>=' || rule.comparator === '>';
    if (upward !== (indicator.better === 'higher')) {
      add(
        '.rule.comparator',
        `比较符 ${rule.comparator} 与方向 better: ${indicator.better} 矛盾：${indicator.better === 'higher' ? '越高越好的指标应写 >= 或 >' : '越低越好的指标应写 <= 或 <'}，请核对原文措辞。`,
      );
    }
  }

  const seenDis = new Set<string>();
  indicator.disaggregations.forEach((dis, i) => {
    if (seenDis.has(dis)) add(`.disaggregations[${i}]`, `分解维度 ${dis} 重复，请删去一个。`);
    seenDis.add(dis);
  });

  const [min, max] = indicator.limits;
  if (min !== null && max !== null && min > max) {
    add('.limits', `自然下限 ${min} 大于上限 ${max}，请交换或改正。`);
  }
  return problems;
}

/**
 * Slips of meaning that pass every check of form but would mis-assess an indicator for five years: the wrong number
 * of a 分别 list, a comparator the wording contradicts, a unit or factor that is not the quote's, a threshold where
 * the plan says 保持, a whole goal as the quote. Each returns [path suffix, message with the fix].
 */
function meaningSlips(indicator: Indicator, itemText: string, what: string, number: number): [string, string][] {
  const slips: [string, string][] = [];
  const { rule, quote } = indicator;

  // A quote is the clause that sets the target, not the whole item (unless the item is that one clause).
  // Refused only when one clause alone states the rule (its number, its wording or its reference) — "至少各配备
  // 1名女干部，并逐步提高" is the shortest quote for its 逐步提高 and stays whole.
  const whole = itemText.replace(/[。；]$/, '');
  if (quote === itemText || quote === whole) {
    const marks = [
      ...ruleNumbersOf(rule).map(String),
      ...(rule.kind === 'direction_only' ? [rule.wording] : []),
      ...(rule.kind === 'relational' && !indicatorCodePattern.test(rule.reference) ? [rule.reference] : []),
    ];
    const clause = clausesOf(itemText).find(
      (c) => c !== whole && marks.some((m) => c.includes(m) && c.length >= m.length + 3),
    );
    if (clause) {
      slips.push([
        '.quote',
        `原文引用了${what}第 ${number} 条的全文。请只保留设定本指标目标的那一句，如“${clause}”，以便核对数字和措辞。`,
      ]);
    }
  }

  if (rule.kind !== 'threshold' && rule.kind !== 'maintain') {
    // Units and factors are checked for every kind.
    slips.push(...unitSlips(indicator, numericStatements(quote)));
    return slips;
  }

  const statements = numericStatements(quote);
  const bound = statements.find((s) => s.numbers.some((n) => n.value === rule.value));

  // 分别降至3.0‰、5.0‰和6.0‰以下: the value is the number in the indicator's position of the list.
  const list = statements.find((s) => s.numbers.length > 1 && s.numbers.some((n) => n.value === rule.value));
  if (list) {
    const names = enumeratedNames(list.lead);
    if (names.length === list.numbers.length) {
      const at = positionOf(indicator.name, names);
      const want = at >= 0 ? list.numbers[at] : undefined;
      if (want && want.value !== rule.value) {
        const written = list.numbers.map((n) => `${n.written}${n.unit}`).join('、');
        slips.push([
          '.rule.value',
          `原文依次列出 ${names.join('、')} 的目标 ${written}：“${indicator.name}”是第 ${at + 1} 个，目标值应为 ${want.written}（现在是 ${rule.value}）。`,
        ]);
      }
    }
  }

  if (bound?.comparator && bound.comparator !== rule.comparator) {
    slips.push([
      '.rule.comparator',
      `原文“${quote}”中的“${bound.word}”表示${COMPARATOR_READING[bound.comparator]}，比较符应写 "${bound.comparator}"（现在是 "${rule.comparator}"，表示${COMPARATOR_READING[rule.comparator]}）。`,
    ]);
  }

  const holds = /保持/.test(quote);
  if (rule.kind === 'threshold' && holds) {
    slips.push([
      '.rule.kind',
      `原文“${quote}”写的是“保持”：这是每年都要保持的水平，请写 kind: maintain（比较符和目标值不变）。`,
    ]);
  }
  if (rule.kind === 'maintain' && !holds) {
    slips.push([
      '.rule.kind',
      `原文“${quote}”没有“保持”的措辞：到期达到的目标请写 kind: threshold；若确应每年保持，请让原文包含“保持”一句。`,
    ]);
  }

  slips.push(...unitSlips(indicator, bound ? [bound] : statements));
  return slips;
}

function ruleNumbersOf(rule: TargetRule): number[] {
  return ruleNumbers(rule).map((n) => n.value);
}

/** The unit written in the quote (%, ‰, /10万) must be the indicator's; counts.factor must be the unit's. */
function unitSlips(indicator: Indicator, statements: NumericStatement[]): [string, string][] {
  const slips: [string, string][] = [];
  const unit = indicator.unit;
  // annual_step counts 个百分点 and relative_to_base a percent change: their % is not the indicator's unit.
  const kind = indicator.rule.kind;
  if (kind !== 'annual_step' && kind !== 'relative_to_base' && RATE_FACTORS[unit] !== undefined) {
    const written = statements.flatMap((s) => s.numbers.map((n) => n.unit)).find((u) => RATE_FACTORS[u] !== undefined);
    if (written && written !== unit) {
      slips.push([
        '.unit',
        `原文“${indicator.quote}”的单位是“${written}”，指标单位写成了“${unit}”：请把 unit 改为 "${written}"（${written} 与 ${unit} 相差 ${RATE_FACTORS[written]! / RATE_FACTORS[unit]!} 倍）。`,
      ]);
    }
  }
  const want = RATE_FACTORS[unit];
  if (indicator.counts && want !== undefined && indicator.counts.factor !== want) {
    slips.push([
      '.counts.factor',
      `单位为“${unit}”的比率，计数口径的倍数应为 ${want}（现在是 ${indicator.counts.factor}）：分子 ÷ 分母 × ${want} 才是以“${unit}”表示的数值。`,
    ]);
  }
  return slips;
}

function checkAcrossPlans(plans: { file: string; plan: Plan }[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const planIds = new Map<string, string>();
  const domainCodes = new Map<string, string>();
  const indicatorCodes = new Map<string, string>();

  for (const { file, plan } of plans) {
    const other = planIds.get(plan.id);
    if (other !== undefined) {
      problems.push({
        file,
        path: 'id',
        message: `规划标识 ${plan.id} 与 ${other} 中的规划重复，每个规划须有不同的标识。`,
      });
    } else planIds.set(plan.id, file);

    plan.domains.forEach((domain, d) => {
      const where = `${file} domains[${d}]`;
      const otherDomain = domainCodes.get(domain.code);
      // Duplicates inside one file are reported by checkPlan; here only those across files.
      if (otherDomain !== undefined && !otherDomain.startsWith(`${file} `)) {
        problems.push({
          file,
          path: `domains[${d}].code`,
          message: `领域编号 ${domain.code} 已在 ${otherDomain} 使用，同一规划目录内领域编号须唯一。`,
        });
      } else if (otherDomain === undefined) domainCodes.set(domain.code, where);

      domain.indicators.forEach((indicator, k) => {
        const here = `${file} domains[${d}].indicators[${k}]`;
        const otherIndicator = indicatorCodes.get(indicator.code);
        if (otherIndicator !== undefined) {
          problems.push({
            file,
            path: `domains[${d}].indicators[${k}].code`,
            message: `指标编号 ${indicator.code} 与 ${otherIndicator} 重复。编号是数据的主键，请给新指标用下一个未用过的编号，不要改动已有编号。`,
          });
        } else indicatorCodes.set(indicator.code, here);
      });
    });
  }

  problems.push(...checkSameAs(plans));

  // A relational reference written as a code must name an indicator of this folder.
  for (const { file, plan } of plans) {
    plan.domains.forEach((domain, d) => {
      domain.indicators.forEach((indicator, k) => {
        const rule = indicator.rule;
        if (rule.kind !== 'relational') return;
        if (indicatorCodePattern.test(rule.reference) && !indicatorCodes.has(rule.reference)) {
          problems.push({
            file,
            path: `domains[${d}].indicators[${k}].rule.reference`,
            message: `对照指标 ${rule.reference} 不存在：请写本目录中已有的指标编号，或直接写对照量的名称（如“女职工比例”）。`,
          });
        }
        if (rule.reference === indicator.code) {
          problems.push({
            file,
            path: `domains[${d}].indicators[${k}].rule.reference`,
            message: '对照指标不能是指标自身。',
          });
        }
      });
    });
  }
  return problems;
}

/**
 * `sameAs` links an indicator to the one statistic another indicator of the folder already measures: it must name
 * an existing indicator that is not itself linked, and the two must agree on what makes them one series (unit,
 * direction, decimals, breakdowns) — otherwise they are two statistics and must stay two indicators.
 */
function checkSameAs(plans: { file: string; plan: Plan }[]): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const byCode = new Map<string, Indicator>();
  for (const { plan } of plans) for (const d of plan.domains) for (const i of d.indicators) byCode.set(i.code, i);
  for (const { file, plan } of plans) {
    plan.domains.forEach((domain, d) => {
      domain.indicators.forEach((indicator, k) => {
        if (indicator.sameAs === undefined) return;
        const path = `domains[${d}].indicators[${k}].sameAs`;
        const add = (message: string) => problems.push({ file, path, message });
        const primary = byCode.get(indicator.sameAs);
        if (indicator.sameAs === indicator.code) {
          add('同一统计指标不能写指标自身的编号。');
          return;
        }
        if (!primary) {
          add(`同一统计指标 ${indicator.sameAs} 不存在：请写本目录中已有的指标编号。`);
          return;
        }
        if (primary.sameAs !== undefined) {
          add(`${indicator.sameAs} 本身已指向 ${primary.sameAs}：请直接写 ${primary.sameAs}，同一统计指标只录入一处。`);
          return;
        }
        const differs: string[] = [];
        if (primary.unit !== indicator.unit) differs.push(`单位（${indicator.unit} 与 ${primary.unit}）`);
        if (primary.better !== indicator.better) differs.push('方向');
        if (primary.precision !== indicator.precision) differs.push('保留小数位');
        if ([...primary.disaggregations].sort().join() !== [...indicator.disaggregations].sort().join()) {
          differs.push('分解维度');
        }
        if (differs.length) {
          add(
            `${indicator.code} 与 ${primary.code} 的${differs.join('、')}不同，不是同一统计指标：请统一口径，或删去 sameAs。`,
          );
        }
      });
    });
  }
  return problems;
}

/**
 * Lineage: an indicator may name its predecessor (an indicator code of the previous cycle) only when folder.yaml
 * names that cycle, and no two indicators may continue the same one; whether the code exists there is checked when
 * the folder is published or curated (the previous cycle is in the database, not in this folder).
 */
function checkPredecessors(
  folderFile: string,
  folder: PlanFolder,
  plans: { file: string; plan: Plan }[],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  if (folder.predecessor === folder.id) {
    problems.push({
      file: folderFile,
      path: 'predecessor',
      message: '上一周期（predecessor）不能写本目录自己的 id：请写上一周期规划目录的 id，如 wuqing-2021-2025。',
    });
  }
  // One previous indicator, one successor: two would split its series and its base value between them.
  const continuedBy = new Map<string, string>();
  for (const { file, plan } of plans) {
    plan.domains.forEach((domain, d) => {
      domain.indicators.forEach((indicator, k) => {
        if (indicator.predecessor === undefined) return;
        const twin = continuedBy.get(indicator.predecessor);
        if (twin !== undefined) {
          problems.push({
            file,
            path: `domains[${d}].indicators[${k}].predecessor`,
            message: `${indicator.code} 与 ${twin} 都写了上一周期的指标 ${indicator.predecessor}：一个上一周期指标只能由一个指标延续，请改正其中一个。`,
          });
        } else continuedBy.set(indicator.predecessor, indicator.code);
        if (folder.predecessor !== undefined) return;
        problems.push({
          file,
          path: `domains[${d}].indicators[${k}].predecessor`,
          message: `${indicator.code} 写了上一周期的指标 ${indicator.predecessor}，但 folder.yaml 没有写上一周期：请在 folder.yaml 加 predecessor（上一周期规划目录的 id），或删去 predecessor。`,
        });
      });
    });
  }
  return problems;
}

/** A readable multi-line report of problems, for the console and for CatalogError. */
export function formatProblems(problems: readonly CatalogProblem[]): string {
  return problems
    .map((p, i) => {
      const where = [p.file, p.line !== undefined ? `第 ${p.line} 行` : '', p.path].filter(Boolean).join(' ');
      return `  ${i + 1}. ${where}：${p.message}`;
    })
    .join('\n');
}
