import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, notice, supervisionNotice } from '../../src/db/schema/index.ts';
import { remindOverdueSupervision } from '../../src/features/supervision/index.ts';
import { assignLead } from '../collection/helpers.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('预警督办: from a warning to rectification on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let unit: Client;
  let other: Client;
  let indicatorId: number;
  let noticeId: number;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { demoData: true });
    const { indicators } = await assignLead(t.db.database.db, '区卫生健康委', ['孕产妇死亡率']);
    indicatorId = indicators.孕产妇死亡率!.id;
    office = await login(t.app, 'office');
    unit = await login(t.app, 'wjw');
    other = await login(t.app, 'jyj');
  });
  afterAll(() => t.close());

  it('the office issues a notice to the lead unit, with the warning as it stood', async () => {
    const past = await office.post('/api/supervision', {
      indicatorId,
      requirement: '分析原因，提出整改措施',
      deadline: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    const res = await office.post('/api/supervision', {
      indicatorId,
      requirement: '分析原因，提出整改措施',
      deadline: inDays(30),
    });
    expect(res.statusCode, res.body).toBe(200);
    const notice = res.json().notice;
    noticeId = notice.id;
    expect(notice.status).toBe('issued');
    expect(notice.warning.status).toEqual(expect.any(String));
    expect(
      (await unit.post('/api/supervision', { indicatorId, requirement: 'x', deadline: inDays(3) })).statusCode,
    ).toBe(403);
  });

  it('refuses a second open notice for the same indicator, naming the open one, and writes nothing', async () => {
    const before = (await office.get('/api/supervision')).json().notices.length;
    const again = await office.post('/api/supervision', { indicatorId, requirement: '再发一份', deadline: inDays(10) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('NOTICE_ALREADY_OPEN');
    expect(again.json().message).toContain(`编号 ${noticeId}`);
    expect((await office.get('/api/supervision')).json().notices.length).toBe(before);
  });

  it('only the lead unit sees and answers it', async () => {
    expect((await other.get(`/api/supervision/${noticeId}`)).statusCode).toBe(404);
    // The other unit sees its own notices (the demo data's), never this one.
    const seen = (await other.get('/api/supervision')).json().notices as { id: number; unitName: string }[];
    expect(seen.map((n) => n.id)).not.toContain(noticeId);
    expect(seen.every((n) => n.unitName === '区教育局')).toBe(true);
    expect(
      (await other.post(`/api/supervision/${noticeId}/answer`, { causes: 'a', measures: 'b', expectedEffect: 'c' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await office.post(`/api/supervision/${noticeId}/answer`, { causes: 'a', measures: 'b', expectedEffect: 'c' }))
        .statusCode,
    ).toBe(403);
    const empty = await unit.post(`/api/supervision/${noticeId}/answer`, {
      causes: '',
      measures: 'b',
      expectedEffect: 'c',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('原因分析');
    const early = await office.post(`/api/supervision/${noticeId}/close`, { comment: '' });
    expect(early.statusCode).toBe(409);
    const answer = await unit.post(`/api/supervision/${noticeId}/answer`, {
      causes: '个别高危孕产妇转诊不及时',
      measures: '落实高危专案管理，加强危急重症救治',
      expectedEffect: '2026年孕产妇死亡率控制在8.5/10万以下',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().notice.status).toBe('answered');
  });

  it('the office asks again, the unit answers again, the office closes; every step is kept and audited', async () => {
    const again = await office.post(`/api/supervision/${noticeId}/ask-again`, {
      comment: '措施不够具体',
      deadline: inDays(15),
    });
    expect(again.json().notice.status).toBe('issued');
    expect(again.json().notice.deadline).toBe(inDays(15));
    await unit.post(`/api/supervision/${noticeId}/answer`, {
      causes: '同上',
      measures: '每月通报',
      expectedEffect: '同上',
    });
    const closed = await office.post(`/api/supervision/${noticeId}/close`, { comment: '整改到位' });
    expect(closed.json().notice.status).toBe('closed');
    const thread = (await unit.get(`/api/supervision/${noticeId}`)).json();
    expect(thread.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'issue',
      'answer',
      'ask_again',
      'answer',
      'close',
    ]);
    expect(thread.steps[1].content.measures).toContain('高危专案管理');
    const audited = await t.db.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'supervision'), eq(auditLog.objectId, String(noticeId))))
      .orderBy(asc(auditLog.id));
    expect(audited.map((a) => a.action)).toEqual([
      'supervision.issue',
      'supervision.answer',
      'supervision.ask_again',
      'supervision.answer',
      'supervision.close',
    ]);
  });

  it('lists overdue notices', async () => {
    const res = await office.post('/api/supervision', { indicatorId, requirement: '按期整改', deadline: inDays(1) });
    const id = res.json().notice.id;
    await t.db.database.db
      .update(supervisionNotice)
      .set({ deadline: '2025-01-01' })
      .where(eq(supervisionNotice.id, id));
    const overdue = (await office.get('/api/supervision?overdue=true')).json().notices as {
      id: number;
      status: string;
      overdue: boolean;
    }[];
    // This one, besides the demo data's overdue one; none that is answered or still in time.
    expect(overdue.map((n) => n.id)).toContain(id);
    expect(overdue.every((n) => n.overdue && n.status === 'issued')).toBe(true);
    const open = (await office.get('/api/supervision?status=issued')).json().notices as typeof overdue;
    expect(open.filter((n) => n.overdue).map((n) => n.id)).toEqual(overdue.map((n) => n.id));
  });

  it('an overdue 督办 reaches the unit and the office once, in their bells, and stops once answered', async () => {
    const [open] = (await office.get('/api/supervision?overdue=true')).json().notices as { id: number }[];
    // This notice's reminders (the demo data's overdue 督办 has its own).
    const bell = async (who: Client) =>
      ((await who.get('/api/notices')).json().notices as { kind: string; title: string; link: string }[]).filter(
        (n) => n.kind === 'supervision_overdue' && n.link === `/warnings/notices/${open!.id}`,
      );
    expect(await remindOverdueSupervision(t.db.database.db)).toBeGreaterThanOrEqual(2);
    expect(await remindOverdueSupervision(t.db.database.db)).toBe(0);
    const unitBell = await bell(unit);
    expect(unitBell).toHaveLength(1);
    expect(unitBell[0]!.title).toContain('督办已逾期');
    expect(unitBell[0]!.link).toBe(`/warnings/notices/${open!.id}`);
    expect(await bell(office)).toHaveLength(1);
    expect(await bell(other)).toEqual([]);
    await unit.post(`/api/supervision/${open!.id}/answer`, {
      causes: '原因',
      measures: '措施',
      expectedEffect: '效果',
    });
    await t.db.database.db.delete(notice).where(eq(notice.kind, 'supervision_overdue'));
    // Reminded again from scratch: nothing for the answered one (the demo data's overdue 督办 is reminded still).
    await remindOverdueSupervision(t.db.database.db);
    expect(await bell(unit)).toEqual([]);
    expect(await bell(office)).toEqual([]);
  });

  it('judges overdue by the day in Beijing: at 23:30 UTC the deadline day has already passed there', async () => {
    // Yesterday (UTC) as the deadline, looked at from two instants of that day: both lie before the real now, so
    // the signed-in session stays valid while the clock is set back.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    // The previous test's notice is still open: one open notice per indicator.
    await t.db.database.db
      .update(supervisionNotice)
      .set({ status: 'closed' })
      .where(eq(supervisionNotice.indicatorId, indicatorId));
    const res = await office.post('/api/supervision', { indicatorId, requirement: '按期整改', deadline: inDays(5) });
    const id = res.json().notice.id;
    await t.db.database.db.update(supervisionNotice).set({ deadline: day }).where(eq(supervisionNotice.id, id));
    const overdue = async () => (await office.get(`/api/supervision/${id}`)).json().notice.overdue;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(`${day}T15:30:00Z`)); // 23:30 in Beijing: still the deadline day
      expect(await overdue()).toBe(false);
      vi.setSystemTime(new Date(`${day}T23:30:00Z`)); // 07:30 the next day in Beijing
      expect(await overdue()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
