// The sections a unit's document must fill (src/core/documents.ts): the five of the 年度工作报告, a summary for
// the others, and which are still empty before it can be submitted.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, emptySections, sectionsOf } from '../../src/core/documents.ts';

describe('document sections', () => {
  it('asks the 年度工作报告 for the five sections of the plan, the others for a summary', () => {
    expect(sectionsOf('annual_work_report').map((s) => s.label)).toEqual([
      '本年度实施情况',
      '存在问题',
      '原因分析',
      '对策措施',
      '下一年度工作安排',
    ]);
    expect(sectionsOf('evaluation_report')).toEqual([{ key: 'summary', label: '内容摘要' }]);
    expect(sectionsOf('implementation_plan')).toEqual([{ key: 'summary', label: '内容摘要' }]);
  });

  it('lists the empty sections in the plan’s order, a blank one counting as empty', () => {
    expect(emptySections('annual_work_report', { implementation: ' 已开展 ', problems: '  ', causes: '' })).toEqual([
      '存在问题',
      '原因分析',
      '对策措施',
      '下一年度工作安排',
    ]);
    expect(emptySections('evaluation_report', { summary: '\n' })).toEqual(['内容摘要']);
    expect(emptySections('implementation_plan', { summary: '实施方案摘要' })).toEqual([]);
  });

  it('labels the kinds and states as the pages show them', () => {
    expect(DOCUMENT_KIND_LABELS).toEqual({
      implementation_plan: '实施方案',
      annual_work_report: '年度工作报告',
      evaluation_report: '评估报告',
    });
    expect(DOCUMENT_STATUS_LABELS).toEqual({ draft: '草稿', submitted: '已提交', missing: '未提交' });
  });
});
