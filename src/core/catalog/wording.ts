// How a plan's wording states a numeric target: "孕产妇死亡率控制在8.5/10万以下" → ≤ 8.5 /10万. Shared by the
// drafter (which proposes rules from the text) and the validator (which refuses rules the wording contradicts).
// Pure: no I/O.

import type { Comparator } from '../rules.ts';

/** Units written right after a number in a target clause, longest first. 岁 is excluded on purpose (5岁以下儿童). */
const UNIT_PATTERN = '%|‰|/10万|/万|个百分点|小时|分钟|年|个|名|项|次|人|所';
const NUM = '\\d+(?:\\.\\d+)?';
const ITEM = `(${NUM})(${UNIT_PATTERN})?`;
/** A run of numbers as the plan lists them: "3.0‰、5.0‰和6.0‰", "10%、3%". */
const RUN = new RegExp(`${ITEM}(?:[、和及与]${ITEM})*`, 'g');
const ONE = new RegExp(ITEM, 'g');

/** Rate units and the factor that turns a count ratio into them (counts.factor). */
export const RATE_FACTORS: Readonly<Record<string, number>> = { '%': 100, '‰': 1000, '/万': 10000, '/10万': 100000 };

/** Words before a number that state a comparator, longest first (控制在, 降至 or 保持在 state none by themselves). */
const BEFORE: [string, Comparator][] = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['至少', '>='],
  ['高于', '>'],
  ['超过', '>'],
  ['低于', '<'],
  ['达到', '>='],
  ['达', '>='],
];

const AFTER: [string, Comparator][] = [
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
];

export interface NumberInRun {
  value: number;
  /** The number as written (3.0), for messages. */
  written: string;
  unit: string;
}

/** One numeric statement of a clause: a number (or a list of numbers given 分别) and how it is compared. */
export interface NumericStatement {
  numbers: NumberInRun[];
  /** The comparator the wording states, or null when it states none (实施25项; 达到 alone is ≥). */
  comparator: Comparator | null;
  /** The word that stated it (以下, 高于, 达到 …), for messages. */
  word: string | null;
  /** 保持…以上 / 保持在: a level to hold every year. */
  maintain: boolean;
  /** The text before the numbers, from the start of the clause (the subject and its verb). */
  lead: string;
  /** Start and end of the numbers in the clause. */
  start: number;
  end: number;
}

/**
 * The numeric statements of a clause. Numbers that are not targets are skipped: ages (5岁以下), months (6个月内),
 * ranges (0—6岁, 7至9岁), base years (以2020年为基数) and years of a date.
 */
export function numericStatements(clause: string): NumericStatement[] {
  const out: NumericStatement[] = [];
  for (const m of clause.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = clause.slice(end);
    const before = clause.slice(0, start);
    // Not a target: ages and months, ranges, ordinals, and years (2020年为基数, 2025年底前), whose 年 the run has
    // taken as its unit.
    if (/^(?:岁|个月|周岁|[—–\-~～至])/.test(after)) continue;
    if (/\d[—–\-~～至]$|第$/.test(before)) continue;
    if (/^\d{4}年$/.test(m[0])) continue;
    if (m[0].endsWith('个') && /^月/.test(after)) continue; // 6个月内
    const numbers = [...m[0].matchAll(ONE)].map((n) => ({
      value: Number(n[1]),
      written: n[1] as string,
      unit: n[2] ?? '',
    }));
    // A list shares the unit written last: "10、15%" — rare, but keep the unit of the run.
    const lastUnit = numbers[numbers.length - 1]?.unit ?? '';
    for (const n of numbers) if (n.unit === '') n.unit = lastUnit;
    const trimmed = before.replace(/(?:分别|均|都|力争|逐步|每年)+$/, '');
    let comparator: Comparator | null = null;
    let word: string | null = null;
    const afterWord = AFTER.find(([w]) => after.startsWith(w));
    const beforeWord = BEFORE.find(([w]) => trimmed.endsWith(w));
    if (afterWord) [word, comparator] = afterWord;
    else if (beforeWord) [word, comparator] = beforeWord;
    const maintain = /保持(?:在)?$/.test(trimmed) || /保持[^，；。]*$/.test(trimmed.slice(-12));
    out.push({ numbers, comparator, word, maintain, lead: before, start, end });
  }
  return out;
}

/** Comparator symbols in the plan's words, for messages: "<=" → "以下（含本数）". */
export const COMPARATOR_READING: Readonly<Record<Comparator, string>> = {
  '>=': '不低于（含本数）',
  '>': '高于（不含本数）',
  '<=': '不高于（含本数）',
  '<': '低于（不含本数）',
};

/** The list of names a 分别 statement enumerates: "新生儿、婴儿和5岁以下儿童死亡率分别降至" → three names. */
export function enumeratedNames(lead: string): string[] {
  const subject = lead
    .split(/[，；。：]/)
    .pop()
    ?.replace(
      /(?:分别|均|都)?(?:控制在|降至|降到|下降到|达到|达|保持在|保持|不低于|不少于|不高于|高于|低于|提高到|提高至)?$/,
      '',
    )
    .replace(/(?:分别|均|都)$/, '');
  if (!subject) return [];
  return subject.split(/、|和|及|与/).filter((s) => s.length > 0);
}

/**
 * Which of the enumerated names an indicator name stands for: the longest name part the indicator's name contains.
 * -1 when none or two equally good.
 */
export function positionOf(name: string, parts: readonly string[]): number {
  let best = -1;
  let bestLength = 0;
  let tie = false;
  parts.forEach((part, i) => {
    // "5岁以下儿童贫血率" → also try the part without a leading qualifier shared by the list.
    const length = name.includes(part) ? part.length : 0;
    if (length > bestLength) {
      best = i;
      bestLength = length;
      tie = false;
    } else if (length > 0 && length === bestLength) tie = true;
  });
  return tie ? -1 : best;
}

/** Split an item's text into clauses at ，；。 (the units a quote is usually cut to). */
export function clausesOf(text: string): string[] {
  return text
    .split(/[，；。！？]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}
