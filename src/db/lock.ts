import fs from 'node:fs';
import path from 'node:path';

// PGlite has no cross-process lock: two processes on one data folder both "work" and committed rows are
// silently lost (STACK.md, gotcha 1). So the folder is owned by one process, proven by a lock file that holds
// its pid and the folder's own path. A lock left by a process that no longer runs is taken over. A lock naming
// another folder means this folder is a copy taken while a server ran (or had crashed): such a copy may be torn
// or miss the last commits, so it is refused with the way to a consistent one (tianping backup / restore).

export const LOCK_FILE = 'tianping.lock';

export class DataDirLockedError extends Error {
  readonly code: 'DATA_DIR_LOCKED' | 'DATA_DIR_COPIED';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly copiedFrom?: string,
  ) {
    super(
      copiedFrom === undefined
        ? `数据目录 ${dataDir} 正被另一个天平进程（PID ${ownerPid}）使用。嵌入式数据库同一时间只能由一个进程打开，` +
            '否则数据会丢失。请先停止那个进程，或用 TIANPING_DATA_DIR 指定另一个数据目录。'
        : `数据目录 ${dataDir} 是在服务器运行时从 ${copiedFrom} 复制的（带有那台服务器的锁文件）。运行中复制的目录` +
            '可能不完整或缺少最近的修改，不能放心使用。请在服务器运行时用 tianping backup --out 文件 生成一致的备份，' +
            `再用 tianping restore 恢复；若能确认复制时服务器已经停止，删除其中的 ${LOCK_FILE} 后再启动。`,
    );
    this.name = 'DataDirLockedError';
    this.code = copiedFrom === undefined ? 'DATA_DIR_LOCKED' : 'DATA_DIR_COPIED';
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

/** The lock file's pid, and the folder it was written in (absent in lock files of earlier versions). */
function ownerOf(text: string): { pid: number; folder?: string } {
  const [pid, folder] = text.split('\n');
  return { pid: Number.parseInt(pid ?? '', 10), ...(folder?.trim() ? { folder: folder.trim() } : {}) };
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
      fs.writeSync(fd, `${process.pid}\n${fs.realpathSync(dataDir)}`);
      fs.closeSync(fd);
      heldHere.add(lockPath);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(lockPath);
          if (ownerOf(fs.readFileSync(lockPath, 'utf8')).pid === process.pid) fs.rmSync(lockPath);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(fs.readFileSync(lockPath, 'utf8'));
      if (owner.folder !== undefined && owner.folder !== fs.realpathSync(dataDir)) {
        throw new DataDirLockedError(dataDir, owner.pid, owner.folder);
      }
      if (Number.isInteger(owner.pid) && owner.pid !== process.pid && isRunning(owner.pid)) {
        throw new DataDirLockedError(dataDir, owner.pid);
      }
      // Stale lock from a crashed process (or our own pid, reused after a crash): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`无法获取数据目录锁 ${lockPath}`);
}
