import type { ContextFigureKey, ContextFigures, ContextYearFigures } from '../../core/narrative/index.ts';
import type { Db } from '../../db/connection.ts';
import { cycleHead } from '../../platform/cycles.ts';
import { type Actor, audit } from '../audit/index.ts';
import { contextFiguresKey, getContextFigures, setContextFigures } from '../reports/index.ts';

// 经济社会基本情况数据 in the demo, so that the final evaluation report opens with a real-looking paragraph. Made-up
// figures of the right size for the bundled district (第七次全国人口普查 about 115万 residents; GDP somewhat over 1,000亿元), and
// the source says 演示数据 so that nobody copies them into a real report.

/** The demo's 2020 and 2025 figures; other years follow the same yearly change. */
const DEMO_FIGURES: Record<ContextFigureKey, [number, number]> = {
  population: [115.1, 115.8],
  female: [56.5, 57.0],
  children: [21.2, 20.6],
  gdp: [1087.6, 1268.4],
  budget: [166.8, 181.5],
  livelihoodShare: [75.2, 78.6],
  urbanIncome: [42150, 52380],
  ruralIncome: [27460, 35120],
};

const PRECISION: Record<ContextFigureKey, number> = {
  population: 1,
  female: 1,
  children: 1,
  gdp: 1,
  budget: 1,
  livelihoodShare: 1,
  urbanIncome: 0,
  ruralIncome: 0,
};

/** A year's demo figures: geometric between 2020 and 2025 and beyond; the share moves linearly, at most 90%. */
function demoYear(year: number): ContextYearFigures {
  const t = (year - 2020) / 5;
  return Object.fromEntries(
    Object.entries(DEMO_FIGURES).map(([key, [a, b]]) => {
      const v = key === 'livelihoodShare' ? Math.min(90, a + (b - a) * t) : a * (b / a) ** t;
      return [key, Number(v.toFixed(PRECISION[key as ContextFigureKey]))];
    }),
  );
}

/** Sets the folder's context figures for its base and final years, unless the office has entered some already. */
export async function seedDemoContextFigures(db: Db, folderId: string, actor: Actor): Promise<void> {
  const before = await getContextFigures(db, folderId);
  if (before.source || Object.keys(before.base).length || Object.keys(before.final).length) return;
  const head = await cycleHead(db, folderId);
  const after: ContextFigures = { base: demoYear(head.baseYear), final: demoYear(head.end), source: '演示数据' };
  await db.transaction(async (tx) => {
    await setContextFigures(tx, folderId, after);
    await audit(tx, actor, {
      action: 'settings.context_figures',
      objectType: 'setting',
      objectId: contextFiguresKey(folderId),
      before,
      after,
    });
  });
}
