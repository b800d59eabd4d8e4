import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionStatus } from '../../src/core/collection/workflow.ts';
import type { Db } from '../../src/db/connection.ts';
import { area, auditLog, orgUnit, reportingRound, submission, submissionEvent } from '../../src/db/schema/index.ts';
import { setWebhook } from '../../src/features/notices/webhook.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { startReceiver } from './receiver.ts';

// 催报 from the round's progress page: the office reminds one or all units not yet submitted.

describe.each(ENGINES)('催报 on %s', (engine) => {
  let t: TestApp;
  let db: Db;
  let office: Client;
  let wjw: Client;
  let jyj: Client;
  let roundId: number;
  const subs: Record<string, number> = {};

  const unitId = async (name: string) => (await db.select().from(orgUnit).where(eq(orgUnit.name, name)))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp(engine);
    db = t.db.database.db;
    [office, wjw, jyj] = (await Promise.all(['office', 'wjw', 'jyj'].map((u) => login(t.app, u)))) as [
      Client,
      Client,
      Client,
    ];
    const [round] = await db
      .insert(reportingRound)
      .values({ folderId: 'test', kind: 'annual', year: 2025, title: '2025年度监测数据填报', deadline: '2026-03-31' })
      .returning();
    roundId = round!.id;
    const [yc] = await db.select().from(area).where(eq(area.name, '杨村街道'));
    const rows: { name: string; unitId?: number; areaId?: number; status: SubmissionStatus }[] = [
      { name: '区卫生健康委', unitId: await unitId('区卫生健康委'), status: 'in_progress' },
      { name: '区教育局', unitId: await unitId('区教育局'), status: 'returned' },
      { name: '区统计局', unitId: await unitId('区统计局'), status: 'submitted' },
      { name: '杨村街道', areaId: yc!.id, status: 'not_started' },
    ];
    for (const r of rows) {
      const [s] = await db
        .insert(submission)
        .values({ roundId, unitId: r.unitId ?? null, areaId: r.areaId ?? null, status: r.status })
        .returning();
      subs[r.name] = s!.id;
    }
  }, 300_000);
  afterAll(() => t.close());

  it('reminds one unit: its bell, its 流程记录 and the audit log; the unit’s own robot gets the message', async () => {
    const robot = await startReceiver();
    try {
      const wjwId = await unitId('区卫生健康委');
      expect(
        (await office.put(`/api/settings/unit-webhooks/${wjwId}`, { url: robot.url, kind: 'wecom' })).statusCode,
      ).toBe(200);
      const res = await office.post(`/api/rounds/${roundId}/remind`, {
        submissionIds: [subs.区卫生健康委],
        note: '请于本周五前提交',
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.reminded.map((r: { reporterName: string }) => r.reporterName)).toEqual(['区卫生健康委']);
      expect(body.webhooks).toEqual([{ target: '区卫生健康委', result: { ok: true, message: '发送成功' } }]);
      expect(JSON.stringify(robot.received[0]?.body)).toContain('请于本周五前提交');

      const bell = (await wjw.get('/api/notices')).json();
      expect(bell.notices[0].title).toBe('催报：2025年度监测数据填报');
      expect(bell.notices[0].link).toBe(`/collection/rounds/${roundId}/entry`);
      expect((await jyj.get('/api/notices')).json().unread).toBe(0);
      const events = await db
        .select()
        .from(submissionEvent)
        .where(eq(submissionEvent.submissionId, subs.区卫生健康委!));
      expect(events.map((e) => [e.action, e.reason])).toEqual([['remind', '催报：请于本周五前提交']]);
      const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'submission.remind'));
      expect(audits).toHaveLength(1);
      expect(audits[0]?.detail).toContain('区卫生健康委');
    } finally {
      await robot.close();
    }
  });

  it('reminds all late ones (not those submitted); the office’s group robot gets one summary for units without their own', async () => {
    const group = await startReceiver();
    try {
      await setWebhook(db, { url: group.url, kind: 'dingtalk', enabled: true });
      const wjwId = await unitId('区卫生健康委');
      await office.put(`/api/settings/unit-webhooks/${wjwId}`, { url: '', kind: 'wecom' });
      const res = await office.post(`/api/rounds/${roundId}/remind`, {});
      expect(res.statusCode).toBe(200);
      expect(
        res
          .json()
          .reminded.map((r: { reporterName: string }) => r.reporterName)
          .sort(),
      ).toEqual(['区卫生健康委', '区教育局', '杨村街道'].sort());
      expect(group.received).toHaveLength(1);
      expect(JSON.stringify(group.received[0]?.body)).toContain('区教育局');
    } finally {
      await group.close();
    }
  });

  it('refuses a submitted unit with its reason, and other roles', async () => {
    const res = await office.post(`/api/rounds/${roundId}/remind`, { submissionIds: [subs.区统计局] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('所选单位已提交或不属于本填报任务，无需催报');
    expect((await wjw.post(`/api/rounds/${roundId}/remind`, {})).statusCode).toBe(403);
  });

  it('exports the late units’ contacts for a phone call', async () => {
    const res = await office.get(`/api/rounds/${roundId}/late-contacts.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('未报单位联系人');
    expect(sheet?.getCell('A1').value).toBe('2025年度监测数据填报（截止 2026-03-31）未报单位联系人');
    const names = [3, 4, 5].map((r) => sheet?.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['区卫生健康委', '区教育局', '杨村街道'].sort());
    expect(String(sheet?.getRow(3).getCell(6).value ?? '')).not.toBe('undefined');
  });
});
