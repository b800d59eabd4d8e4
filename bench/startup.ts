import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../test/helpers/server-process.ts';

/** Cold start of `tianping serve` as a process: a fresh data folder, then the same folder again. */
export async function benchStartup(): Promise<{ lines: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-start-'));
  const time = async () => {
    const t0 = performance.now();
    const server = await startServerProcess({ TIANPING_DATA_DIR: dataDir, TIANPING_DEMO: 'false' }, 120_000);
    const health = await fetch(`${server.url}/api/health`);
    const ms = performance.now() - t0;
    if (health.status !== 200) throw new Error(`health answered ${health.status}`);
    await server.stop();
    return ms;
  };
  try {
    const fresh = await time();
    const reused = await time();
    return {
      lines: [
        `startup: fresh data folder ${(fresh / 1000).toFixed(2)} s to first /api/health`,
        `startup: reused data folder ${(reused / 1000).toFixed(2)} s to first /api/health`,
      ],
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
