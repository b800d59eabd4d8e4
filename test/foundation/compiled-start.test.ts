import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServerProcess } from '../helpers/server-process.ts';

// `npm start` runs the compiled bundle with plain node. An installation often sits in a folder whose path has
// spaces or Chinese characters (桌面, "My Documents"); the server must start there as anywhere else.
// Needs the bundle from `npm run build` (npm test builds it first).

const BUNDLE = path.join(REPO_ROOT, 'dist/server/main.js');

describe.skipIf(!fs.existsSync(BUNDLE))('the compiled server', () => {
  let home: string;
  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), '天平 安装 '));
    // What an installation holds: the bundle, package.json, the migrations and the bundled plan; packages linked.
    for (const part of ['package.json', 'dist/server', 'src/db/migrations', 'plans']) {
      fs.cpSync(path.join(REPO_ROOT, part), path.join(home, part), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(home, 'node_modules'));
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  it('starts with plain node from a folder whose path has spaces and Chinese characters', {
    timeout: 180_000,
  }, async () => {
    const server = await startServerProcess(
      { TIANPING_DATA_DIR: path.join(home, '数据 目录'), TIANPING_DEMO: 'false' },
      120_000,
      { args: [path.join(home, 'dist/server/main.js')], cwd: home },
    );
    try {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { engine: string }).engine).toBe('pglite');
      // The catalog came from the installation's own plan folder, found from the bundle's location.
      const plans = await fetch(`${server.url}/api/catalog/plans`);
      expect(plans.status).toBe(401);
      expect(fs.existsSync(path.join(home, '数据 目录'))).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
