// 演示数据 for 督导检查 and 议事协调: every year of the cycle has inspections and meetings; earlier years' items are
// closed, the last year's at different steps; a demo unit sees only its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWork } from '../../src/features/demo/work.ts';
import { listTasks, summariseTasks } from '../../src/features/tasks/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { login } from '../helpers/session.ts';

describe.each(ENGINES)('demo inspections and meetings on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await generateDemoWork(t.db.database.db, { from: 2021, to: 2025 }, new Date('2026-12-02T00:00:00Z'));
  }, 300_000);
  afterAll(() => t.close());

  it('fills 2021–2025, closing earlier years and leaving the last at different steps', async () => {
    const summary = await summariseTasks(t.db.database.db, { from: 2021, to: 2025 });
    for (let year = 2021; year <= 2025; year++) {
      const rect = summary.find((s) => s.year === year && s.source === 'rectification')!;
      const dec = summary.find((s) => s.year === year && s.source === 'decision')!;
      expect(rect.issued, `${year}`).toBeGreaterThan(0);
      expect(dec.issued, `${year}`).toBeGreaterThan(0);
      if (year < 2025) expect(rect.closed, `${year}`).toBe(rect.issued);
    }
    const last = summary.filter((s) => s.year === 2025);
    expect(last.some((s) => s.closed < s.issued)).toBe(true);
    const all = await listTasks(t.db.database.db, { role: 'office', unitId: null, areaId: null });
    expect(all.some((x) => x.overdue)).toBe(true);
  });

  it('shows a demo unit its own inspections, meetings and tasks only', async () => {
    const wjw = await login(t.app, 'wjw');
    const inspections = (await wjw.get('/api/inspections')).json().inspections;
    expect(inspections.length).toBeGreaterThan(0);
    const meetings = (await wjw.get('/api/meetings')).json().meetings;
    expect(meetings.length).toBeGreaterThan(0);
    const tasks = (await wjw.get('/api/tasks')).json().tasks as { unitName: string }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((x) => x.unitName))).toEqual(new Set(['区卫生健康委']));
  });
});
