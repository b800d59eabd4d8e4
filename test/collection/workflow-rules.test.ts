// The review workflow's role checks and the upload's number cells, as pure functions: a mutant that lets a unit
// approve its own data (approving locks it) or that accepts a percent-formatted cell must fail here.
import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  SUBMISSION_STATUSES,
  type SubmissionAction,
  type SubmissionStatus,
  submitTarget,
  TRANSITIONS,
  unitCanEdit,
} from '../../src/core/collection/workflow.ts';
import { readNumber } from '../../src/features/collection/excel/parse.ts';
import { ROLES, type Role } from '../../src/kernel/roles.ts';

const allowed: Record<SubmissionAction, Role[]> = {
  save: ['unit_reporter', 'town_reporter'],
  submit: ['unit_reporter', 'town_reporter'],
  confirm: ['unit_leader'],
  send_back: ['unit_leader'],
  return: ['statistics'],
  approve: ['statistics'],
  reopen: ['statistics'],
};

describe('审核流程: who may do what', () => {
  it('only the statistics bureau approves, returns or reopens; a unit reporter can never approve', () => {
    expect(checkTransition('submitted', 'approve', 'unit_reporter')).toEqual({
      ok: false,
      reason: 'role',
      message: '当前角色不能执行“审核通过”',
    });
    expect(checkTransition('submitted', 'approve', 'statistics')).toEqual({ ok: true, to: 'approved' });
  });

  it('every action is refused to every role outside its list, whatever the status', () => {
    for (const action of Object.keys(allowed) as SubmissionAction[]) {
      for (const role of ROLES) {
        for (const status of SUBMISSION_STATUSES) {
          const check = checkTransition(status, action, role);
          if (!allowed[action].includes(role)) expect(check).toMatchObject({ ok: false, reason: 'role' });
          else if (TRANSITIONS[action].from.includes(status))
            expect(check).toEqual({ ok: true, to: TRANSITIONS[action].to });
          else
            expect(check).toMatchObject({
              ok: false,
              reason: 'status',
              message: expect.stringContaining('当前状态为'),
            });
        }
      }
    }
  });

  it('the transitions of the plan’s workflow, written out (not read back from TRANSITIONS)', () => {
    const expected: Record<SubmissionAction, [string[], string]> = {
      save: [['not_started', 'in_progress', 'returned'], 'in_progress'],
      submit: [['not_started', 'in_progress', 'returned'], 'awaiting_confirmation'],
      confirm: [['awaiting_confirmation'], 'submitted'],
      send_back: [['awaiting_confirmation'], 'in_progress'],
      return: [['submitted'], 'returned'],
      approve: [['submitted'], 'approved'],
      reopen: [['approved'], 'returned'],
    };
    for (const [action, [from, to]] of Object.entries(expected) as [SubmissionAction, [string[], string]][]) {
      const role = allowed[action][0] as Role;
      const opens = SUBMISSION_STATUSES.filter((status) => checkTransition(status, action, role).ok);
      expect(opens, action).toEqual(from);
      expect(checkTransition(from[0] as never, action, role), action).toEqual({ ok: true, to });
      expect(
        ROLES.filter((r) => checkTransition(from[0] as never, action, r).ok),
        action,
      ).toEqual(allowed[action]);
    }
    expect(checkTransition('not_started', 'submit', 'unit_reporter')).toEqual({
      ok: true,
      to: 'awaiting_confirmation',
    });
    expect(checkTransition('awaiting_confirmation', 'confirm', 'unit_leader')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('approved', 'reopen', 'statistics')).toEqual({ ok: true, to: 'returned' });
    expect(checkTransition('approved', 'approve', 'statistics')).toMatchObject({ ok: false, reason: 'status' });
    expect(submitTarget('unit')).toBe('awaiting_confirmation');
    expect(submitTarget('area')).toBe('submitted');
    expect(SUBMISSION_STATUSES.filter(unitCanEdit)).toEqual(['not_started', 'in_progress', 'returned']);
    expect(TRANSITIONS.return.needsReason && TRANSITIONS.reopen.needsReason && TRANSITIONS.send_back.needsReason).toBe(
      true,
    );
    expect(TRANSITIONS.approve.needsReason).toBeUndefined();
  });
});

