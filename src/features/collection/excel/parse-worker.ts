import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../kernel/errors.ts';
import { type ParsedTemplate, parseTemplate } from './parse.ts';

// The worker that reads one uploaded template (read-in-worker.ts starts it): the bytes come in, the rows or the
// Chinese refusal go out. Anything else thrown is reported as a plain failure, never passed on. It first says
// 'ready' once its code is loaded: the reading's time limit starts then, not while the worker starts up.

export type ParseAnswer =
  | { ok: true; parsed: ParsedTemplate }
  | { ok: false; refusal?: { statusCode: number; code: string; message: string; extra: AppError['extra'] } };

parentPort?.once('message', async (bytes: Uint8Array) => {
  let answer: ParseAnswer;
  try {
    answer = { ok: true, parsed: await parseTemplate(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) };
  } catch (error) {
    answer =
      error instanceof AppError
        ? {
            ok: false,
            refusal: { statusCode: error.statusCode, code: error.code, message: error.message, extra: error.extra },
          }
        : { ok: false };
  }
  parentPort?.postMessage(answer);
});
parentPort?.postMessage('ready');
