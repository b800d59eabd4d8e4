import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

/**
 * Starts the server with demo data on `dataDir`, as a restart of a folder the run has already filled: generating the
 * demo data takes 10–30 s on a busy 2-core machine and was paid by every browser test. The first file that asks for
 * a given environment starts a server on a fresh folder and keeps that folder, stopped, as the run's template; every
 * file (that one included) then starts on its own copy, so no test sees another's writes. The e2e files run one at a
 * time (vitest.config.ts), so two never build the same template.
 */
export async function startDemoServer(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 540_000,
): Promise<ServerProcess> {
  const key = Object.entries(env)
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const template = path.join(inject('preparedDir'), `demo-folder-${Buffer.from(key).toString('hex') || 'default'}`);
  if (!fs.existsSync(template)) {
    const building = `${template}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    const first = await startServerProcess({ ...env, TIANPING_DATA_DIR: building }, timeoutMs);
    const code = await first.stop();
    if (code !== 0)
      throw new Error(`the demo folder's first server did not stop cleanly (${code}):\n${first.output()}`);
    fs.renameSync(building, template);
  }
  fs.cpSync(template, dataDir, { recursive: true });
  return startServerProcess({ ...env, TIANPING_DATA_DIR: dataDir }, timeoutMs);
}
