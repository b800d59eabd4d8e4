// `tianping assess --input FILE`: assess indicators given as JSON, print results keyed by id (docs/cli-assess.md).
// Validation speaks Chinese and names the path of each bad field; the engine itself is src/core/assessment.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assessIndicator } from '../core/assessment/index.ts';
import type { AssessmentInput } from '../core/assessment/types.ts';
import type { TargetRule } from '../core/rules.ts';

const year = z
  .number({ error: '应为年份（整数）' })
  .int({ error: '应为整数年份' })
  .min(1900, { error: '年份应在1900—2200之间' })
  .max(2200, { error: '年份应在1900—2200之间' });
/** Object keys that would reach Object.prototype instead of naming an indicator. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const comparator = z.enum(['>=', '>', '<=', '<'], { error: '比较符应为 >=、>、<=、< 之一' });
const optionalNumber = z.number({ error: '应为数值或 null' }).nullable().optional();

const ruleSchema = z
  .object({
    kind: z.enum(
      ['threshold', 'relative_to_base', 'annual_step', 'maintain', 'relational', 'count_per_body', 'direction_only'],
      {
        error:
          '目标类型应为 threshold、relative_to_base、annual_step、maintain、relational、count_per_body、direction_only 之一',
      },
    ),
    direction: z.enum(['higher', 'lower'], { error: 'direction 应为 higher（越高越好）或 lower（越低越好）' }),
    comparator: comparator.optional(),
    value: z.number({ error: '目标值应为数值' }).optional(),
    percent: z.number({ error: '百分比应为正数' }).positive({ error: '百分比应为正数' }).optional(),
    step: z.number({ error: '每年幅度应为正数' }).positive({ error: '每年幅度应为正数' }).optional(),
    reference: z.string({ error: '参照指标应为文字' }).optional(),
    body: z.string({ error: '单位名称应为文字' }).optional(),
    wording: z.string({ error: '规划表述应为文字' }).optional(),
    baseYear: year,
    targetYear: year,
    limits: z
      .tuple([z.number({ error: '自然界限应为数值' }), z.number({ error: '自然界限应为数值或 null' }).nullable()], {
        error: '自然界限应为 [最小值, 最大值或 null]',
      })
      .optional(),
    precision: z
      .number({ error: '小数位数应为0—6的整数' })
      .int({ error: '小数位数应为整数' })
      .min(0, { error: '小数位数应为0—6的整数' })
      .max(6, { error: '小数位数应为0—6的整数' })
      .optional(),
    floor: z.number({ error: '波动下限应为正数' }).positive({ error: '波动下限应为正数' }).optional(),
    factor: z.number({ error: '倍数应为正数' }).positive({ error: '倍数应为正数' }).optional(),
  })
  .superRefine((rule, ctx) => {
    const need = (field: 'comparator' | 'value' | 'percent' | 'step' | 'reference', label: string) => {
      if (rule[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: `${rule.kind} 类目标必须给出${label}` });
    };
    if (rule.kind === 'threshold' || rule.kind === 'maintain') {
      need('comparator', '比较符 comparator');
      need('value', '目标值 value');
    }
    if (rule.kind === 'relative_to_base') need('percent', '百分比 percent');
    if (rule.kind === 'annual_step') need('step', '每年幅度 step');
    if (rule.kind === 'relational') {
      need('comparator', '比较符 comparator');
      need('reference', '参照 reference');
    }
    if (rule.targetYear <= rule.baseYear)
      ctx.addIssue({ code: 'custom', path: ['targetYear'], message: '目标年份必须晚于基期' });
    // METHODOLOGY v2 §11: never a silent result from an impossible setting.
    const [min, max] = rule.limits ?? [0, null];
    if (max !== null && min > max)
      ctx.addIssue({ code: 'custom', path: ['limits'], message: `自然界限的最小值（${min}）大于最大值（${max}）` });
    if (rule.kind === 'count_per_body' && rule.direction === 'lower')
      ctx.addIssue({
        code: 'custom',
        path: ['direction'],
        message: 'count_per_body 类目标按达标单位占比判断，direction 只能是 higher（越高越好）',
      });
  });

const inputSchema = z
  .array(
    z.object(
      {
        id: z
          .string({ error: '指标编号 id 应为文字' })
          .min(1, { error: '指标编号 id 不能为空' })
          .refine((id) => !RESERVED_IDS.has(id), { error: (issue) => `指标编号不能为保留字 ${String(issue.input)}` }),
        rule: ruleSchema,
        series: z
          .array(
            z.object({
              year,
              value: optionalNumber,
              numerator: z
                .number({ error: '分子应为整数' })
                .int({ error: '分子应为整数' })
                .min(0, { error: '分子不能为负数' })
                .nullable()
                .optional(),
              denominator: z
                .number({ error: '分母应为正数' })
                .positive({ error: '分母应为正数' })
                .nullable()
                .optional(),
              reference: optionalNumber,
            }),
            { error: 'series 应为数组' },
          )
          .superRefine((series, ctx) => {
            const seen = new Set<number>();
            series.forEach((p, i) => {
              if (seen.has(p.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${p.year}年重复出现` });
              seen.add(p.year);
            });
          }),
      },
      { error: '每个指标应为对象' },
    ),
    { error: '输入应为指标数组' },
  )
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `指标编号 ${item.id} 重复` });
      seen.add(item.id);
      // A proportion (% from counts, or the share of bodies complying) cannot count more than its denominator.
      const proportion = item.rule.kind === 'count_per_body' || item.rule.factor === 100;
      if (!proportion) return;
      item.series.forEach((p, j) => {
        if (p.numerator != null && p.denominator != null && p.numerator > p.denominator)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'series', j, 'numerator'],
            message: `分子（${p.numerator}）大于分母（${p.denominator}），比例不可能超过100%`,
          });
      });
    });
  });

type RuleInput = z.infer<typeof ruleSchema>;

/** A validation failure: `issues` are Chinese lines "路径：原因". */
export class AssessInputError extends Error {
  constructor(readonly issues: string[]) {
    super(`输入有误：\n${issues.join('\n')}`);
    this.name = 'AssessInputError';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '（根）'
  );
}

