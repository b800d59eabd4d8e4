// The catalog holds exactly the plan's goals and measures, word for word. The seed document is parsed here
// independently of the catalog files, so a slip in the data (a lost item, an edited word) fails this test.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The issued document as published (a copy of the seed text), kept in the repository so a clone is self-contained.
const seedFile = path.resolve(repoRoot, 'test', 'fixtures', 'plan-text', 'wuqing-2021-2025.txt');

interface SeedDomain {
  name: string;
  goals: string[];
  measures: string[];
}

/** Split the document at each plan title and, within a plan's 二、发展领域, at each （一）… domain heading. */
function parseSeed(source: string): Map<string, SeedDomain[]> {
  const text = source.replace(/\r\n/g, '\n');
  const titles = ['天津市武清区妇女发展“十四五”规划', '天津市武清区儿童发展“十四五”规划'];
  const result = new Map<string, SeedDomain[]>();
  titles.forEach((title, t) => {
    const start = text.indexOf(`\n${title}\n`);
    const end = t + 1 < titles.length ? text.indexOf(`\n${titles[t + 1]}\n`) : text.length;
    const plan = text.slice(start, end);
    const areas = plan.slice(plan.indexOf('二、发展领域'), plan.indexOf('三、组织实施'));
    const chunks = areas.split(/\n（[一二三四五六七八九十]+）/).slice(1);
    result.set(
      title,
      chunks.map((chunk) => {
        const name = chunk.slice(0, chunk.indexOf('\n')).trim();
        const [goalPart = '', measurePart = ''] = chunk.split('策略措施：');
        const items = (part: string) =>
          part
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => /^\d+．/.test(l))
            .map((l) => l.replace(/^\d+．/, ''));
        return { name, goals: items(goalPart), measures: items(measurePart) };
      }),
    );
  });
  return result;
}

let catalog: Catalog;
let seed: Map<string, SeedDomain[]>;

beforeAll(async () => {
  catalog = await loadPlanFolder(defaultPlanDir());
  seed = parseSeed(readFileSync(seedFile, 'utf8'));
});

describe('the catalog holds the plan text word for word', () => {
  it('has both plans with their exact titles', () => {
    expect(catalog.plans.map((p) => p.title)).toEqual([...seed.keys()]);
    expect(catalog.plans.map((p) => p.id)).toEqual(['wuqing-women-2021-2025', 'wuqing-children-2021-2025']);
  });

  it('has 8 domains in the women’s plan and 7 in the children’s, in document order', () => {
    for (const plan of catalog.plans) {
      const expected = seed.get(plan.title) ?? [];
      expect(plan.domains.map((d) => d.name)).toEqual(expected.map((d) => d.name));
    }
    expect(catalog.plans.map((p) => p.domains.length)).toEqual([8, 7]);
  });

  it('has every numbered goal and measure, numbered 1..n, with the exact text', () => {
    for (const plan of catalog.plans) {
      const expected = seed.get(plan.title) ?? [];
      plan.domains.forEach((domain, d) => {
        const want = expected[d];
        expect(want, domain.name).toBeDefined();
        if (!want) return;
        expect(domain.goals.map((g) => g.number)).toEqual(want.goals.map((_, i) => i + 1));
        expect(domain.measures.map((m) => m.number)).toEqual(want.measures.map((_, i) => i + 1));
        expect(
          domain.goals.map((g) => g.text),
          `${domain.name} 主要目标`,
        ).toEqual(want.goals);
        expect(
          domain.measures.map((m) => m.text),
          `${domain.name} 策略措施`,
        ).toEqual(want.measures);
      });
    }
  });

  it('counts the goals and measures per plan', () => {
    const totals = catalog.plans.map((p) => ({
      goals: p.domains.reduce((n, d) => n + d.goals.length, 0),
      measures: p.domains.reduce((n, d) => n + d.measures.length, 0),
    }));
    const seedTotals = [...seed.values()].map((ds) => ({
      goals: ds.reduce((n, d) => n + d.goals.length, 0),
      measures: ds.reduce((n, d) => n + d.measures.length, 0),
    }));
    expect(totals).toEqual(seedTotals);
  });

  it('titles each measure with its first sentence', () => {
    const women = catalog.plans[0];
    expect(women?.domains[0]?.measures[0]?.title).toBe('完善保障妇女健康的制度机制');
    for (const plan of catalog.plans) {
      for (const domain of plan.domains) {
        for (const m of domain.measures) expect(m.text.startsWith(`${m.title}。`)).toBe(true);
      }
    }
  });

  it('keeps the plan-level sections as the document writes them', () => {
    const source = readFileSync(seedFile, 'utf8');
    for (const plan of catalog.plans) {
      expect(plan.sections.map((s) => s.title)).toEqual([
        '序言',
        '指导思想',
        '基本原则',
        '总体目标',
        '组织实施',
        '监测评估',
      ]);
      for (const section of plan.sections) {
        for (const paragraph of section.text.split('\n')) expect(source).toContain(paragraph);
      }
      expect(plan.issuer).toBe('武清区人民政府');
      expect(plan.issuedOn).toBe('2022-07-15');
      expect(plan.baseYear).toBe(2020);
      expect(plan.cycle).toEqual({ start: 2021, end: 2025 });
    }
  });
});
