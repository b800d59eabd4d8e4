// Year-on-year change in the phrasing of national statistical monitoring reports (国家统计局《中国妇女/儿童发展
// 纲要统计监测报告》): "比上年提高2.5个百分点", "下降0.8个十万分点", "与上年基本持平".
import { num } from './format.ts';

/** Rates take 个百分点 / 个千分点 / 个十万分点; anything else is a count or amount in its own unit (个, 名, 所). */
const POINT_UNITS: Record<string, string> = {
  '%': '个百分点',
  '‰': '个千分点',
  '/10万': '个十万分点',
  '1/10万': '个十万分点',
};

/**
 * Change from prev to curr: 提高/下降 N 个百分点 for %, 上升/下降 N 个千分点 (‰) or 个十万分点 (/10万),
 * 增加/减少 N{unit} otherwise; 与上年基本持平 when |Δ| is below half a unit of the published precision.
 */
export function describeChange(prev: number, curr: number, unit: string, precision = 1): string {
  const delta = curr - prev;
  if (Math.abs(delta) < 0.5 / 10 ** precision) return '与上年基本持平';
  const amount = num(Math.abs(delta), precision);
  const points = POINT_UNITS[unit];
  if (points) {
    const up = unit === '%' ? '提高' : '上升';
    return `${delta > 0 ? up : '下降'}${amount}${points}`;
  }
  return `${delta > 0 ? '增加' : '减少'}${amount}${unit}`;
}
