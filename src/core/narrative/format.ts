// Numbers as the texts print them.
import { num } from '../assessment/format.ts';

/** 56.4% from 0.5641; — when null. */
export function percent(rate: number | null, digits = 1): string {
  return rate === null ? '—' : `${num(rate * 100, digits)}%`;
}

/** A value with its unit as written in prose: 8.2/10万, 95.3%, 2.21‰, 83.6岁, 27项, 3.2个百分点. */
export function withUnit(value: number, unit: string, precision = 1): string {
  const n = num(value, precision);
  if (unit === '百分点') return `${n}个百分点`;
  return `${n}${unit}`;
}

/** The unit describeChange should speak in: 百分点 changes are 个百分点. */
export function changeUnit(unit: string): string {
  return unit === '百分点' ? '个百分点' : unit;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never reach 100). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`标题序号超出范围（1–99）：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** 一是、二是 … 十是 */
export function ordinal(i: number): string {
  const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return i < 10 ? `${digits[i]}是` : `第${i + 1}是`;
}

/** Ends a sentence with 。 unless it already ends with a stop. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[；;，,]$/, '');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

/** A list of names joined the Chinese way: A、B和C. */
export function joinNames(names: string[], max = 6): string {
  const shown = names.slice(0, max);
  const list = shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join('、')}和${shown.at(-1)}`;
  return names.length > max
    ? `${shown.join('、')}等${names.length}项指标`
    : `${list}${names.length > 1 ? '等指标' : ''}`;
}

/** The first lines of a free text, trimmed to a readable length (whole sentences where possible). */
export function excerpt(text: string, max = 160): string {
  const flat = text
    .replace(/\s*\n\s*/g, '；')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('；'));
  return stop > max / 2 ? cut.slice(0, stop + 1) : `${cut}……`;
}
