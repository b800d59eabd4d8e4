import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmissionStatus } from '../../src/core/collection/workflow.ts';
import type { Db } from '../../src/db/connection.ts';
import { area, auditLog, notice, orgUnit, reportingRound, submission } from '../../src/db/schema/index.ts';
import { reminderKind, sendDeadlineReminders } from '../../src/features/notices/reminders.ts';
import { setWebhook } from '../../src/features/notices/webhook.ts';
import { beijingDate } from '../../src/kernel/dates.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { startReceiver } from './receiver.ts';

describe('reminder schedule', () => {
  it('uses the China calendar day', () => {
    expect(beijingDate(new Date('2026-03-30T17:00:00Z'))).toBe('2026-03-31');
    expect(beijingDate(new Date('2026-03-30T15:59:00Z'))).toBe('2026-03-30');
  });
  it('picks the smallest window a day falls in, and overdue after the deadline', () => {
    expect(reminderKind(8, [7, 1])).toBeNull();
    expect(reminderKind(7, [7, 1])).toBe('due_7');
    expect(reminderKind(3, [7, 1])).toBe('due_7');
    expect(reminderKind(1, [7, 1])).toBe('due_1');
    expect(reminderKind(0, [7, 1])).toBe('due_1');
    expect(reminderKind(-1, [7, 1])).toBe('overdue');
  });
});

