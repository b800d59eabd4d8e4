// The request shapes the 督办, inspection and meeting tasks share (src/core/work.ts): every refusal in Chinese,
// including a field left out or of the wrong type, which zod would otherwise report in English.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DateText,
  LINK_KIND_LABELS,
  Link,
  Long,
  NewTask,
  TASK_SOURCE_LABELS,
  TASK_STATUS_LABELS,
} from '../../src/core/work.ts';

const check = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? r.data : r.error.issues.map((i) => i.message);
};

describe('the shared task shapes', () => {
  it('take a date as YYYY-MM-DD only', () => {
    expect(check(DateText, '2025-01-31')).toBe('2025-01-31');
    for (const wrong of ['2025-1-31', 'x2025-01-31', '2025-01-31x', undefined, 20250131]) {
      expect(check(DateText, wrong)).toEqual(['日期格式应为 YYYY-MM-DD']);
    }
  });

  it('trim a text, and ask for it when it is blank, left out or too long', () => {
    expect(check(Long('内容'), '  整改  ')).toBe('整改');
    expect(check(Long('内容'), '   ')).toEqual(['请填写内容']);
    expect(check(Long('内容'), undefined)).toEqual(['请填写内容']);
    expect(check(Long('内容', 3), 'abc')).toBe('abc');
    expect(check(Long('内容', 3), 'abcd')).toEqual(['内容最多 3 字']);
    expect(check(Long('内容'), 'x'.repeat(4000))).toHaveLength(4000);
    expect(check(Long('内容'), 'x'.repeat(4001))).toEqual(['内容最多 4000 字']);
  });

  it('link a task to a known kind of item by a positive whole number', () => {
    for (const kind of ['goal', 'measure', 'indicator', 'warning', 'supervision']) {
      expect(check(Link, { kind, id: 1 })).toEqual({ kind, id: 1 });
    }
    expect(check(Link, { kind: 'meeting', id: 1 })).toEqual(['关联类型不正确']);
    for (const id of [0, -1, 1.5, '1']) expect(check(Link, { kind: 'goal', id })).toEqual(['关联编号应为正整数']);
  });

  it('create a task with an owner unit, what to do and a deadline', () => {
    expect(check(NewTask, { unitId: 3, content: ' 补齐台账 ', deadline: '2025-12-31' })).toEqual({
      unitId: 3,
      content: '补齐台账',
      deadline: '2025-12-31',
    });
    expect(check(NewTask, {})).toEqual(['请选择责任单位', '请填写任务内容', '日期格式应为 YYYY-MM-DD']);
    expect(check(NewTask, { unitId: 1.5, content: 'x'.repeat(2001), deadline: '2025-12-31' })).toEqual([
      '请选择责任单位',
      '任务内容最多 2000 字',
    ]);
    expect(check(NewTask, { unitId: 0, content: '补齐台账', deadline: '2025-12-31' })).toEqual(['请选择责任单位']);
  });

  it('label the sources and states as the task list shows them', () => {
    expect(TASK_SOURCE_LABELS).toEqual({
      supervision: '预警督办',
      rectification: '督导检查整改',
      decision: '会议议定事项',
    });
    expect(TASK_STATUS_LABELS).toEqual({ issued: '待办理', answered: '已反馈', closed: '已办结' });
    expect(LINK_KIND_LABELS).toEqual({
      goal: '主要目标',
      measure: '策略措施',
      indicator: '监测指标',
      warning: '指标预警',
      supervision: '督办单',
    });
  });
});
