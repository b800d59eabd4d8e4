// What an editor would otherwise cut by hand: the units' reports quoted in 主要做法和经验, 存在的问题 and 对策建议 are
// condensed — what several units wrote in the same words is said once with who wrote it, each unit keeps its own first
// point, and a unit's claim about its indicators does not repeat (or contradict) the report's own figures.
import { describe, expect, it } from 'vitest';
import {
  practicesText,
  problemsText,
  suggestionsText,
  UNITS_ANNEX,
  unitsAnnexRows,
} from '../../src/core/narrative/drafts.ts';
import { condense, condensedText, itemsOf, whoWrote } from '../../src/core/narrative/statements.ts';
import type { NarrativeInput } from '../../src/core/narrative/types.ts';
import { ind } from './fixtures.ts';

const domain = (planId: string, code: string, name: string) => ({
  planId,
  domainCode: code,
  domainName: name,
  assessed: 0,
  met: 0,
  rate: null,
  difficult: 0,
  volatile: 0,
});

function input(over: Partial<NarrativeInput> = {}): NarrativeInput {
  return {
    kind: 'final',
    year: 2025,
    basis: 'approved',
    region: '示范区',
    plans: [
      { id: 'w', title: '示范区妇女发展规划', shortTitle: '妇女发展规划', baseYear: 2020, cycleEnd: 2025 },
      { id: 'c', title: '示范区儿童发展规划', shortTitle: '儿童发展规划', baseYear: 2020, cycleEnd: 2025 },
    ],
    indicators: [],
    byPlan: [],
    byDomain: [domain('w', 'W1', '妇女与健康'), domain('c', 'C3', '儿童与教育')],
    supervision: [],
    workReports: [],
    ...over,
  } as NarrativeInput;
}

describe('condensing what units wrote', () => {
  it('reads a text as its points: sentences and ；-clauses, without 一是/二是', () => {
    expect(itemsOf('一是新建幼儿园；二是落实“双减”。主要经验是部门协同。\n下一步，')).toEqual([
      '新建幼儿园',
      '落实“双减”',
      '主要经验是部门协同',
      '下一步',
    ]);
  });

  it('says a point several units share once, naming them, and keeps each unit’s own first point with its cause', () => {
    const c = condense(
      [
        { unitName: '区教育局', text: '台账不规范；学位紧张', cause: '人口集聚较快；人员多为兼职' },
        { unitName: '区民政局', text: '台账不规范；儿童之家活动不经常', cause: '儿童主任多为兼职' },
        { unitName: '区司法局', text: '台账不规范', cause: '人员多为兼职' },
        { unitName: '区统计局', text: '数据连续性不强；台账不规范' },
      ],
      (item) => item.includes('未实现规划目标'),
    );
    expect(c.shared).toEqual([
      { items: ['台账不规范'], units: ['区教育局', '区民政局', '区司法局', '区统计局'] },
      { items: ['人员多为兼职'], units: ['区教育局', '区司法局'] },
    ]);
    expect(c.own).toEqual([
      { unitName: '区教育局', item: '学位紧张', cause: '人口集聚较快' },
      { unitName: '区民政局', item: '儿童之家活动不经常', cause: '儿童主任多为兼职' },
      { unitName: '区统计局', item: '数据连续性不强' },
    ]);
    expect(condensedText(c, '反映')).toBe(
      '区教育局、区民政局等4家单位反映台账不规范。区教育局、区司法局反映人员多为兼职。此外，区教育局反映学位紧张，主要原因是人口集聚较快；区民政局反映儿童之家活动不经常，主要原因是儿童主任多为兼职；区统计局反映数据连续性不强。',
    );
  });

  it('says points the same units share in one sentence', () => {
    const c = condense([
      { unitName: '甲', text: '完善部门协作机制；抓好甲任务；加强培训' },
      { unitName: '乙', text: '完善部门协作机制；抓好乙任务；加强培训' },
    ]);
    expect(condensedText(c, '提出')).toBe(
      '甲、乙提出完善部门协作机制；加强培训。此外，甲提出抓好甲任务；乙提出抓好乙任务。',
    );
  });

  it('names up to three units and counts the rest', () => {
    expect(whoWrote(['甲', '乙', '丙'])).toBe('甲、乙、丙');
    expect(whoWrote(['甲', '乙', '丙', '丁'])).toBe('甲、乙等4家单位');
  });
});

