// What the member units wrote (their 评估报告, 年度工作报告, 督办 answers), condensed for a report: an item several
// units wrote in the same words is said once with who wrote it, and each unit keeps its own first item. Quoting
// every unit in full made 主要做法和经验 and 存在的问题 ten pages of near-identical paragraphs that an editor
// would cut by hand; the full texts stay in the system.
import { excerpt } from './format.ts';

/** One unit's text of one kind; `cause` is a second text read with it (问题 and 原因). */
export interface UnitStatement {
  unitName: string;
  text: string;
  cause?: string;
}

/** The items of a text: its sentences and ；-clauses, without closing punctuation or a leading 一是/二是. */
export function itemsOf(text: string): string[] {
  return text
    .split(/[。；;\n]+/)
    .map((s) =>
      s
        .trim()
        .replace(/^[一二三四五六七八九十]+是/, '')
        .replace(/[，,、\s]+$/, ''),
    )
    .filter(Boolean);
}

export interface Condensed {
  /** Items written by two or more units, grouped by who wrote them, the most often written first. */
  shared: { items: string[]; units: string[] }[];
  /** Each unit's first item of its own (and its first own cause), in the statements' order. */
  own: { unitName: string; item: string; cause?: string }[];
}

/**
 * Shared and own items of the statements. `skip` drops items the report says from its own figures (a unit's
 * "X未实现规划目标" would repeat, or contradict, the analysis).
 */
export function condense(
  statements: readonly UnitStatement[],
  skip: (item: string) => boolean = () => false,
): Condensed {
  const writers = new Map<string, Set<string>>();
  const parsed = statements.map((s) => {
    const main = itemsOf(s.text).filter((i) => !skip(i));
    const cause = itemsOf(s.cause ?? '').filter((i) => !skip(i));
    for (const item of [...main, ...cause]) {
      const set = writers.get(item) ?? new Set<string>();
      set.add(s.unitName);
      writers.set(item, set);
    }
    return { unitName: s.unitName, main, cause };
  });
  const isShared = (item: string) => (writers.get(item)?.size ?? 0) >= 2;
  // Items written by the same units are said in one sentence.
  const byWriters = new Map<string, { items: string[]; units: string[] }>();
  for (const [item, units] of writers) {
    if (units.size < 2) continue;
    const key = [...units].join('、');
    const group = byWriters.get(key) ?? { items: [], units: [...units] };
    group.items.push(item);
    byWriters.set(key, group);
  }
  const shared = [...byWriters.values()].sort((a, b) => b.units.length - a.units.length);
  const own = parsed.flatMap(({ unitName, main, cause }) => {
    const item = main.find((i) => !isShared(i));
    const why = cause.find((i) => !isShared(i));
    // A unit that wrote only causes is quoted with them.
    if (!item) return why ? [{ unitName, item: excerpt(why, 80) }] : [];
    return [{ unitName, item: excerpt(item, 80), ...(why ? { cause: excerpt(why, 60) } : {}) }];
  });
  return { shared, own };
}

/** A unit's first `max` items of a text, joined with ；, as the appendix table quotes them. */
export function firstItems(text: string | undefined, max: number, skip: (item: string) => boolean = () => false) {
  return itemsOf(text ?? '')
    .filter((i) => !skip(i))
    .slice(0, max)
    .map((i) => excerpt(i, 80))
    .join('；');
}

/** 区委宣传部、区教育局 / 区委宣传部、区教育局等5家单位 */
export function whoWrote(units: readonly string[]): string {
  return units.length <= 3 ? units.join('、') : `${units.slice(0, 2).join('、')}等${units.length}家单位`;
}

/**
 * The condensed statements as one passage: "区委宣传部、区教育局等5家单位反映…；…。此外，区教育局反映…；…。".
 * `verb` is what the units did (反映, 提出); `causeWord` introduces a unit's own cause.
 */
export function condensedText(c: Condensed, verb: string, causeWord = '主要原因是'): string {
  const parts = c.shared.map((s) => `${whoWrote(s.units)}${verb}${s.items.join('；')}`);
  if (c.own.length) {
    const own = c.own
      .map(
        (o) =>
          `${o.unitName}${verb}${o.item.replace(/[。；]$/, '')}${o.cause ? `，${causeWord}${o.cause.replace(/[。；]$/, '')}` : ''}`,
      )
      .join('；');
    parts.push(c.shared.length ? `此外，${own}` : own);
  }
  return parts.length ? `${parts.join('。')}。` : '';
}
