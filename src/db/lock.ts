import fs from 'node:fs';
import path from 'node:path';

// PGlite has no cross-process lock: two processes on one data folder both "work" and committed rows are
// silently lost (STACK.md, gotcha 1). So the folder is owned by one process, proven by a lock file that holds
// its pid. A lock left by a process that no longer runs is taken over.

export const LOCK_FILE = 'tianping.lock';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个天平进程（PID ${ownerPid}）使用。嵌入式数据库同一时间只能由一个进程打开，` +
        '否则数据会丢失。请先停止那个进程，或用 TIANPING_DATA_DIR 指定另一个数据目录。',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Folders this process holds: a lock file with our own pid is ours only if we took it in this run. */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  if (heldHere.has(lockPath)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails when the file exists: creating it is the atomic act of taking the lock.
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldHere.add(lockPath);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockPath);
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // Stale lock from a crashed process (or our own pid, reused after a crash): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${lockPath}`);
}
