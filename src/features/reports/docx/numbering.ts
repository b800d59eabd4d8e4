// Heading numbers as Chinese official documents write them (GB/T 9704 §7.3.3): 一、 /（一）/ 1. /（1）.
// Written as plain text rather than Word list numbering, because that is what users type by hand and
// what survives copying between Word and WPS.

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never reach 100). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`标题序号超出范围（1–99）：${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** Counts headings in document order; a heading restarts the counters of the levels below it. */
export class HeadingCounter {
  private counts = [0, 0, 0, 0];

  next(level: 1 | 2 | 3 | 4): string {
    this.counts[level - 1]! += 1;
    for (let i = level; i < this.counts.length; i++) this.counts[i] = 0;
    const n = this.counts[level - 1]!;
    if (level === 1) return `${chineseNumber(n)}、`;
    if (level === 2) return `（${chineseNumber(n)}）`;
    if (level === 3) return `${n}.`;
    return `（${n}）`;
  }
}