describe('主要做法和经验', () => {
  const evaluationReports = [
    {
      unitName: '区卫生健康委',
      summary:
        '2021—2025年，围绕妇幼健康，一是落实母婴安全五项制度；二是推进两癌筛查。主要经验是坚持部门协同。本单位牵头的10项监测指标中，9项实现规划目标。',
    },
    { unitName: '区教育局', summary: '2021—2025 年，围绕教育公平，一是新建幼儿园。主要经验是坚持部门协同。' },
    { unitName: '区财政局', summary: '保障经费投入。主要经验是资金及时拨付。' },
  ];
  const unitDomains = { 区卫生健康委: '妇女与健康', 区教育局: '儿童与教育' };

  it('groups one point per unit under the field it mainly leads, in the plans’ order, then the shared lessons', () => {
    const text = practicesText(input({ evaluationReports, unitDomains }));
    expect(text.split('\n')).toEqual([
      '规划实施以来，各成员单位按照职责分工，把规划目标任务纳入本部门工作统筹推进。根据3家成员单位的终期评估报告，主要做法如下。',
      '（一）妇女与健康领域。区卫生健康委围绕妇幼健康，落实母婴安全五项制度。',
      '（二）儿童与教育领域。区教育局围绕教育公平，新建幼儿园。',
      '（三）其他方面。区财政局保障经费投入。',
      '（四）主要经验。一是坚持部门协同（区卫生健康委、区教育局）；二是资金及时拨付（区财政局）。',
    ]);
    // A unit's own count of its indicators is left to the report's figures.
    expect(text).not.toContain('本单位牵头');
  });

  it('takes a unit without a 评估报告 from its work report, and names who has sent neither', () => {
    const text = practicesText(
      input({
        evaluationReports: evaluationReports.slice(0, 1),
        unitDomains,
        workReports: [{ unitName: '区教育局', implementation: '一是新建幼儿园；二是落实“双减”。' }],
        sources: { unitsReported: 1, unitsTotal: 3, noticesIssued: 0, noticesAnswered: 0, unitsMissing: ['区财政局'] },
      }),
    );
    expect(text).toContain('根据1家成员单位的终期评估报告和1家成员单位的年度工作报告');
    expect(text).toContain('（二）儿童与教育领域。区教育局新建幼儿园。');
    expect(text).toContain('区财政局尚未提交终期评估报告');
  });
});

describe('存在的问题 and 对策建议 from many units', () => {
  it('leaves a unit’s claim about its own indicators to the report’s figures, and quotes one 督办 answer given twice once', () => {
    const base = input({
      workReports: [
        {
          unitName: '区教育局',
          problems: '学前三年毛入园率未实现规划目标；学位紧张',
          causes: '人口集聚较快',
          countermeasures: '加快幼儿园建设',
        },
        {
          unitName: '区民政局',
          problems: '儿童之家活动不经常；孤儿保障水平尚未达到规划目标值',
          countermeasures: '加强儿童主任培训',
        },
      ],
      supervision: [
        {
          indicatorName: '甲指标',
          unitName: '区卫生健康委',
          causes: '专业人员不足。',
          measures: '向基层下沉专业人员。',
        },
        {
          indicatorName: '乙指标',
          unitName: '区卫生健康委',
          causes: '专业人员不足。',
          measures: '向基层下沉专业人员。',
        },
      ],
    });
    const problems = problemsText(base);
    expect(problems).toContain(
      '成员单位报告反映的问题和原因。区教育局反映学位紧张，主要原因是人口集聚较快；区民政局反映儿童之家活动不经常。',
    );
    expect(problems).not.toMatch(/未实现规划目标；|尚未达到规划目标值/);
    expect(problems).toContain('据责任单位督办反馈，甲指标、乙指标方面，区卫生健康委分析原因为：专业人员不足。');
    const suggestions = suggestionsText(base);
    expect(suggestions).toContain('区卫生健康委针对甲指标、乙指标提出向基层下沉专业人员。');
    expect(suggestions).toContain('区教育局提出加快幼儿园建设；区民政局提出加强儿童主任培训。');
  });

  it('past six units, quotes those whose indicators the report names and sends the others to a table it names', () => {
    const units = ['区委宣传部', '区教育局', '区民政局', '区司法局', '区财政局', '区卫生健康委', '区统计局', '区妇联'];
    const workReports = units.map((unitName, k) => ({
      unitName,
      problems: `问题${k}甲；问题${k}乙；问题${k}丙；问题${k}丁`,
      causes: `原因${k}`,
      countermeasures: `对策${k}`,
    }));
    // 孕产妇死亡率 (led by 区卫生健康委) is unmet; 区教育局 answered a 督办 on it.
    const unmet = ind({ values: [30, 28, 25, 20, 15, 12] }, { status: '未达标', met: false, finalCategory: '未实现' });
    const base = input({
      indicators: [unmet],
      workReports,
      supervision: [{ indicatorName: '孕产妇死亡率', unitName: '区教育局', causes: '学位紧张', measures: '扩建' }],
    });
    expect(problemsText(base)).toContain(
      '成员单位报告反映的问题和原因。区教育局反映问题1甲，主要原因是原因1；区卫生健康委反映问题5甲，主要原因是原因5。' +
        `另有6家单位反映的具体问题和原因见附表“${UNITS_ANNEX}”。`,
    );
    expect(suggestionsText(base)).toContain(
      `推动成员单位落实对策措施。区教育局提出对策1；区卫生健康委提出对策5。另有6家单位提出的具体措施见附表“${UNITS_ANNEX}”。`,
    );
    // The table holds every unit, the ones quoted too, with its first three points and first cause.
    const rows = unitsAnnexRows(base);
    expect(rows.map((r) => r.unitName)).toEqual(units);
    expect(rows[0]).toEqual({
      unitName: '区委宣传部',
      problems: '问题0甲；问题0乙；问题0丙。原因：原因0',
      countermeasures: '对策0',
    });
    // Six units or fewer are all quoted, and there is no table to refer to.
    const few = input({ indicators: [unmet], workReports: workReports.slice(0, 6) });
    expect(problemsText(few)).toContain('区委宣传部反映问题0甲，主要原因是原因0；区教育局反映问题1甲');
    expect(problemsText(few)).not.toContain('附表');
    expect(unitsAnnexRows(few)).toEqual([]);
  });
});
