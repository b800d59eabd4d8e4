// A goal that opens with its year (到2030年，… / 2028年底前，…) is one goal: the draft proposes its indicator
// and no candidate "数 ≥ 2030年" from the year, which the office would have had to reject by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftPlanFolder } from '../../src/core/catalog/draft.ts';

const demoText = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plan-text', 'demo-2026-2030.txt'),
  'utf8',
);

describe('a goal with its year', () => {
  it('gives the same candidates as without the year', () => {
    const dated = demoText
      .replace('1．孕产妇死亡率控制在7.5/10万以下。', '1．到2030年，孕产妇死亡率控制在7.5/10万以下。')
      .replace('2．适龄妇女宫颈癌人群筛查率', '2．2028年底前，适龄妇女宫颈癌人群筛查率');
    expect(dated).not.toBe(demoText);
    const rules = (text: string) =>
      draftPlanFolder(text, { id: 'demo' }).candidates.map((c) => `${c.name} ${c.unit} ${JSON.stringify(c.rule)}`);
    const plain = rules(demoText);
    expect(rules(dated)).toEqual(plain);
    expect(plain).toContain('孕产妇死亡率 /10万 {"kind":"threshold","comparator":"<=","value":7.5}');
  });
});
