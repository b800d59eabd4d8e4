import { Writable } from 'node:stream';

// Readable logs in a terminal: one short line per request ("10:42:01 GET /api/rounds 200 12ms") and plain
// messages instead of pino's JSON lines. JSON stays the format when the output is not a terminal (a log
// collector, a file) or in production. No pino-pretty: a small stream that reads pino's own lines. The server logs
// one line per request, when it is answered (app.ts).

const LEVELS: Record<number, string> = { 10: '跟踪', 20: '调试', 30: '信息', 40: '警告', 50: '错误', 60: '致命' };

interface PinoLine {
  level: number;
  time: number;
  msg?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

const clock = (t: number) => new Date(t).toTimeString().slice(0, 8);

/** One readable line for a pino JSON line. */
export function formatLogLine(raw: string): string {
  let line: PinoLine;
  try {
    line = JSON.parse(raw) as PinoLine;
  } catch {
    return raw;
  }
  if (line.msg === 'request completed' && line.req) {
    const ms = line.responseTime === undefined ? '' : ` ${Math.round(line.responseTime)}ms`;
    return `${clock(line.time)} ${line.req.method ?? ''} ${line.req.url ?? ''} ${line.res?.statusCode ?? ''}${ms}`;
  }
  const level = LEVELS[line.level] ?? String(line.level);
  const error = line.err?.stack ?? line.err?.message;
  return `${clock(line.time)} ${level} ${line.msg ?? ''}${error ? `\n${error}` : ''}`;
}

/** A stream for Fastify's logger option that writes readable lines to `out`. */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let buffer = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      buffer += chunk.toString('utf8');
      let at = buffer.indexOf('\n');
      while (at >= 0) {
        out.write(`${formatLogLine(buffer.slice(0, at))}\n`);
        buffer = buffer.slice(at + 1);
        at = buffer.indexOf('\n');
      }
      done();
    },
  });
}

/** Readable lines in an interactive terminal outside production; JSON otherwise. */
export function wantsReadableLogs(): boolean {
  return Boolean(process.stdout.isTTY) && process.env.NODE_ENV !== 'production';
}
