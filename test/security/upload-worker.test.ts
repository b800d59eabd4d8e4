import diagnostics from 'node:diagnostics_channel';
import { PassThrough } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_SHEET, KEY_SHEET } from '../../src/features/collection/excel/layout.ts';
import { assignLead } from '../collection/helpers.ts';
import { addLargeTask, fillTemplate, multipart } from '../fixtures/excel/large-task.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { type Client, login } from '../helpers/session.ts';

// The upload worker's own refusals (read-in-worker.ts): a reading that outgrows the worker's heap or outlasts
// its time is ended and answered FILE_TOO_COMPLEX, the server goes on answering, its memory stays bounded, and
// the next normal upload works. parse.ts's limits refuse every file of the hostile corpus before these budgets
// are reached, so here the budgets are made small (ReaderLimits, passed to buildApp) and the file is a real,
// large-but-legal xlsx written by exceljs: the reader must read it all (under the default budget it reaches
// the template checks and is refused as NOT_TEMPLATE, the control below). Also: while a worker reads a large
// valid template, another user's request is answered (order of events, not times).
// PGlite only: the worker needs no database and refuses before any is touched; the corpus test runs both engines.

const CJK = /[\u4e00-\u9fff]/;
/** 40,000 rows × 15 numbers: ≈ 25 MB of sheet XML, far over a 16 MB heap, within every limit of parse.ts. */
const HEAVY_ROWS = 40_000;
const HEAVY_COLUMNS = 15;

