// `tianping assess --input FILE`: assess indicators given as JSON, print results keyed by id (docs/cli-assess.md).
// Validation speaks Chinese and names the path of each bad field; the engine itself is src/core/assessment.
import { z } from 'zod';
import { assessIndicator } from '../core/assessment/index.ts';
import type { AssessmentInput } from '../core/assessment/types.ts';
import type { TargetRule } from '../core/rules.ts';

const year = z.number({ error: '应为年份（整数）' }).int({ error: '应为整数年份' }).min(1900).max(2200);
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
    body: z.string().optional(),
    wording: z.string().optional(),
    baseYear: year,
    targetYear: year,
    limits: z.tuple([z.number(), z.number().nullable()], { error: '自然界限应为 [最小值, 最大值或 null]' }).optional(),
    precision: z.number().int({ error: '小数位数应为整数' }).min(0).max(6).optional(),
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
  });

const inputSchema = z
  .array(
    z.object({
      id: z.string({ error: '指标编号 id 应为文字' }).min(1, { error: '指标编号 id 不能为空' }),
      rule: ruleSchema,
      series: z
        .array(
          z.object({
            year,
            value: optionalNumber,
            numerator: z.number().int({ error: '分子应为整数' }).min(0).nullable().optional(),
            denominator: z.number().positive({ error: '分母应为正数' }).nullable().optional(),
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
    }),
    { error: '输入应为指标数组' },
  )
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `指标编号 ${item.id} 重复` });
      seen.add(item.id);
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

export function runAssess(inputJsonText: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(inputJsonText);
  } catch (error) {
    throw new AssessInputError([`JSON 格式错误：${(error as Error).message}`]);
  }
  const parsed = inputSchema.safeParse(raw);
  if (!parsed.success) throw new AssessInputError(parsed.error.issues.map((i) => `${pathText(i.path)}：${i.message}`));
  const results: Record<string, unknown> = {};
  for (const item of parsed.data) {
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
    const { id, ...result } = assessIndicator(input);
    results[id] = result;
  }
  return JSON.stringify(results, null, 2);
}
