// A new cycle is a new folder: the imaginary 2026–2030 plan loads with the same code.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogIndicators, describeIndicatorTarget, toCatalogJson } from '../../src/core/catalog/index.ts';
import { loadPlanFolder } from '../../src/features/catalog/load.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');

describe('the demo 2026–2030 plan folder', () => {
  it('loads, with its own cycle and base year', async () => {
    const catalog = await loadPlanFolder(demoDir);
    expect(catalog.folder.cycle).toEqual({ start: 2026, end: 2030, baseYear: 2025 });
    expect(catalog.plans).toHaveLength(1);
    const plan = catalog.plans[0];
    expect(plan?.domains.map((d) => d.code)).toEqual(['W1', 'W2']);
    const targets = catalogIndicators(catalog).map((e) => describeIndicatorTarget(e.indicator, e.plan, catalog));
    expect(targets).toEqual([
      '≤ 7.5/10万（控制在7.5/10万以下）',
      '≥ 80%（达到80%以上）',
      '逐步提高',
      '保持 ≥ 95%（保持在95%以上）',
      '≥ 36%（达到36%以上）',
      '不低于 女党员比例',
      '较2025年提高10%',
      '每个乡镇（街道）领导班子至少1名',
    ]);
    const relative = toCatalogJson(catalog).indicators.find((i) => i.code === 'W2-03');
    expect(relative?.rule).toEqual({ kind: 'relative_to_base', percent: 10, baseYear: 2025 });
  });
});
