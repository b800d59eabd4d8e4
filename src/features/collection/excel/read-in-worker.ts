import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AppError } from '../../../kernel/errors.ts';
import { projectPath } from '../../../platform/paths.ts';
import type { ParsedTemplate } from './parse.ts';
import type { ParseAnswer } from './parse-worker.ts';

// An uploaded template is read in a worker thread of its own (issue 15): whatever the file does to the reader —
// a long read, a memory blow-up the limits of parse.ts did not foresee — other users' requests go on being
// answered, the server's own memory stays where it was, and a worker that runs out of its budget or time is ended
// and the upload refused. One worker per upload: its memory is given back when it ends.

/** Heap budget of one reading (a real template needs a few tens of MB). */
const HEAP_MB = 256;
/** Beyond parse.ts's own 15 s of reading: the worker's start-up and the answer's transfer. */
const TIMEOUT_MS = 30_000;

const tooComplex = (why: string) =>
  new AppError(
    400,
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

export function readTemplateInWorker(buffer: Buffer): Promise<ParsedTemplate> {
  const worker = startWorker({
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  return new Promise<ParsedTemplate>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(tooComplex(`读取超过 ${TIMEOUT_MS / 1000} 秒仍未完成`));
      void worker.terminate();
    }, TIMEOUT_MS);
    const settle = () => clearTimeout(timer);
    worker.once('message', (answer: ParseAnswer) => {
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
          ? tooComplex(`展开后占用内存超过 ${HEAP_MB} MB`)
          : new Error(`读取上传文件的工作线程失败：${error.message}`),
      );
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`读取上传文件的工作线程意外退出（${code}）`));
    });
    // The bytes are copied to the worker: the request's buffer stays usable here.
    worker.postMessage(new Uint8Array(buffer));
  });
}
