import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AppError } from '../../../kernel/errors.ts';
import { projectPath } from '../../../platform/paths.ts';
import type { ParsedTemplate } from './parse.ts';
import type { ParseAnswer } from './parse-worker.ts';

// An uploaded template is read in a worker thread of its own (issue 15): whatever the file does to the reader —
// a long read, a memory blow-up the limits of parse.ts did not foresee — other users' requests go on being
// answered, the server's own memory stays where it was, and a worker that runs out of its budget or time is ended
// and the upload refused. One worker per upload: its memory is given back when it ends; two read at a time.

/** The budget one reading runs under. Callers pass smaller ones only to test the refusals. */
export interface ReaderLimits {
  /** Heap of the worker, start-up included (a real template needs a few tens of MB). */
  heapMb: number;
  /**
   * Time from the moment the worker holds the file to its answer: beyond parse.ts's own 15 s of reading, the
   * answer's transfer. The worker's start-up is not counted (it is the server's cost, not the file's, and under
   * load or from the TypeScript sources it takes seconds); it has its own guard, STARTUP_MS.
   */
  timeoutMs: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { heapMb: 256, timeoutMs: 30_000 };

/** A worker that has not loaded its code by then will not: the server's fault, answered as such (500). */
const STARTUP_MS = 60_000;

const tooComplex = (why: string) =>
  new AppError(
    // The status parse.ts's own limits answer with (ParseLimit): one code, one status.
    413,
    'FILE_TOO_COMPLEX',
    `文件${why}，不是正常的填报模板。请重新下载本轮模板，只在黄色单元格中填写后再上传。`,
  );

/**
 * The compiled worker beside the server bundle; or, when the server runs from the TypeScript sources (tests, a
 * developer's run), a two-line bootstrap that registers tsx in the worker and imports the source.
 */
function startWorker(options: WorkerOptions): Worker {
  if (import.meta.url.includes('/dist/server/'))
    return new Worker(projectPath('dist', 'server', 'parse-worker.js'), options);
  // Resolved here, where the project's packages are, not from the worker's evaluated code (resolved from the cwd).
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = pathToFileURL(projectPath('src', 'features', 'collection', 'excel', 'parse-worker.ts')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * At most this many readings at once (one per core of the machine this runs on): each has its own heap budget, so
 * N hostile uploads arriving together cost at most MAX_READINGS budgets, not N. The others wait their turn; the
 * wait is not counted in the file's time.
 */
export const MAX_READINGS = 2;
let reading = 0;
const queue: (() => void)[] = [];

async function takeTurn(): Promise<void> {
  if (reading < MAX_READINGS) {
    reading++;
    return;
  }
  // The turn is handed over by endTurn without freeing the count, so nobody slips in between.
  await new Promise<void>((resolve) => queue.push(resolve));
}

function endTurn(): void {
  const next = queue.shift();
  if (next) next();
  else reading--;
}

/** A duration as the refusal states it: seconds, or milliseconds below one second (tests' small limits). */
const duration = (ms: number) => (ms < 1000 ? `${ms} 毫秒` : `${Number((ms / 1000).toFixed(1))} 秒`);

export async function readTemplateInWorker(
  buffer: Buffer,
  limits: Partial<ReaderLimits> = {},
): Promise<ParsedTemplate> {
  await takeTurn();
  let worker: Worker;
  try {
    worker = startWorker({
      resourceLimits: { maxOldGenerationSizeMb: heapBudget(limits), maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
  } catch (error) {
    endTurn();
    throw error;
  }
  // The turn ends when the worker has ended (its memory given back), not when its answer arrives.
  worker.once('exit', endTurn);
  return readIn(worker, buffer, limits);
}

const heapBudget = (limits: Partial<ReaderLimits>) => limits.heapMb ?? DEFAULT_READER_LIMITS.heapMb;

function readIn(worker: Worker, buffer: Buffer, limits: Partial<ReaderLimits>): Promise<ParsedTemplate> {
  const { heapMb, timeoutMs } = { ...DEFAULT_READER_LIMITS, ...limits };
  return new Promise<ParsedTemplate>((resolve, reject) => {
    let timer = setTimeout(() => {
      reject(new Error(`读取上传文件的工作线程 ${STARTUP_MS / 1000} 秒内未能启动`));
      void worker.terminate();
    }, STARTUP_MS);
    const settle = () => clearTimeout(timer);
    worker.on('message', (answer: 'ready' | ParseAnswer) => {
      if (answer === 'ready') {
        // The worker has loaded its code: from now on the time is the file's.
        clearTimeout(timer);
        timer = setTimeout(() => {
          reject(tooComplex(`读取超过 ${duration(timeoutMs)}仍未完成`));
          void worker.terminate();
        }, timeoutMs);
        // The bytes are copied to the worker: the request's buffer stays usable here.
        worker.postMessage(new Uint8Array(buffer));
        return;
      }
      settle();
      if (answer.ok) resolve(answer.parsed);
      else if (answer.refusal) {
        const r = answer.refusal;
        reject(new AppError(r.statusCode, r.code, r.message, r.extra));
      } else
        reject(
          new AppError(
            400,
            'CORRUPT_FILE',
            '文件已损坏或不是有效的 Excel 工作簿，无法打开。请在 Excel 中重新保存为 .xlsx 后上传',
          ),
        );
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      settle();
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooComplex(`展开后占用内存超过 ${heapMb} MB`)
          : new Error(`读取上传文件的工作线程失败：${error.message}`),
      );
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`读取上传文件的工作线程意外退出（${code}）`));
    });
  });
}