const silent = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe.each(ENGINES)('deadline reminders on %s', (engine) => {
  let t: TestApp;
  let db: Db;
  let wjw: Client;
  let wjwLeader: Client;
  let jyj: Client;
  let yangcun: Client;
  let office: Client;
  let roundId: number;

  const unitId = async (name: string) => (await db.select().from(orgUnit).where(eq(orgUnit.name, name)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.db.database.db;
    [wjw, wjwLeader, jyj, yangcun, office] = (await Promise.all(
      ['wjw', 'wjw_leader', 'jyj', 'yangcun', 'office'].map((u) => login(t.app, u)),
    )) as [Client, Client, Client, Client, Client];
    const [round] = await db
      .insert(reportingRound)
      .values({ folderId: 'test', kind: 'annual', year: 2025, title: '2025年度监测数据填报', deadline: '2026-03-31' })
      .returning();
    roundId = round!.id;
    const [yc] = await db.select().from(area).where(eq(area.name, '杨村街道'));
    const rows: { unitId?: number; areaId?: number; status: SubmissionStatus }[] = [
      { unitId: await unitId('区卫生健康委'), status: 'in_progress' },
      { unitId: await unitId('区教育局'), status: 'approved' },
      { unitId: await unitId('区统计局'), status: 'submitted' },
      { areaId: yc!.id, status: 'not_started' },
    ];
    await db.insert(submission).values(rows.map((r) => ({ roundId, ...r })));
  });
  afterAll(() => t.close());

  it('one day before the deadline: notices for open tasks only, and nothing new on a second run', async () => {
    const now = new Date('2026-03-30T01:00:00Z'); // 09:00 in Wuqing, one day before 2026-03-31
    const run = await sendDeadlineReminders(db, now, { log: silent, allowedHosts: ['127.0.0.1'] });
    expect(run.created.map((c) => [c.reporterName, c.kind, c.status]).sort()).toEqual([
      ['区卫生健康委', 'due_1', 'in_progress'],
      ['杨村街道', 'due_1', 'not_started'],
    ]);
    expect(run.webhook).toBe('disabled');
    const again = await sendDeadlineReminders(db, new Date('2026-03-30T09:00:00Z'), {
      log: silent,
      allowedHosts: ['127.0.0.1'],
    });
    expect(again.created).toEqual([]);
    expect(await db.select().from(notice)).toHaveLength(2);

    const mine = (await wjw.get('/api/notices')).json();
    expect(mine.unread).toBe(1);
    expect(mine.notices[0].title).toBe('【还有 1 天截止】2025年度监测数据填报');
    expect(mine.notices[0].body).toContain('目前状态：填报中');
    expect(mine.notices[0].link).toBe('/collection');
    expect((await jyj.get('/api/notices')).json()).toEqual({ notices: [], unread: 0 });
    expect((await yangcun.get('/api/notices')).json().unread).toBe(1);

    // Read by one user of the unit: still unread for the other; another unit cannot mark it.
    const id = mine.notices[0].id;
    expect((await jyj.post(`/api/notices/${id}/read`)).statusCode).toBe(404);
    expect((await wjw.post(`/api/notices/${id}/read`)).statusCode).toBe(200);
    expect((await wjw.get('/api/notices')).json().unread).toBe(0);
    expect((await wjw.get('/api/notices')).json().notices[0].read).toBe(true);
    expect((await wjwLeader.get('/api/notices')).json().unread).toBe(1);
    const [row] = await db.select().from(notice).where(eq(notice.id, id));
    expect(row?.readAt).not.toBeNull();
  });

  it('after the deadline: an overdue notice each day', async () => {
    const run = await sendDeadlineReminders(db, new Date('2026-04-02T02:00:00Z'), {
      log: silent,
      allowedHosts: ['127.0.0.1'],
    });
    expect(run.created.map((c) => c.kind)).toEqual(['overdue', 'overdue']);
    expect(run.created[0]?.daysLeft).toBe(-2);
    expect(
      (await sendDeadlineReminders(db, new Date('2026-04-02T10:00:00Z'), { log: silent, allowedHosts: ['127.0.0.1'] }))
        .created,
    ).toEqual([]);
    expect(
      (await sendDeadlineReminders(db, new Date('2026-04-03T02:00:00Z'), { log: silent, allowedHosts: ['127.0.0.1'] }))
        .created,
    ).toHaveLength(2);
    const titles = (await wjw.get('/api/notices')).json().notices.map((n: { title: string }) => n.title);
    expect(titles[0]).toBe('【已逾期】2025年度监测数据填报');
    expect((await wjwLeader.post('/api/notices/read-all')).json().marked).toBe(3);
  });

  it('posts one summary to a WeCom robot, in its markdown format', async () => {
    const receiver = await startReceiver();
    try {
      await setWebhook(db, { url: receiver.url, kind: 'wecom', enabled: true });
      const run = await sendDeadlineReminders(db, new Date('2026-04-04T02:00:00Z'), {
        log: silent,
        allowedHosts: ['127.0.0.1'],
      });
      expect(run.webhook).toBe('sent');
      expect(receiver.received).toHaveLength(1);
      const body = receiver.received[0]?.body as { msgtype: string; markdown: { content: string } };
      expect(receiver.received[0]?.contentType).toContain('application/json');
      expect(body.msgtype).toBe('markdown');
      expect(Object.keys(body.markdown)).toEqual(['content']);
      expect(body.markdown.content).toContain('2025年度监测数据填报');
      expect(body.markdown.content).toContain('已于 2026-03-31 截止，逾期 4 天');
      expect(body.markdown.content).toContain('- 区卫生健康委：填报中');
      expect(body.markdown.content).toContain('- 杨村街道：未开始');
      expect(body.markdown.content).not.toContain('区教育局');
      // Nothing new on the same day: no second message.
      expect(
        (
          await sendDeadlineReminders(db, new Date('2026-04-04T05:00:00Z'), {
            log: silent,
            allowedHosts: ['127.0.0.1'],
          })
        ).webhook,
      ).toBe('nothing_new');
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('posts to a DingTalk robot in its format', async () => {
    const receiver = await startReceiver();
    try {
      await setWebhook(db, { url: receiver.url, kind: 'dingtalk', enabled: true });
      const run = await sendDeadlineReminders(db, new Date('2026-04-05T02:00:00Z'), {
        log: silent,
        allowedHosts: ['127.0.0.1'],
      });
      expect(run.webhook).toBe('sent');
      const body = receiver.received[0]?.body as { msgtype: string; markdown: { title: string; text: string } };
      expect(body.msgtype).toBe('markdown');
      expect(body.markdown.title).toBe('填报催报提醒');
      expect(body.markdown.text).toContain('- 区卫生健康委：填报中');
      expect(body.markdown.text).toContain('逾期 5 天');
    } finally {
      await receiver.close();
    }
  });

  it('logs and audits a failing robot, never throws', async () => {
    const receiver = await startReceiver({ status: 500, body: 'internal error' });
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    try {
      await setWebhook(db, { url: receiver.url, kind: 'wecom', enabled: true });
      const run = await sendDeadlineReminders(db, new Date('2026-04-06T02:00:00Z'), {
        log,
        allowedHosts: ['127.0.0.1'],
      });
      expect(run.created).toHaveLength(2);
      expect(run.webhook).toBe('failed');
      expect(run.webhookMessage).toContain('HTTP 500');
      expect(log.warn).toHaveBeenCalledOnce();
      const failures = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'notice.webhook'), eq(auditLog.result, 'failure')));
      expect(failures).toHaveLength(1);
      expect(failures[0]?.detail).toContain('HTTP 500');
    } finally {
      await receiver.close();
    }
    // A robot that cannot be reached at all (closed port) fails the same way.
    const run = await sendDeadlineReminders(db, new Date('2026-04-07T02:00:00Z'), { log, allowedHosts: ['127.0.0.1'] });
    expect(run.webhook).toBe('failed');
    expect(run.webhookMessage).toContain('无法连接');
  });

  it('no reminders for closed rounds, or before the first window', async () => {
    expect(
      (await sendDeadlineReminders(db, new Date('2026-03-20T02:00:00Z'), { log: silent, allowedHosts: ['127.0.0.1'] }))
        .created,
    ).toEqual([]);
    await db.update(reportingRound).set({ status: 'closed' }).where(eq(reportingRound.id, roundId));
    expect(
      (await sendDeadlineReminders(db, new Date('2026-04-08T02:00:00Z'), { log: silent, allowedHosts: ['127.0.0.1'] }))
        .created,
    ).toEqual([]);
  });

  it('lets the office set and test the robot; validates the address', async () => {
    const bad = await office.put('/api/settings/webhook', { url: 'ftp://example.com/x', kind: 'wecom', enabled: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('http:// 或 https://');
    const empty = await office.put('/api/settings/webhook', { url: '', kind: 'wecom', enabled: true });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('启用前请填写机器人地址');
    expect((await wjw.get('/api/settings/webhook')).statusCode).toBe(403);

    const receiver = await startReceiver();
    try {
      const ok = await office.put('/api/settings/webhook', { url: receiver.url, kind: 'dingtalk', enabled: true });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await office.get('/api/settings/webhook')).json().webhook).toEqual({
        url: receiver.url,
        kind: 'dingtalk',
        enabled: true,
      });
      const test = await office.post('/api/settings/webhook/test', {});
      expect(test.json()).toEqual({ ok: true, message: '发送成功' });
      const body = receiver.received[0]?.body as { markdown: { title: string; text: string } };
      expect(body.markdown.title).toBe('天平测试消息');
      expect(body.markdown.text).toContain('钉钉群机器人设置正确');
      const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'settings.webhook'));
      expect(entry?.username).toBe('office');
    } finally {
      await receiver.close();
    }
    const down = await office.post('/api/settings/webhook/test', {});
    expect(down.statusCode).toBe(200);
    expect(down.json().ok).toBe(false);
  });
});
