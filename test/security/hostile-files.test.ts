import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dataValue, dataValueHistory } from '../../src/db/schema/index.ts';
import { assignLead } from '../collection/helpers.ts';
import { multipart } from '../fixtures/excel/large-task.ts';
import { type HostileFile, hostileCorpus } from '../fixtures/hostile/corpus.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

// Every hostile or malformed upload is answered with a clear Chinese 4xx, writes nothing, keeps the server's
// memory bounded and leaves /api/health answering (issue 15: one merged range used to take the server down).

const CJK = /[\u4e00-\u9fff]/;

describe.each(ENGINES)('hostile uploads on %s', (engine) => {
  let t: TestApp;
  let wjw: Client;
  let roundId: number;
  let corpus: HostileFile[];
  beforeAll(async () => {
    t = await createTestApp(engine);
    await assignLead(t.db.database.db, '区卫生健康委', ['孕产妇死亡率', '孕产妇系统管理率', '5岁以下儿童贫血率']);
    const office = await login(t.app, 'office');
    wjw = await login(t.app, 'wjw');
    const res = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
    roundId = res.json().round.id;
    const template = await wjw.get(`/api/rounds/${roundId}/template.xlsx`);
    expect(template.statusCode).toBe(200);
    corpus = await hostileCorpus(template.rawPayload);
  }, 900_000);
  afterAll(() => t?.close());

  const fingerprint = async () => {
    const db = t.db.database.db;
    const [v] = await db
      .select({ n: sql<number>`count(*)::int`, versions: sql<number>`coalesce(sum(version), 0)::int` })
      .from(dataValue);
    const [h] = await db.select({ n: sql<number>`count(*)::int` }).from(dataValueHistory);
    const [a] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(sql`action like 'value.%' or action like 'upload.%'`);
    return { values: v?.n, versions: v?.versions, history: h?.n, audit: a?.n };
  };

  it('answers each of ≥ 50 hostile files with a Chinese 4xx, writes nothing, stays up and bounded', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    const before = await fingerprint();
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let maxRss = baseline;
    const answers: string[] = [];
    const failures: string[] = [];
    for (const file of corpus) {
      const started = Date.now();
      const res = await wjw.request({
        method: 'POST',
        url: `/api/rounds/${roundId}/upload/preview`,
        ...multipart(file.bytes, `${file.name}.xlsx`),
      });
      const ms = Date.now() - started;
      const body = res.json();
      answers.push(`${res.statusCode} ${body.code} ${ms}ms ${file.name}: ${String(body.message).slice(0, 80)}`);
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      if (
        res.statusCode < 400 ||
        res.statusCode >= 500 ||
        !CJK.test(String(body.message)) ||
        String(body.message).includes('[object Object]') ||
        ms > 20_000 ||
        health.statusCode !== 200
      ) {
        failures.push(`${res.statusCode} ${ms}ms health ${health.statusCode} ${file.name}: ${res.body.slice(0, 200)}`);
      }
      maxRss = Math.max(maxRss, process.memoryUsage().rss);
    }
    const growthMb = (maxRss - baseline) / 1024 / 1024;
    console.info(
      `hostile files: ${corpus.length} tried, ${answers.length} answered 4xx; RSS ${Math.round(baseline / 1048576)} MB → max ${Math.round(maxRss / 1048576)} MB\n${answers.join('\n')}`,
    );
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    expect(growthMb).toBeLessThan(600);
  }, 900_000);
});