describe('审核流程: a refusal says, in the words of the screen, what was tried and why not', () => {
  it('names the current status and the action', () => {
    const refusals: [SubmissionStatus, SubmissionAction, Role, string][] = [
      ['not_started', 'approve', 'statistics', '当前状态为“未开始”，不能执行“审核通过”'],
      ['in_progress', 'confirm', 'unit_leader', '当前状态为“填报中”，不能执行“领导确认”'],
      ['awaiting_confirmation', 'save', 'unit_reporter', '当前状态为“待领导确认”，不能执行“保存”'],
      ['submitted', 'submit', 'town_reporter', '当前状态为“已提交”，不能执行“提交”'],
      ['returned', 'return', 'statistics', '当前状态为“被退回”，不能执行“审核退回”'],
      ['approved', 'send_back', 'unit_leader', '当前状态为“已通过”，不能执行“领导退回修改”'],
      ['submitted', 'reopen', 'statistics', '当前状态为“已提交”，不能执行“重新打开”'],
    ];
    for (const [status, action, role, message] of refusals) {
      expect(checkTransition(status, action, role)).toEqual({ ok: false, reason: 'status', message });
    }
  });

  it('a role outside the action’s list is told so whatever the status', () => {
    expect(checkTransition('awaiting_confirmation', 'confirm', 'town_reporter')).toEqual({
      ok: false,
      reason: 'role',
      message: '当前角色不能执行“领导确认”',
    });
  });
});

describe('上传: number cells', () => {
  it('refuses a percent-formatted cell, showing it as the user typed it', () => {
    expect(readNumber({ value: 0.935, numFmt: '0.0%' })).toEqual({
      ok: false,
      message: '应为数字，填写的是“93.5%”（百分比请直接填写数值，不带 % 号）',
    });
    expect(readNumber({ value: 93.5, numFmt: '0.0' })).toEqual({ ok: true, value: 93.5 });
    expect(readNumber({ value: 93.5 })).toEqual({ ok: true, value: 93.5 });
    // A formula whose result is shown as a percent (=B2/C2 formatted 0.0%) is the same mistake.
    expect(readNumber({ value: { formula: 'B2/C2', result: 0.935 }, numFmt: '0.0%' })).toEqual({
      ok: false,
      message: '应为数字，填写的是“93.5%”（百分比请直接填写数值，不带 % 号）',
    });
  });

  it('quotes long text shortened, and does not read a hundred-odd digits as a number', () => {
    const fifty = '约'.repeat(50);
    expect(readNumber({ value: fifty })).toEqual({ ok: false, message: `应为数字，填写的是“${fifty}”` });
    expect(readNumber({ value: `${fifty}数` })).toEqual({
      ok: false,
      message: `应为数字，填写的是“${fifty}…（共 51 字）”`,
    });
    expect(readNumber({ value: '1'.repeat(100) })).toMatchObject({ ok: true });
    expect(readNumber({ value: '1'.repeat(101) })).toEqual({
      ok: false,
      message: `应为数字，填写的是“${'1'.repeat(50)}…（共 101 字）”`,
    });
  });

  it('reads numbers typed as text, empty cells and formula results; refuses text', () => {
    expect(readNumber({ value: ' 12.5 ' })).toEqual({ ok: true, value: 12.5 });
    expect(readNumber({ value: '' })).toEqual({ ok: true, value: null });
    expect(readNumber({ value: null })).toEqual({ ok: true, value: null });
    expect(readNumber({ value: { formula: 'A1', result: 7 } })).toEqual({ ok: true, value: 7 });
    expect(readNumber({ value: '93.5%' })).toEqual({
      ok: false,
      message: '应为数字，填写的是“93.5%”（百分比请直接填写数值，不带 % 号）',
    });
    expect(readNumber({ value: '约90' })).toEqual({ ok: false, message: '应为数字，填写的是“约90”' });
    expect(readNumber({ value: Number.POSITIVE_INFINITY })).toEqual({
      ok: false,
      message: '应为数字，填写的是“Infinity”',
    });
  });
});
