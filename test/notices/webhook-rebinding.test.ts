// DNS rebinding (issue 15): a robot's host name that resolves to a public address when checked and to an internal
// one a moment later must not reach the internal address. The connection goes to the very address checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postWebhook } from '../../src/features/notices/webhook.ts';
import { startReceiver } from './receiver.ts';

describe('webhook calls and DNS rebinding', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let port: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());

  /** A name server that answers each question in turn from `answers` (the last one repeats). */
  const turns = (...answers: string[][]) => {
    let n = 0;
    return async () => answers[Math.min(n++, answers.length - 1)] as string[];
  };

  it('refuses when the name turns internal between the check and the connection, and sends nothing', async () => {
    const result = await postWebhook({ url: `http://robot.example:${port}/send`, kind: 'wecom' }, '标题', '内容', {
      allowedHosts: ['robot.example'],
      resolve: turns(['203.0.113.7'], ['127.0.0.1']),
    });
    expect(result).toEqual({ ok: false, message: '机器人地址“robot.example”解析到内网或本机地址，已拒绝' });
    expect(receiver.received).toHaveLength(0);
  });

  it('connects to the address the name resolved to when it was checked', async () => {
    // The allowlist names the loopback address itself (as tests do): the message arrives through the name.
    const result = await postWebhook({ url: `http://robot.example:${port}/send`, kind: 'wecom' }, '标题', '内容', {
      allowedHosts: ['robot.example', '127.0.0.1'],
      resolve: turns(['127.0.0.1']),
    });
    expect(result).toEqual({ ok: true, message: '发送成功' });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ path: '/send', contentType: 'application/json; charset=utf-8' });
  });

  it('answers an unreachable robot with a Chinese reason, never an exception', async () => {
    const result = await postWebhook({ url: 'http://robot.example:9/send', kind: 'dingtalk' }, '标题', '内容', {
      allowedHosts: ['robot.example', '127.0.0.1'],
      resolve: turns(['127.0.0.1']),
      timeoutMs: 2000,
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^无法连接机器人接口（(ECONNREFUSED|超时)）$/);
  });
});
