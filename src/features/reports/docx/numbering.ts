// Heading numbers as Chinese official documents write them (GB/T 9704 §7.3.3): 一、 /（一）/ 1. /（1）.
// Written as plain text rather than Word list numbering, because that is what users type by hand and
// what survives copying between Word and WPS.

import { chineseNumber } from '../../../core/narrative/format.ts';

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