/** A legal xlsx with the template's sheet names and a large data sheet, written with exceljs's streaming writer. */
async function heavyWorkbook(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  wb.addWorksheet(KEY_SHEET).commit();
  const ws = wb.addWorksheet(DATA_SHEET);
  for (let r = 1; r <= HEAVY_ROWS; r++) {
    ws.addRow(Array.from({ length: HEAVY_COLUMNS }, (_, c) => r * 100 + c)).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Every worker thread the process starts from now on, and what became of it (node's diagnostics channel). */
function watchWorkers() {
  const events: string[] = [];
  const workers: Worker[] = [];
  /** Milliseconds each worker spent from holding the file to its end: for the log only, never asserted. */
  const readingMs: number[] = [];
  const onWorker = (message: unknown) => {
    const { worker } = message as { worker: Worker };
    const n = workers.push(worker);
    events.push(`worker ${n} started`);
    let started = 0;
    worker.on('message', (m: unknown) => {
      if (m !== 'ready') return;
      started = performance.now();
      events.push(`worker ${n} reading`);
    });
    worker.once('exit', () => {
      readingMs[n - 1] = Math.round(performance.now() - started);
      events.push(`worker ${n} ended`);
    });
  };
  diagnostics.subscribe('worker_threads', onWorker);
  return { events, workers, readingMs, stop: () => diagnostics.unsubscribe('worker_threads', onWorker) };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

interface Setup {
  t: TestApp;
  wjw: Client;
  roundId: number;
  template: Buffer;
}

async function setup(readerLimits?: { heapMb?: number; timeoutMs?: number }): Promise<Setup> {
  const t = await createTestApp('pglite', {}, readerLimits ? { readerLimits } : {});
  await assignLead(t.db.database.db, '区卫生健康委', ['孕产妇死亡率', '孕产妇系统管理率', '5岁以下儿童贫血率']);
  const office = await login(t.app, 'office');
  const wjw = await login(t.app, 'wjw');
  const res = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
  const roundId = res.json().round.id;
  const template = await wjw.get(`/api/rounds/${roundId}/template.xlsx`);
  expect(template.statusCode).toBe(200);
  return { t, wjw, roundId, template: template.rawPayload };
}

const upload = (s: Setup, bytes: Buffer, name = '填报模板.xlsx') =>
  s.wjw.request({ method: 'POST', url: `/api/rounds/${s.roundId}/upload/preview`, ...multipart(bytes, name) });

/** Uploads a file, sampling the process's RSS meanwhile; then /api/health and a normal upload. */
async function refuseAndRecover(s: Setup, heavy: Buffer) {
  const watch = watchWorkers();
  try {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let maxRss = baseline;
    let done = false;
    const sampler = (async () => {
      while (!done) {
        maxRss = Math.max(maxRss, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const res = await upload(s, heavy, '大文件.xlsx');
    done = true;
    await sampler;
    // The refused reading's worker is ended, not left running.
    await until(() => watch.events.includes('worker 1 ended'));
    const health = await s.t.app.inject({ method: 'GET', url: '/api/health' });
    const normal = await upload(s, s.template);
    return {
      res,
      health,
      normal,
      growthMb: (maxRss - baseline) / 1048576,
      events: watch.events,
      readingMs: watch.readingMs[0],
    };
  } finally {
    watch.stop();
  }
}

describe('the upload worker refuses what outgrows its budget and the server carries on', () => {
  let heavy: Buffer;
  beforeAll(async () => {
    heavy = await heavyWorkbook();
  }, 300_000);

  describe('under the default budget (the control, and a slow reading beside another request)', () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup();
    }, 300_000);
    afterAll(() => s?.t.close());

    it('reads the heavy file to the end: refused as not a template, not as too complex', async () => {
      const watch = watchWorkers();
      try {
        const res = await upload(s, heavy, '大文件.xlsx');
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().code).toBe('NOT_TEMPLATE');
        await until(() => watch.events.includes('worker 1 ended'));
        console.info(`heavy file (${heavy.length} bytes) read under the default budget in ${watch.readingMs[0]} ms`);
      } finally {
        watch.stop();
      }
    }, 120_000);

    it('answers /api/health while a worker reads a large valid template', async () => {
      // A 3,600-value final-round task (200 indicators × 6 years × 3 sexes), filled in: a valid upload that
      // takes the worker a while to read.
      await addLargeTask(s.t.db.database.db, 200);
      const office = await login(s.t.app, 'office');
      const wjw = await login(s.t.app, 'wjw');
      const opened = await office.post('/api/rounds', { kind: 'final', year: 2025, deadline: '2026-06-30' });
      expect(opened.statusCode, opened.body).toBe(200);
      const roundId = opened.json().round.id;
      const template = await wjw.get(`/api/rounds/${roundId}/template.xlsx`);
      const { buffer, filled } = await fillTemplate(template.rawPayload);
      expect(filled).toBe(3600);

      const watch = watchWorkers();
      try {
        const order: string[] = watch.events;
        const uploading = wjw
          .request({ method: 'POST', url: `/api/rounds/${roundId}/upload/preview`, ...multipart(buffer) })
          .then((res) => {
            order.push('upload answered');
            return res;
          });
        // Once the worker holds the file, another user asks the server something.
        await until(() => order.includes('worker 1 reading'));
        const health = await s.t.app.inject({ method: 'GET', url: '/api/health' });
        order.push('health answered');
        const res = await uploading;
        expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
        expect(res.json().counts).toBeDefined();
        expect(health.statusCode).toBe(200);
        await until(() => order.includes('worker 1 ended'));
        console.info(`while reading: ${order.join(' → ')}`);
        // Answered while the worker was still reading: the reading did not hold the server's thread.
        expect(order.indexOf('health answered')).toBeGreaterThan(order.indexOf('worker 1 reading'));
        expect(order.indexOf('health answered')).toBeLessThan(order.indexOf('upload answered'));
        expect(order.indexOf('health answered')).toBeLessThan(order.indexOf('worker 1 ended'));
      } finally {
        watch.stop();
      }
    }, 300_000);
  });

  describe('with a 16 MB heap', () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup({ heapMb: 16 });
    }, 300_000);
    afterAll(() => s?.t.close());

    it('refuses a reading that runs out of heap with FILE_TOO_COMPLEX, stays up and bounded, then takes a normal upload', async () => {
      const { res, health, normal, growthMb, events, readingMs } = await refuseAndRecover(s, heavy);
      console.info(
        `heap 16 MB: ${res.statusCode} ${res.body}; ended after ${readingMs} ms; RSS +${growthMb.toFixed(0)} MB; ${events.join(' → ')}`,
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('FILE_TOO_COMPLEX');
      expect(res.json().message).toMatch(CJK);
      expect(res.json().message).toContain('内存超过 16 MB');
      expect(health.statusCode).toBe(200);
      expect(normal.statusCode, normal.body.slice(0, 500)).toBe(200);
      // The worker's heap (16 MB), its young generation (32 MB), the file unpacked beside it: not the 4 GB an
      // unbounded reading took (issue 15).
      expect(growthMb).toBeLessThan(200);
    }, 300_000);
  });

  describe('with a 300 ms reading time', () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup({ timeoutMs: 300 });
    }, 300_000);
    afterAll(() => s?.t.close());

    it('refuses a reading that takes too long with FILE_TOO_COMPLEX, stays up, then takes a normal upload', async () => {
      const { res, health, normal, growthMb, events, readingMs } = await refuseAndRecover(s, heavy);
      console.info(
        `time 300 ms: ${res.statusCode} ${res.body}; ended after ${readingMs} ms; RSS +${growthMb.toFixed(0)} MB; ${events.join(' → ')}`,
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('FILE_TOO_COMPLEX');
      expect(res.json().message).toMatch(CJK);
      expect(res.json().message).toContain('读取超过 300 毫秒');
      expect(health.statusCode).toBe(200);
      expect(normal.statusCode, normal.body.slice(0, 500)).toBe(200);
      expect(growthMb).toBeLessThan(200);
    }, 300_000);
  });
});
