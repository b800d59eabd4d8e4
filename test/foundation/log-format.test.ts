// Logs in a terminal (issue 14): one short readable line per request, not pino's JSON; other messages with their
// level in Chinese and an error's stack below.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatLogLine, readableLogStream } from '../../src/server/log-format.ts';

const at = new Date(2026, 11, 2, 10, 42, 1).getTime();

describe('readable logs', () => {
  it('a request is one line: time, method, address, status and milliseconds', () => {
    const line = JSON.stringify({
      level: 30,
      time: at,
      req: { method: 'GET', url: '/api/rounds' },
      res: { statusCode: 200 },
      responseTime: 12.4,
      msg: 'request completed',
    });
    expect(formatLogLine(line)).toBe('10:42:01 GET /api/rounds 200 12ms');
  });

  it('a message keeps its level in Chinese and an error its stack', () => {
    const line = JSON.stringify({ level: 50, time: at, msg: '生成报告失败', err: { stack: 'Error: 坏了\n    at x' } });
    expect(formatLogLine(line)).toBe('10:42:01 错误 生成报告失败\nError: 坏了\n    at x');
    expect(formatLogLine('not json')).toBe('not json');
  });

  it('the stream joins lines split across writes', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => {
      text += c;
    });
    const stream = readableLogStream(out);
    const line = JSON.stringify({ level: 40, time: at, msg: '磁盘空间不足' });
    stream.write(line.slice(0, 10));
    stream.write(`${line.slice(10)}\n`);
    await new Promise((r) => stream.end(r));
    expect(text).toBe('10:42:01 警告 磁盘空间不足\n');
  });
});
