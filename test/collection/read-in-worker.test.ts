// Uploads arriving together are read two at a time (read-in-worker.ts MAX_READINGS): each reading has its own heap
// budget, so five files at once never cost five budgets. Every one is still answered, in turn. Observed through
// node's diagnostics channel (the real workers, no mocks).
import diagnostics from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_READINGS, readTemplateInWorker } from '../../src/features/collection/excel/read-in-worker.ts';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('数据').addRow([1, 2, 3]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('upload readings at the same moment', () => {
  it(`run at most ${MAX_READINGS} workers at once and answer every upload`, async () => {
    let alive = 0;
    let most = 0;
    let started = 0;
    const onWorker = (message: unknown) => {
      const { worker } = message as { worker: Worker };
      started++;
      most = Math.max(most, ++alive);
      worker.once('exit', () => alive--);
    };
    diagnostics.subscribe('worker_threads', onWorker);
    try {
      const file = await workbook();
      const answers = await Promise.allSettled(Array.from({ length: 5 }, () => readTemplateInWorker(file)));
      // Not a template: each is refused with the reader's own answer, none is lost or left waiting.
      expect(answers.map((a) => a.status)).toEqual(Array(5).fill('rejected'));
      for (const a of answers) expect((a as PromiseRejectedResult).reason).toHaveProperty('code');
      expect(started).toBe(5);
      expect(most).toBeLessThanOrEqual(MAX_READINGS);
      expect(most).toBe(MAX_READINGS);
    } finally {
      diagnostics.unsubscribe('worker_threads', onWorker);
    }
  }, 120_000);
});
