// 分子/分母 in 规划管理 (issue 13): a rate reported as counts (孕产妇死亡率 = 孕产妇死亡数 ÷ 活产数 × 100000) is
// set on a candidate; the plan files' validator judges it (a part left out, a factor that is not the unit's) with
// its Chinese message at the field, and the exported folder carries it as the hand-written plan files do.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CandidateRow, DraftDetail, ProblemsReply } from '../../src/features/plans/contract.ts';
import { loadWholeFolder } from '../../src/features/plans/index.ts';
import { readZipDirectory, readZipEntry } from '../../src/kernel/zip.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';
import { type Client, login } from '../helpers/session.ts';

const demoText = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'plan-text',
  'demo-2026-2030.txt',
);

describe.each(ENGINES)('分子/分母 of a candidate on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let draftId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    const res = await office.request({
      method: 'POST',
      url: '/api/plan-drafts?id=demo',
      ...multipart(await readFile(demoText), 'demo-2026-2030.txt'),
    });
    expect(res.statusCode, res.body).toBe(201);
    draftId = res.json().id;
  }, 120_000);
  afterAll(() => t?.close());

  const maternal = async (): Promise<CandidateRow> => {
    const d = (await office.get(`/api/plan-drafts/${draftId}`)).json() as DraftDetail;
    return d.candidates.find((c) => c.drafted.name === '孕产妇死亡率') as CandidateRow;
  };
  const saveCounts = async (counts: object) => {
    const row = await maternal();
    const res = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/candidates/${row.index}`,
      payload: { revision: row.decision.revision, status: 'accepted', edits: { counts }, lead: 'wjw' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return row.index;
  };
  /** The problems the validator puts at the candidate's 分子/分母 fields. */
  const countProblems = async (index: number) => {
    const reply = (await office.get(`/api/plan-drafts/${draftId}/problems`)).json() as ProblemsReply;
    return reply.problems
      .filter((p) => p.target.kind === 'candidate' && p.target.index === index && p.target.field.startsWith('counts'))
      .map((p) => [p.target.kind === 'candidate' ? p.target.field : '', p.message]);
  };

  it('stores what was typed and shows the validator’s problems at 分母 and 倍数, in Chinese', async () => {
    // A part left out: the form check names it.
    const index = await saveCounts({ numerator: '孕产妇死亡数', factor: 100000 });
    expect((await maternal()).candidate.counts).toEqual({ numerator: '孕产妇死亡数', factor: 100000 });
    expect(await countProblems(index)).toEqual([['counts.denominator', '缺少必填字段“denominator”（分母），请补上。']]);
    // A factor that is not the unit's: the meaning check says which one it should be.
    await saveCounts({ numerator: '孕产妇死亡数', denominator: '活产数', factor: 1000 });
    expect(await countProblems(index)).toEqual([
      [
        'counts.factor',
        '单位为“/10万”的比率，计数口径的倍数应为 100000（现在是 1000）：分子 ÷ 分母 × 100000 才是以“/10万”表示的数值。',
      ],
    ]);
  });

  it('accepts the counts of the plan and exports them in the folder’s YAML', async () => {
    const index = await saveCounts({ numerator: '孕产妇死亡数', denominator: '活产数', factor: 100000 });
    expect(await countProblems(index)).toEqual([]);
    const res = await office.get(`/api/plan-drafts/${draftId}/export.zip`);
    expect(res.statusCode).toBe(200);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tp-counts-zip-'));
    try {
      for (const e of readZipDirectory(res.rawPayload)) {
        await writeFile(path.join(dir, path.basename(e.name)), readZipEntry(res.rawPayload, e, 1 << 20));
      }
      const yaml = await readFile(path.join(dir, 'women.yaml'), 'utf8');
      expect(yaml).toContain('counts: { numerator: 孕产妇死亡数, denominator: 活产数, factor: 100000 }');
      const whole = await loadWholeFolder(dir);
      const indicator = whole.catalog.plans[0]?.domains
        .flatMap((d) => d.indicators)
        .find((i) => i.name === '孕产妇死亡率');
      expect(indicator?.counts).toEqual({ numerator: '孕产妇死亡数', denominator: '活产数', factor: 100000 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('drops the counts when the box is cleared (the edit leaves them out)', async () => {
    const row = await maternal();
    const res = await office.request({
      method: 'PATCH',
      url: `/api/plan-drafts/${draftId}/candidates/${row.index}`,
      payload: { revision: row.decision.revision, status: 'accepted', edits: {}, lead: 'wjw' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await maternal()).candidate.counts).toBeUndefined();
  });
});
