// The two plan documents of the repository drafted inside each test, not in a beforeAll: the same checks as
// draft.test.ts's (every goal and measure word for word, the curated quotes and rules proposed), in a form the
// mutation run can use (a draft made in a beforeAll makes every mutant of the drafter static: hours per run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftPlanFolder, sameRule } from '../../src/core/catalog/draft.ts';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const text = (name: string) => readFileSync(path.join(fixtures, 'plan-text', name), 'utf8');

/** Goals and measures of the draft that equal the catalog's, and the curated indicators proposed with their rule. */
async function compare(catalog: Catalog, source: string, id: string, wholeMeta: boolean) {
  const draft = draftPlanFolder(source, { id });
  let items = 0;
  let same = 0;
  let proposed = 0;
  catalog.plans.forEach((plan, p) => {
    const drafted = draft.plans[p]?.plan;
    const { domains: _d, ...meta } = plan;
    const { domains: _dd, ...draftedMeta } = drafted ?? { domains: [] };
    // The demo's curated plan has its own sections and short title; its title, issuer and date are the text's.
    if (wholeMeta) expect(draftedMeta).toEqual(meta);
    else expect(draftedMeta).toMatchObject({ title: meta.title, issuer: meta.issuer, issuedOn: meta.issuedOn });
    plan.domains.forEach((domain, d) => {
      expect(drafted?.domains[d]?.code).toBe(domain.code);
      expect(drafted?.domains[d]?.name).toBe(domain.name);
      for (const kind of ['goals', 'measures'] as const) {
        domain[kind].forEach((item, i) => {
          items++;
          if (JSON.stringify(drafted?.domains[d]?.[kind][i]) === JSON.stringify(item)) same++;
        });
      }
      for (const indicator of domain.indicators) {
        const candidate = draft.candidates.find(
          (c) =>
            c.domain === domain.code &&
            c.source.kind === indicator.source.kind &&
            c.source.number === indicator.source.number &&
            c.quote === indicator.quote &&
            sameRule(c.rule, indicator.rule),
        );
        if (candidate) proposed++;
      }
    });
  });
  return { draft, items, same, proposed };
}

describe('the repository’s plan documents, drafted', () => {
  it('reproduces the Wuqing plans word for word and proposes 127 of the 128 curated indicators', async () => {
    const catalog = await loadPlanFolder(defaultPlanDir());
    const { draft, items, same, proposed } = await compare(catalog, text('wuqing-2021-2025.txt'), 'wuqing', true);
    expect([items, same, proposed]).toEqual([314, 314, 127]);
    expect(draft.folder).toEqual({
      id: 'wuqing-2021-2025',
      name: '天津市武清区妇女和儿童发展“十四五”规划',
      region: '天津市武清区',
      cycle: { start: 2021, end: 2025, baseYear: 2020 },
      plans: ['women.yaml', 'children.yaml'],
    });
    expect(draft.candidates.length).toBeLessThan(150);
    expect(draft.organisation.committee.name).toBe('武清区妇女儿童工作委员会');
  });

  it('reproduces the demo plan and proposes all its indicators', async () => {
    const catalog = await loadPlanFolder(path.join(fixtures, 'plans', 'demo-2026-2030'));
    const { draft, items, same, proposed } = await compare(catalog, text('demo-2026-2030.txt'), 'demo', false);
    expect([items, same, proposed]).toEqual([6, 6, 8]);
    expect(draft.candidates).toHaveLength(8);
  });
});
