import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataValue, dataValueHistory } from '../../src/db/schema/index.ts';
import { saveValues } from '../../src/features/collection/values.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { type Client, login } from '../helpers/session.ts';
import { assignLead } from './helpers.ts';

// The full yearly round as the plan describes it, through the API, on both engines.
describe.each(ENGINES)('a reporting round from opening to approval and reopening on %s', (engine) => {
  let t: TestApp;
  let office: Client;
  let unit: Client;
  let leader: Client;
  let stats: Client;
  let mmr: { id: number };
  let care: { id: number };
  let roundId: number;
  let submissionId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const assigned = await assignLead(t.db.database.db, '区卫生健康委', ['孕产妇死亡率', '孕产妇系统管理率']);
    mmr = assigned.indicators.孕产妇死亡率!;
    care = assigned.indicators.孕产妇系统管理率!;
    // Last year's approved figure, so this year's entry can be compared with it.
    await saveValues(
      t.db.database.db,
      [{ indicatorId: care.id, year: 2024, areaId: null, sex: 'total', value: 95.2, expectedVersion: 0 }],
      { actor: { userId: null, username: 'seed', unitName: null, ip: null }, unitId: null, roundId: null },
    );
    office = await login(t.app, 'office');
    unit = await login(t.app, 'wjw');
    leader = await login(t.app, 'wjw_leader');
    stats = await login(t.app, 'stats');
  });
  afterAll(() => t.close());

  const valueRow = async (indicatorId: number, year = 2025) =>
    (await t.db.database.db.select().from(dataValue).where(eq(dataValue.indicatorId, indicatorId))).find(
      (v) => v.year === year,
    );
  const put = (values: object[]) => unit.put(`/api/rounds/${roundId}/values`, { values });

  it('the office opens the 2025 annual round; the unit sees its task', async () => {
    const res = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
    expect(res.statusCode, res.body).toBe(200);
    roundId = res.json().round.id;
    const task = await unit.get(`/api/rounds/${roundId}/task`);
    expect(task.statusCode, task.body).toBe(200);
    const names = task.json().items.map((i: { indicator: { name: string } }) => i.indicator.name);
    expect(names).toEqual(expect.arrayContaining(['孕产妇死亡率', '孕产妇系统管理率']));
    expect(names).toHaveLength(2);
    submissionId = task.json().submission.id;
    expect(task.json().submission.status).toBe('not_started');
    const twice = await office.post('/api/rounds', { kind: 'annual', year: 2025, deadline: '2026-03-31' });
    expect(twice.statusCode).toBe(409);
  });

  it('rejects a batch with a hard error at the field, writing nothing', async () => {
    const res = await put([
      { indicatorId: care.id, year: 2025, areaId: null, sex: 'total', value: 93.1, expectedVersion: 0 },
      {
        indicatorId: mmr.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 9,
        numerator: 1,
        denominator: 5700,
        expectedVersion: 0,
      },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().fields).toEqual([{ field: 'values.1.value', message: expect.stringContaining('不一致') }]);
    expect(await valueRow(care.id)).toBeUndefined();
    const percent = await put([
      { indicatorId: care.id, year: 2025, areaId: null, sex: 'total', value: 120, expectedVersion: 0 },
    ]);
    expect(percent.json().fields[0].message).toContain('0–100');
  });

  it('saves the fixed batch; a soft rule warns and blocks submission until explained', async () => {
    const res = await put([
      {
        indicatorId: care.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 60.5,
        source: '妇幼年报',
        expectedVersion: 0,
      },
      {
        indicatorId: mmr.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 17.54,
        numerator: 1,
        denominator: 5700,
        expectedVersion: 0,
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json().saved;
    expect(saved[0].warnings[0].code).toBe('S_CHANGE_30');
    expect(saved[0].warnings[0].message).toContain('较上年（95.2）');

    const blocked = await unit.post(`/api/submissions/${submissionId}/actions`, { action: 'submit' });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().code).toBe('SUBMIT_BLOCKED');
    expect(blocked.json().message).toContain('须填写说明');

    const explained = await put([
      {
        indicatorId: care.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 60.5,
        source: '妇幼年报',
        explanation: '统计口径调整：流动人口纳入管理',
        expectedVersion: saved[0].version,
      },
    ]);
    expect(explained.statusCode, explained.body).toBe(200);
    const submitted = await unit.post(`/api/submissions/${submissionId}/actions`, { action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().submission.status).toBe('awaiting_confirmation');
  });

  it('locks the unit out of editing while its leader confirms', async () => {
    const row = await valueRow(care.id);
    const res = await put([
      { indicatorId: care.id, year: 2025, areaId: null, sex: 'total', value: 61, expectedVersion: row!.version },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SUBMISSION_NOT_EDITABLE');
    const confirm = await leader.post(`/api/submissions/${submissionId}/actions`, { action: 'confirm' });
    expect(confirm.json().submission.status).toBe('submitted');
  });

  it('the statistics bureau returns one value with a reason; the unit fixes it and it goes through', async () => {
    const row = await valueRow(care.id);
    const ret = await stats.post(`/api/submissions/${submissionId}/actions`, {
      action: 'return',
      reason: '请核实',
      valueReturns: [{ valueId: row!.id, reason: '与妇幼年报不符，请核实' }],
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().submission.status).toBe('returned');
    expect((await valueRow(care.id))!.returnReason).toBe('与妇幼年报不符，请核实');

    const stillReturned = await unit.post(`/api/submissions/${submissionId}/actions`, { action: 'submit' });
    expect(stillReturned.json().message).toContain('被退回');

    const fixed = await put([
      {
        indicatorId: care.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 93.6,
        source: '妇幼年报',
        expectedVersion: row!.version,
      },
    ]);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await valueRow(care.id))!.returnReason).toBeNull();
    expect((await unit.post(`/api/submissions/${submissionId}/actions`, { action: 'submit' })).statusCode).toBe(200);
    expect((await leader.post(`/api/submissions/${submissionId}/actions`, { action: 'confirm' })).statusCode).toBe(200);
    const approved = await stats.post(`/api/submissions/${submissionId}/actions`, { action: 'approve' });
    expect(approved.json().submission.status).toBe('approved');
    expect((await valueRow(care.id))!.locked).toBe(true);
  });

  it('keeps approved data locked; reopening takes the statistics bureau and a reason', async () => {
    const row = await valueRow(care.id);
    const direct = await saveValues(
      t.db.database.db,
      [{ indicatorId: care.id, year: 2025, areaId: null, sex: 'total', value: 1, expectedVersion: row!.version }],
      { actor: { userId: null, username: 'x', unitName: null, ip: null }, unitId: null, roundId: null },
    ).catch((e: { code: string }) => e.code);
    expect(direct).toBe('VALUE_LOCKED');
    expect(
      (await unit.post(`/api/submissions/${submissionId}/actions`, { action: 'reopen', reason: 'x' })).statusCode,
    ).toBe(403);
    const noReason = await stats.post(`/api/submissions/${submissionId}/actions`, { action: 'reopen' });
    expect(noReason.statusCode).toBe(400);
    const reopened = await stats.post(`/api/submissions/${submissionId}/actions`, {
      action: 'reopen',
      reason: '区政府要求更正口径',
    });
    expect(reopened.json().submission.status).toBe('returned');
    expect((await valueRow(care.id))!.locked).toBe(false);
  });

  it('keeps the complete history of each touched value', async () => {
    const row = await valueRow(care.id);
    const res = await unit.get(`/api/values/${row!.id}/history`);
    expect(res.statusCode).toBe(200);
    const history = res.json().history as {
      action: string;
      reason: string | null;
      username: string;
      old: { value: number } | null;
      new: { value: number } | null;
    }[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'return', 'update', 'approve', 'reopen']);
    expect(history[0]!.new!.value).toBe(60.5);
    expect(history[2]!.reason).toBe('与妇幼年报不符，请核实');
    expect(history[3]!.old!.value).toBe(60.5);
    expect(history[3]!.new!.value).toBe(93.6);
    expect(history[5]!.reason).toBe('区政府要求更正口径');
    expect(
      history.filter((h) => h.action === 'create' || h.action === 'update').every((h) => h.username === 'wjw'),
    ).toBe(true);
    const rows = await t.db.database.db.select().from(dataValueHistory).where(eq(dataValueHistory.valueId, row!.id));
    expect(rows).toHaveLength(6);
  });

  it('gives the second of two concurrent savers a conflict with the current value, losing nothing', async () => {
    const row = await valueRow(care.id);
    const first = await put([
      {
        indicatorId: care.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 94.0,
        source: '妇幼年报',
        expectedVersion: row!.version,
      },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const second = await put([
      {
        indicatorId: care.id,
        year: 2025,
        areaId: null,
        sex: 'total',
        value: 90.0,
        source: '妇幼年报',
        expectedVersion: row!.version,
      },
    ]);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONFLICT');
    expect(second.json().conflicts[0].current.value).toBe(94);
    expect((await valueRow(care.id))!.value).toBe(94);
  });

  it('refuses values outside the unit’s task and another unit’s submission', async () => {
    const res = await put([
      { indicatorId: care.id, year: 2023, areaId: null, sex: 'total', value: 90, expectedVersion: 0 },
    ]);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_IN_TASK');
    const other = await login(t.app, 'jyj');
    expect((await other.get(`/api/submissions/${submissionId}/events`)).statusCode).toBe(404);
    expect((await other.post(`/api/submissions/${submissionId}/actions`, { action: 'submit' })).statusCode).toBe(404);
    const history = await other.get(`/api/values/${(await valueRow(care.id))!.id}/history`);
    expect(history.statusCode).toBe(404);
  });
});
