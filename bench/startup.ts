import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, startServerProcess } from '../test/helpers/server-process.ts';

// Cold start of the server as a process, to the first answered /api/health, and its resident memory then:
// the compiled bundle (`npm start`, plain node) against the TypeScript sources through tsx (`npm run dev`).
// Needs `npm run build` first for the compiled figures.

const MODES: Record<string, string[]> = {
  compiled: [path.join(REPO_ROOT, 'dist/server/main.js')],
  tsx: ['--import', 'tsx', path.join(REPO_ROOT, 'src/main.ts')],
};

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function benchStartup(): Promise<{ lines: string[] }> {
  const load = os.loadavg().map((l) => l.toFixed(2));
  const lines: string[] = [`startup: load average ${load.join(' ')}`];
  for (const [mode, args] of Object.entries(MODES)) {
    if (mode === 'compiled' && !fs.existsSync(args[0] as string)) {
      lines.push('startup: compiled bundle missing (run npm run build)');
      continue;
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-start-'));
    const time = async () => {
      const t0 = performance.now();
      const server = await startServerProcess({ TIANPING_DATA_DIR: dataDir, TIANPING_DEMO: 'false' }, 120_000, {
        args,
      });
      const health = await fetch(`${server.url}/api/health`);
      const ms = performance.now() - t0;
      if (health.status !== 200) throw new Error(`health answered ${health.status}`);
      const rss = residentMb(server.child.pid as number);
      await server.stop();
      return { ms, rss };
    };
    try {
      const fresh = await time();
      const reused = await time();
      lines.push(
        `startup (${mode}): fresh data folder ${(fresh.ms / 1000).toFixed(2)} s, reused ${(reused.ms / 1000).toFixed(2)} s to first /api/health; resident memory ${reused.rss.toFixed(0)} MB`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { lines };
}
