// Drafting a plan folder from the issued text (issue 13): the goals and measures come out word for word, the
// draft loads as it is, and the candidate indicators propose the quotes and rules a careful curator chose.
// Figures for the Wuqing text are printed (npx vitest run test/plans/draft.test.ts).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPlanDraft } from '../../src/cli/plan.ts';
import { draftPlanFolder, type PlanDraft, sameRule } from '../../src/core/catalog/draft.ts';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { DraftError, draftFromDocument, loadWholeFolder, writeDraftFolder } from '../../src/features/plans/index.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const wuqingText = path.join(fixtures, 'plan-text', 'wuqing-2021-2025.txt');
const demoText = path.join(fixtures, 'plan-text', 'demo-2026-2030.txt');
const tmpDirs: string[] = [];

afterEach(async () => {
  for (const dir of tmpDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tmpDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tianping-draft-'));
  tmpDirs.push(dir);
  return dir;
}

/** Curated indicators the draft proposes: a candidate of the same domain and item with the same quote (and rule). */
function proposed(catalog: Catalog, draft: PlanDraft) {
  let total = 0;
  let quote = 0;
  let quoteAndRule = 0;
  const missed: string[] = [];
  for (const plan of catalog.plans) {
    for (const domain of plan.domains) {
      for (const indicator of domain.indicators) {
        total++;
        const same = draft.candidates.filter(
          (c) =>
            c.domain === domain.code &&
            c.source.kind === indicator.source.kind &&
            c.source.number === indicator.source.number &&
            c.quote === indicator.quote,
        );
        if (same.length > 0) quote++;
        if (same.some((c) => sameRule(c.rule, indicator.rule))) quoteAndRule++;
        else missed.push(`${indicator.code} ${indicator.quote}`);
      }
    }
  }
  return { total, quote, quoteAndRule, missed };
}

describe('the Wuqing 2021–2025 text', () => {
  let catalog: Catalog;
  let draft: PlanDraft;

  beforeAll(async () => {
    catalog = await loadPlanFolder(defaultPlanDir());
    draft = draftPlanFolder(await readFile(wuqingText, 'utf8'), { id: 'wuqing' });
  });

  it('reproduces all 314 goals and measures word for word, with domains, sections and plan details', () => {
    let same = 0;
    let total = 0;
    expect(draft.plans.map((p) => p.plan.id)).toEqual(catalog.plans.map((p) => p.id));
    catalog.plans.forEach((plan, p) => {
      const drafted = draft.plans[p]?.plan;
      expect(drafted).toBeDefined();
      if (!drafted) return;
      const { domains: _d, ...meta } = plan;
      const { domains: _dd, ...draftedMeta } = drafted;
      expect(draftedMeta).toEqual(meta); // title, short title, issuer, date, cycle, base year, all six sections
      expect(drafted.domains.map((d) => [d.code, d.name])).toEqual(plan.domains.map((d) => [d.code, d.name]));
      plan.domains.forEach((domain, d) => {
        const dd = drafted.domains[d];
        for (const kind of ['goals', 'measures'] as const) {
          domain[kind].forEach((item, i) => {
            total++;
            if (JSON.stringify(dd?.[kind][i]) === JSON.stringify(item)) same++;
          });
          expect(dd?.[kind].length).toBe(domain[kind].length);
        }
      });
    });
    console.log(`草稿：主要目标和策略措施 ${same}/${total} 条逐字一致`);
    expect(total).toBe(314);
    expect(same).toBe(314);
    expect(draft.folder).toMatchObject({
      id: 'wuqing-2021-2025',
      region: '天津市武清区',
      cycle: { start: 2021, end: 2025, baseYear: 2020 },
      plans: ['women.yaml', 'children.yaml'],
    });
    expect(draft.warnings).toEqual([expect.stringContaining('organisation.yaml')]);
  });

  it('proposes the quote and rule of nearly every curated indicator', () => {
    const share = proposed(catalog, draft);
    console.log(
      `候选指标 ${draft.candidates.length} 个；128 个人工整理指标中，原文一致 ${share.quote}/${share.total}，原文和目标规则都一致 ${share.quoteAndRule}/${share.total}（${((100 * share.quoteAndRule) / share.total).toFixed(1)}%）；未提出：${share.missed.join('；')}`,
    );
    expect(share.total).toBe(128);
    expect(share.quoteAndRule).toBeGreaterThanOrEqual(127);
    // Proposals, not a flood: about one candidate per curated target.
    expect(draft.candidates.length).toBeLessThan(150);
  });

  it('reads a 分别 list into one candidate per number, each with its own name and value', () => {
    const deaths = draft.candidates.filter((c) => c.quote.includes('分别降至3.0‰'));
    expect(deaths.map((c) => [c.name, c.unit, c.rule])).toEqual([
      ['新生儿死亡率', '‰', { kind: 'threshold', comparator: '<=', value: 3 }],
      ['婴儿死亡率', '‰', { kind: 'threshold', comparator: '<=', value: 5 }],
      ['5岁以下儿童死亡率', '‰', { kind: 'threshold', comparator: '<=', value: 6 }],
    ]);
  });

  it('writes a folder that loads as it is, with the candidates apart and never counted as indicators', async () => {
    const dir = path.join(await tmpDir(), 'draft');
    expect(await writeDraftFolder(draft, dir)).toEqual([
      'folder.yaml',
      'women.yaml',
      'children.yaml',
      'organisation.yaml',
      'candidates.yaml',
    ]);
    // Loads as a server start would: plans and organisation.yaml.
    const whole = await loadWholeFolder(dir);
    expect(whole.organisation.committee.name).toBe('武清区妇女儿童工作委员会');
    const loaded = whole.catalog;
    expect(loaded.plans.flatMap((p) => p.domains.flatMap((d) => d.indicators))).toEqual([]);
    expect(loaded.folder.plans).not.toContain('candidates.yaml');
    const candidates = parse(await readFile(path.join(dir, 'candidates.yaml'), 'utf8')) as {
      candidates: { plan: string; domain: string; quote: string }[];
    };
    expect(candidates.candidates).toHaveLength(draft.candidates.length);
    expect(candidates.candidates[0]).toMatchObject({ plan: 'women.yaml', domain: 'W1', quote: '妇女人均预期寿命延长' });
    // A draft never overwrites a folder that has files in it.
    await expect(writeDraftFolder(draft, dir)).rejects.toThrow(/不是空的/);
  });
});

describe('the 2026–2030 demo fixture as a document', () => {
  it('drafts the fixture’s goals and measures and proposes all its indicators', async () => {
    const fixture = await loadPlanFolder(path.join(fixtures, 'plans', 'demo-2026-2030'));
    const draft = draftPlanFolder(await readFile(demoText, 'utf8'), { id: 'demo' });
    expect(draft.folder).toMatchObject({
      id: 'demo-2026-2030',
      region: '示范区',
      cycle: { start: 2026, baseYear: 2025 },
    });
    const [plan] = draft.plans.map((p) => p.plan);
    const [want] = fixture.plans;
    expect(plan?.title).toBe(want?.title);
    expect(plan?.issuer).toBe('示范区人民政府');
    expect(plan?.issuedOn).toBe('2026-06-30');
    expect(plan?.domains.map((d) => ({ ...d, indicators: [] }))).toEqual(
      want?.domains.map((d) => ({ ...d, indicators: [] })),
    );
    const share = proposed(fixture, draft);
    expect(share).toMatchObject({ total: 8, quoteAndRule: 8 });
  });

  it('reads the same text from a .docx', async () => {
    const text = await readFile(demoText, 'utf8');
    const doc = new Document({
      sections: [{ children: text.split('\n').map((line) => new Paragraph({ text: line })) }],
    });
    const buf = await Packer.toBuffer(doc);
    const fromDocx = draftFromDocument(buf, '示范区规划.docx', { id: 'demo' });
    expect(fromDocx).toEqual(draftPlanFolder(text, { id: 'demo' }));
  });

  it('the CLI writes the folder and says what it drafted', async () => {
    const dir = path.join(await tmpDir(), 'out');
    const output = await runPlanDraft(demoText, { out: dir, id: 'demo' });
    expect(output).toContain('合计主要目标 4 条、策略措施 2 条；候选监测指标 8 个');
    expect((await loadPlanFolder(dir)).folder.id).toBe('demo-2026-2030');
  });
});

describe('what the drafter refuses', () => {
  it('a text without a plan says what a plan title looks like', () => {
    expect(() => draftPlanFolder('会议纪要\n今天开会。')).toThrow(DraftError);
    expect(() => draftPlanFolder('会议纪要\n今天开会。')).toThrow(/没有找到规划标题/);
  });

  it('an old .doc or a non-UTF-8 text asks for .docx or UTF-8', async () => {
    const dir = await tmpDir();
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]); // 你好 in GBK
    await writeFile(path.join(dir, 'plan.txt'), gbk);
    expect(() => draftFromDocument(gbk, 'plan.txt')).toThrow(/UTF-8/);
    expect(() => draftFromDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'plan.doc')).toThrow(/另存为 .docx/);
  });
});
