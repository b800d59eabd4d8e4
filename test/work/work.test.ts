// 督导检查, 议事协调 and the one task list, through the API: the closed loops, scope, audit, bad input, the 会议纪要
// and the evaluation report's summary.
import { count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inspection, notice, workTask } from '../../src/db/schema/index.ts';
import { beijingDate } from '../../src/kernel/dates.ts';
import { fakeExe, multipart, tinyPdf } from '../documents/files.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { paragraphTexts, readDocx } from '../reports/docx-xml.ts';

const inDays = (n: number) =>
  new Date(Date.parse(`${beijingDate()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('督导检查、议事协调和工作任务 on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let wjw: Client;
  let jyj: Client;
  let leader: Client;
  let wjwId: number;
  let jyjId: number;
  let inspectionId: number;
  let wjwTarget: number;
  let findingId: number;
  let rectificationId: number;
  let meetingId: number;
  let decisionId: number;
  const rows = async (table: typeof inspection | typeof workTask) =>
    (await t.db.database.db.select({ n: count() }).from(table))[0]?.n;

  beforeAll(async () => {
    t = await createTestApp(engine);
    office = await login(t.app, 'office');
    wjw = await login(t.app, 'wjw');
    jyj = await login(t.app, 'jyj');
    leader = await login(t.app, 'leader');
    const units = (await office.get('/api/org/units')).json().units as { id: number; name: string }[];
    wjwId = units.find((u) => u.name === '区卫生健康委')!.id;
    jyjId = units.find((u) => u.name === '区教育局')!.id;
  }, 120_000);
  afterAll(() => t.close());

  it('refuses bad inspection plans in Chinese, naming the field, and stores nothing', async () => {
    const base = {
      title: '2025年度规划实施情况督导检查',
      startDate: '2025-11-10',
      endDate: '2025-11-14',
      inspectors: '区妇儿工委办公室 张三、李四',
    };
    const none = await office.post('/api/inspections', base);
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toContain('请至少选择一个被检查单位或镇街');
    const backwards = await office.post('/api/inspections', { ...base, unitIds: [wjwId], endDate: '2025-11-01' });
    expect(backwards.json().message).toContain('结束日期不能早于开始日期');
    const ghost = await office.post('/api/inspections', { ...base, unitIds: [wjwId, 99_999] });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', fields: [{ field: 'body.unitIds.1' }] });
    const badLink = await office.post('/api/inspections', {
      ...base,
      unitIds: [wjwId],
      links: [{ kind: 'indicator', id: 99_999 }],
    });
    expect(badLink.json().code).toBe('LINK_NOT_FOUND');
    expect((await wjw.post('/api/inspections', { ...base, unitIds: [wjwId] })).statusCode).toBe(403);
    expect(await rows(inspection)).toBe(0);
  });

  it('the office plans an inspection of two units; each is told', async () => {
    const options = (await office.get('/api/tasks/link-options')).json();
    expect(options.indicators.length).toBeGreaterThan(100);
    const res = await office.post('/api/inspections', {
      title: '2025年度规划实施情况督导检查',
      startDate: '2025-11-10',
      endDate: '2025-11-14',
      inspectors: '区妇儿工委办公室 张三、李四',
      focus: '妇女健康、儿童教育领域目标任务落实情况',
      unitIds: [wjwId, jyjId],
      links: [
        { kind: 'goal', id: options.goals[0].id },
        { kind: 'indicator', id: options.indicators[0].id },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    inspectionId = res.json().inspection.id;
    const detail = (await office.get(`/api/inspections/${inspectionId}`)).json();
    expect(detail.targets.map((x: { name: string }) => x.name)).toEqual(['区卫生健康委', '区教育局']);
    expect(detail.links).toHaveLength(2);
    wjwTarget = detail.targets[0].id;
    const notices = await t.db.database.db.select().from(notice).where(eq(notice.kind, 'inspection.planned'));
    expect(notices.map((n) => n.unitId).sort()).toEqual([wjwId, jyjId].sort());
  });

  it('records a finding with an attachment checked by content', async () => {
    const empty = await office.post(`/api/inspections/${inspectionId}/findings`, { targetId: wjwTarget, text: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('检查发现');
    const res = await office.post(`/api/inspections/${inspectionId}/findings`, {
      targetId: wjwTarget,
      text: '部分镇街“两癌”筛查覆盖率低于目标，基层妇幼保健人员不足。',
      rating: 'average',
    });
    expect(res.statusCode, res.body).toBe(200);
    findingId = res.json().finding.id;
    const upload = (files: { name: string; bytes: Buffer }[]) =>
      office.request({
        method: 'POST',
        url: `/api/inspections/findings/${findingId}/attachments`,
        ...multipart(files),
      });
    const exe = await upload([{ name: '现场照片.pdf', bytes: fakeExe }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('UNSUPPORTED_FILE_TYPE');
    const ok = await upload([{ name: '检查记录表.pdf', bytes: tinyPdf() }]);
    expect(ok.statusCode, ok.body).toBe(200);
    const detail = (await office.get(`/api/inspections/${inspectionId}`)).json();
    expect(detail.findings[0].attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['检查记录表.pdf']);
    const attachmentId = detail.findings[0].attachments[0].id;
    expect((await wjw.get(`/api/inspections/attachments/${attachmentId}`)).statusCode).toBe(200);
    // 区教育局 was inspected too, but the finding is about 区卫生健康委.
    expect((await jyj.get(`/api/inspections/attachments/${attachmentId}`)).statusCode).toBe(404);
  });

  it('turns the finding into a 整改 item the unit answers and the office closes', async () => {
    const past = await office.post(`/api/inspections/findings/${findingId}/rectifications`, {
      unitId: wjwId,
      content: '制定筛查提升方案',
      deadline: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(await rows(workTask)).toBe(0);
    const res = await office.post(`/api/inspections/findings/${findingId}/rectifications`, {
      unitId: wjwId,
      content: '制定“两癌”筛查提升方案，年底前覆盖全部镇街',
      deadline: inDays(30),
    });
    expect(res.statusCode, res.body).toBe(200);
    rectificationId = res.json().task.id;

    // Scope: 区教育局 sees the inspection but neither the finding nor the item.
    const theirs = (await jyj.get(`/api/inspections/${inspectionId}`)).json();
    expect(theirs.findings).toEqual([]);
    expect(theirs.tasks).toEqual([]);
    expect((await jyj.get(`/api/tasks/${rectificationId}`)).statusCode).toBe(404);
    expect((await jyj.get('/api/tasks')).json().tasks).toEqual([]);
    const mine = (await wjw.get('/api/tasks')).json().tasks;
    expect(mine).toMatchObject([
      { source: 'rectification', id: rectificationId, status: 'issued', overdue: false, year: 2025 },
    ]);

    expect((await office.post(`/api/tasks/${rectificationId}/close`, {})).json().code).toBe('INVALID_TRANSITION');
    expect((await wjw.post(`/api/tasks/${rectificationId}/answer`, { report: '' })).statusCode).toBe(400);
    const answer = await wjw.post(`/api/tasks/${rectificationId}/answer`, { report: '已制定方案，新增筛查点 3 个' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().task.status).toBe('answered');
    const closed = await office.post(`/api/tasks/${rectificationId}/close`, { comment: '整改到位' });
    expect(closed.json().task.status).toBe('closed');
    const thread = (await wjw.get(`/api/tasks/${rectificationId}`)).json();
    expect(thread.steps.map((s: { kind: string }) => s.kind)).toEqual(['issue', 'answer', 'close']);
    expect(thread.findingText).toContain('两癌');
  });

  it('records a 联络员会议 whose decision the unit closes; attendees are told', async () => {
    const bad = await office.post('/api/meetings', { kind: 'liaison', title: '', heldOn: '2025-12-05' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('会议名称');
    const res = await office.post('/api/meetings', {
      kind: 'liaison',
      title: '2025年第四季度联络员会议',
      heldOn: '2025-12-05',
      place: '区妇联三楼会议室',
      host: '区妇儿工委办公室主任',
      unitIds: [wjwId, jyjId],
      attendeePeople: '各成员单位联络员',
      agenda: [{ title: '通报2025年度监测数据报送情况', links: [] }],
      minutes: '会议通报了年度监测数据报送进度。\n会议要求各单位按时报送年度工作报告。',
      decisions: [{ unitId: jyjId, content: '区教育局牵头完成学前教育毛入园率数据核实', deadline: inDays(20) }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().robot.status).toBe('none');
    meetingId = res.json().meeting.id;
    const detail = (await jyj.get(`/api/meetings/${meetingId}`)).json();
    expect(detail.decisions).toHaveLength(1);
    decisionId = detail.decisions[0].id;
    expect((await wjw.get(`/api/meetings/${meetingId}`)).json().decisions).toEqual([]);
    expect((await wjw.post(`/api/tasks/${decisionId}/answer`, { report: 'x' })).statusCode).toBe(404);
    const done = await jyj.post(`/api/tasks/${decisionId}/answer`, { report: '已完成核实，数据已更正报送' });
    expect(done.json().task.status).toBe('closed');
    const notices = await t.db.database.db.select().from(notice).where(like(notice.kind, 'meeting.%'));
    expect(notices).toHaveLength(2);
  });

  it('generates the 会议纪要 .docx with the decisions', async () => {
    const res = await jyj.get(`/api/meetings/${meetingId}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2025年第四季度联络员会议纪要'));
    const text = paragraphTexts((await readDocx(res.rawPayload)).document).join('\n');
    expect(text).toContain('2025年第四季度联络员会议纪要');
    expect(text).toContain('区教育局牵头完成学前教育毛入园率数据核实');
    expect(text).toContain('责任单位：');
    expect(text).toContain('出席：');
  });

  it('summarises the year and every step is in the audit log', async () => {
    const summary = (await leader.get('/api/tasks/summary?from=2025&to=2025')).json().summary;
    expect(summary).toEqual(
      expect.arrayContaining([
        { year: 2025, source: 'rectification', issued: 1, answered: 1, answeredOnTime: 1, closed: 1, overdue: 0 },
        { year: 2025, source: 'decision', issued: 1, answered: 1, answeredOnTime: 1, closed: 1, overdue: 0 },
      ]),
    );
    expect((await wjw.get('/api/tasks/summary?from=2025&to=2025')).statusCode).toBe(403);
    const actions = (await t.db.database.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    for (const a of [
      'inspection.plan',
      'inspection.finding.add',
      'inspection.attachment.upload',
      'task.rectification.issue',
      'task.rectification.answer',
      'task.rectification.close',
      'meeting.record',
      'task.decision.issue',
      'task.decision.answer',
      'meeting.minutes.download',
    ])
      expect(actions, a).toContain(a);
  });

  it('the 2025 annual evaluation report counts both', async () => {
    const draft = await office.post('/api/reports/drafts', { kind: 'annual_evaluation', year: 2025, scope: 'both' });
    expect(draft.statusCode, draft.body).toBe(200);
    const generated = await office.post(`/api/reports/drafts/${draft.json().draft.id}/generate`, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const file = await office.get(`/api/reports/files/${generated.json().file.id}`);
    const text = paragraphTexts((await readDocx(file.rawPayload)).document).join('\n');
    expect(text).toContain('督办督查和议事协调事项办理情况');
    expect(text).toContain('2025年，共交办督导检查整改事项1项、会议议定事项1项，合计2项；按期反馈2项');
  }, 120_000);
});
