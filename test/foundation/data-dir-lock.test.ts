import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { DataDirLockedError, LOCK_FILE } from '../../src/db/lock.ts';
import { migrate } from '../../src/db/migrate.ts';
import { rows } from '../../src/db/rows.ts';
import { ServerExitedError, type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

// PGlite silently loses committed rows when two processes open one folder (STACK.md). The data folder must
// belong to one process: a second server refuses with a clear message and the first keeps its data.
describe('one process owns the embedded data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-lock-'));
  let first: ServerProcess | undefined;
  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server on the same folder, and the first keeps working with its data intact', async () => {
    // Some data already in the folder.
    const seed = await openDatabase({ dataDir });
    await migrate(seed);
    await seed.db.execute(sql`insert into app_setting (key, value) values ('probe', '"kept"'::jsonb)`);
    await seed.close();

    first = await startServerProcess({ TIANPING_DATA_DIR: dataDir });
    const second = startServerProcess({ TIANPING_DATA_DIR: dataDir });
    const failure = await second.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ServerExitedError);
    const exited = failure as ServerExitedError;
    expect(exited.exitCode).toBe(1);
    expect(exited.output).toContain('正被另一个天平进程');
    expect(exited.output).toContain(`PID ${first.child.pid}`);

    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { engine: string }).engine).toBe('pglite');

    expect(await first.stop()).toBe(0);
    first = undefined;
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);

    const reopened = await openDatabase({ dataDir });
    const kept = await rows<{ value: string }>(reopened.db, sql`select value from app_setting where key = 'probe'`);
    await reopened.close();
    expect(kept).toEqual([{ value: 'kept' }]);
    // Two server processes start here; on a loaded 2-core machine a cold PGlite start alone can take 20 s.
  }, 180_000);

  it('refuses an in-process opener while the folder is held, and takes over a stale lock', async () => {
    const held = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    await held.close();
    // A lock left by a process that no longer exists (pid far above pid_max) does not block.
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), '99999999');
    const after = await openDatabase({ dataDir });
    await after.close();
  });

  it('a server stopped the moment it says it runs still closes its database and releases the folder', async () => {
    // A supervisor (or a test) that stops the server as soon as it reads "天平已启动" raced the signal handlers:
    // one start in five was killed by the default SIGTERM action, leaving the lock in the folder.
    for (let k = 0; k < 5; k++) {
      const server = await startServerProcess({ TIANPING_DATA_DIR: dataDir, TIANPING_DEMO: 'false' });
      expect(await server.stop()).toBe(0);
      expect(server.child.signalCode).toBeNull();
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    }
  }, 180_000);

  it('refuses a copy of the folder taken while the server ran, naming the consistent way (backup / restore)', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-lock-copy-'));
    try {
      // What an operator's `cp -r data/ …` does while the server runs: the copy carries the server's lock file.
      const held = await openDatabase({ dataDir });
      await held.db.execute(sql`insert into app_setting (key, value) values ('copied', '"yes"'::jsonb)`);
      fs.cpSync(dataDir, copy, { recursive: true });
      const refused = await openDatabase({ dataDir: copy }).then(
        () => undefined,
        (error: unknown) => error as DataDirLockedError,
      );
      await held.close();
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect(refused!.code).toBe('DATA_DIR_COPIED');
      expect(refused!.message).toContain(`是在服务器运行时从 ${fs.realpathSync(dataDir)} 复制的`);
      expect(refused!.message).toContain('tianping backup');
      // Still refused once that server has stopped: the copy stays what it was, a copy of a running folder.
      await expect(openDatabase({ dataDir: copy })).rejects.toMatchObject({ code: 'DATA_DIR_COPIED' });
      // The operator who knows the server was stopped removes the lock file, as the message says.
      fs.rmSync(path.join(copy, LOCK_FILE));
      const opened = await openDatabase({ dataDir: copy });
      await opened.close();
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