function toTargetRule(rule: RuleInput): TargetRule {
  // superRefine has ensured each kind's required fields are present.
  switch (rule.kind) {
    case 'threshold':
    case 'maintain':
      return {
        kind: rule.kind,
        comparator: rule.comparator as NonNullable<RuleInput['comparator']>,
        value: rule.value as number,
      };
    case 'relative_to_base':
      return { kind: rule.kind, percent: rule.percent as number, baseYear: rule.baseYear };
    case 'annual_step':
      return { kind: rule.kind, step: rule.step as number };
    case 'relational':
      return {
        kind: rule.kind,
        comparator: rule.comparator as NonNullable<RuleInput['comparator']>,
        reference: rule.reference as string,
      };
    case 'count_per_body':
      return { kind: rule.kind, value: rule.value ?? 1, body: rule.body ?? '' };
    case 'direction_only':
      return { kind: rule.kind, wording: rule.wording ?? '' };
  }
}

/** Reads the input file ('-' = standard input); a file that cannot be read is an input error, not a crash. */
export function readAssessInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : '无法读取';
    throw new AssessInputError([`--input ${path}：${why}`]);
  }
}

export function runAssess(inputJsonText: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(inputJsonText);
  } catch (error) {
    throw new AssessInputError([`JSON 格式错误：${(error as Error).message}`]);
  }
  // Zod's own messages in Chinese for anything the schema does not word itself.
  const parsed = inputSchema.safeParse(raw, { error: z.locales.zhCN().localeError });
  if (!parsed.success) throw new AssessInputError(parsed.error.issues.map((i) => `${pathText(i.path)}：${i.message}`));
  // No prototype: an id is only ever an own key of the output.
  const results: Record<string, unknown> = Object.create(null);
  for (const [i, item] of parsed.data.entries()) {
    const { rule } = item;
    const input: AssessmentInput = {
      id: item.id,
      rule: toTargetRule(rule),
      better: rule.direction,
      baseYear: rule.baseYear,
      targetYear: rule.targetYear,
      limits: rule.limits,
      precision: rule.precision,
      floor: rule.floor,
      factor: rule.factor,
      series: item.series.map((p) => ({ ...p, value: p.value ?? null })),
    };
    let assessed: ReturnType<typeof assessIndicator>;
    try {
      assessed = assessIndicator(input);
    } catch (error) {
      if (error instanceof RangeError) throw new AssessInputError([`[${i}]：${error.message}`]);
      throw error;
    }
    const { id, finalCategory, ...result } = assessed;
    // finalCategory only for a finished cycle (t = T), so earlier outputs keep their format.
    results[id] = finalCategory === null ? result : { ...result, finalCategory };
  }
  return JSON.stringify(results, null, 2);
}
