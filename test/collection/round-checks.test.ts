// The reviewer's list (issue 14): the statistics bureau sees every row of a round that trips a 审核公式, across all
// units and towns, with the reporter's explanation, without opening each submission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundCheck } from '../../src/features/collection/contract.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { saveTotal, type TaskItem } from './helpers.ts';

describe.each(ENGINES)('审核公式 hits across a round on %s', (engine) => {
  let t: TestApp;
  let stats: Client;
  let wjw: Client;
  let round: { id: number; year: number };
  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    stats = await login(t.app, 'stats');
    wjw = await login(t.app, 'wjw');
    const rounds = (await stats.get('/api/rounds')).json().rounds as { id: number; status: string; year: number }[];
    round = rounds.find((r) => r.status === 'open')!;
  });
  afterAll(() => t.close());

  it('lists a jump of more than 30% with the unit’s explanation, under the unit’s name', async () => {
    const task = (await wjw.get(`/api/rounds/${round.id}/task`)).json() as { items: TaskItem[] };
    const item = task.items.find(
      (i) =>
        !i.indicator.counts &&
        i.sexes.length === 1 &&
        (i.values.find((v) => v.year === round.year - 1 && v.sex === 'total')?.value ?? 0) > 10,
    )!;
    const last = item.values.find((v) => v.year === round.year - 1 && v.sex === 'total')!.value as number;
    const value = Number((last * 0.5).toFixed(item.indicator.precision));
    const saved = await saveTotal(wjw, round, item, value, '统计口径调整，由常住人口改为户籍人口');
    expect(saved.statusCode, saved.body).toBe(200);

    const res = await stats.get(`/api/rounds/${round.id}/checks`);
    expect(res.statusCode, res.body).toBe(200);
    const checks = res.json().checks as RoundCheck[];
    const hit = checks.find((c) => c.indicatorId === item.indicator.id && c.year === round.year && c.sex === 'total');
    expect(hit).toMatchObject({
      reporterName: '区卫生健康委',
      level: 'soft',
      rule: 'S_CHANGE_30',
      value,
      explanation: '统计口径调整，由常住人口改为户籍人口',
    });
    expect(hit!.message).toMatch(/30%/);
    // Values still being filled in are the reporter's to-do, not review hits.
    expect(checks.filter((c) => c.rule === 'S_MISSING' && c.submissionStatus === 'in_progress')).toEqual([]);
  });

  it('is for the statistics bureau and the office only', async () => {
    expect((await wjw.get(`/api/rounds/${round.id}/checks`)).statusCode).toBe(403);
    expect((await stats.get('/api/rounds/999999/checks')).statusCode).toBe(404);
  });
});
