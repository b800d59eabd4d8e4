// The candidate indicators the drafter proposes from a domain's goals and measures (candidatesOf,
// src/core/catalog/draft.ts), one wording at a time: a base-year target, an annual step, a relational target, a
// direction, a count per body, a list given 分别, 保持, 全覆盖, and what is no target at all.
import { describe, expect, it } from 'vitest';
import { candidatesOf } from '../../src/core/catalog/draft.ts';
import type { Domain } from '../../src/core/catalog/index.ts';

/** Each candidate as "code 名称 unit better rule source:number quote precision limits". */
function propose(goals: string[], measures: string[] = []): string[] {
  const domain = {
    code: 'W1',
    name: '妇女与健康',
    goals: goals.map((text, i) => ({ number: i + 1, text })),
    measures: measures.map((text, i) => ({ number: i + 1, title: text, text })),
    indicators: [],
  } as Domain;
  return candidatesOf(domain).map(
    (c) =>
      `${c.code} ${c.name} ${c.unit} ${c.better} ${JSON.stringify(c.rule)} ${c.source.kind}:${c.source.number} ${c.quote} ${c.precision} ${JSON.stringify(c.limits)}`,
  );
}

describe('candidate indicators', () => {
  it('read a target against the base year and a yearly step', () => {
    expect(
      propose(['儿童意外伤害死亡率以2020年数据为基数下降20%。', '孕产妇系统管理率以2020年为基数提高5%。']),
    ).toEqual([
      'W1-01 儿童意外伤害死亡率 % lower {"kind":"relative_to_base","percent":20,"baseYear":2020} goal:1 儿童意外伤害死亡率以2020年数据为基数下降20% 1 [0,100]',
      'W1-02 孕产妇系统管理率 % higher {"kind":"relative_to_base","percent":5,"baseYear":2020} goal:2 孕产妇系统管理率以2020年为基数提高5% 1 [0,100]',
    ]);
    expect(propose(['女性失业人数在上一年度基础上每年降低1个百分点。', '参保率每年提高0.5个百分点。'])).toEqual([
      'W1-01 女性失业人数 % lower {"kind":"annual_step","step":1} goal:1 女性失业人数在上一年度基础上每年降低1个百分点 1 [0,100]',
      'W1-02 参保率 % higher {"kind":"annual_step","step":0.5} goal:2 参保率每年提高0.5个百分点 1 [0,100]',
    ]);
  });

  it('read a target relative to another quantity, with its comparator', () => {
    expect(
      propose([
        '女干部比例与女性人口比例相适应。',
        '女性比例与男性比例。',
        '城乡差距低于全市平均水平。',
        '工资高于全市平均水平。',
        '费用不超过全国平均水平。',
      ]),
    ).toEqual([
      'W1-01 女干部比例 % higher {"kind":"relational","comparator":">=","reference":"女性人口比例"} goal:1 女干部比例与女性人口比例相适应 1 [0,100]',
      'W1-02 城乡差距 百分点 lower {"kind":"relational","comparator":"<","reference":"全市平均水平"} goal:3 城乡差距低于全市平均水平 1 [0,null]',
      'W1-03 工资 % higher {"kind":"relational","comparator":">","reference":"全市平均水平"} goal:4 工资高于全市平均水平 1 [0,100]',
      'W1-04 费用 % lower {"kind":"relational","comparator":"<=","reference":"全国平均水平"} goal:5 费用不超过全国平均水平 1 [0,100]',
    ]);
  });

  it('read a direction of a measurable goal, never of a measure', () => {
    expect(
      propose(
        [
          '妇女人均预期寿命延长。',
          '孕产妇死亡率逐步降低。',
          '提高妇女平均受教育年限。',
          '儿童近视率上升趋势得到有效控制。',
          '预防和减少儿童意外伤害。',
          '并逐步提高任正职的女干部比例。',
        ],
        ['提高妇女健康水平。'],
      ),
    ).toEqual([
      'W1-01 妇女人均预期寿命 岁 higher {"kind":"direction_only","wording":"延长"} goal:1 妇女人均预期寿命延长 1 [0,null]',
      'W1-02 孕产妇死亡率 % lower {"kind":"direction_only","wording":"逐步降低"} goal:2 孕产妇死亡率逐步降低 1 [0,100]',
      'W1-03 妇女平均受教育年限 年 higher {"kind":"direction_only","wording":"提高"} goal:3 提高妇女平均受教育年限 1 [0,null]',
      'W1-04 儿童近视率 % lower {"kind":"direction_only","wording":"上升趋势得到有效控制"} goal:4 儿童近视率上升趋势得到有效控制 1 [0,100]',
      'W1-05 任正职的女干部比例 % higher {"kind":"direction_only","wording":"逐步提高"} goal:6 逐步提高任正职的女干部比例 1 [0,100]',
    ]);
  });

  it('read a count per body, and a bare direction after it as the share of those bodies', () => {
    expect(
      propose([
        '每所中小学至少配备1名心理健康教师。',
        '各街道至少各配备1名女干部，并逐步提高。',
        '家长每年参加2次以上家庭教育指导服务，2次以上家庭教育实践活动。',
      ]),
    ).toEqual([
      'W1-01 达到要求的中小学比例 % higher {"kind":"count_per_body","value":1,"body":"中小学","countUnit":"名"} goal:1 每所中小学至少配备1名心理健康教师 1 [0,100]',
      'W1-02 达到要求的各街道比例 % higher {"kind":"count_per_body","value":1,"body":"各街道","countUnit":"名"} goal:2 各街道至少各配备1名女干部 1 [0,100]',
      'W1-03 各街道中的比例 % higher {"kind":"direction_only","wording":"逐步提高"} goal:2 各街道至少各配备1名女干部，并逐步提高 1 [0,100]',
      'W1-04 达到要求的家长比例 % higher {"kind":"count_per_body","value":2,"body":"家长","countUnit":"次"} goal:3 家长每年参加2次以上家庭教育指导服务 1 [0,100]',
      'W1-05 达到要求的家长比例 % higher {"kind":"count_per_body","value":2,"body":"家长","countUnit":"次"} goal:3 2次以上家庭教育实践活动 1 [0,100]',
    ]);
  });

  it('read thresholds, 保持 and lists, with the unit of the number or of the name, and ‰ at two decimals', () => {
    expect(
      propose([
        '生命早期1000天。',
        '实施25项政府惠民项目。',
        '孕产妇死亡率控制在8.5/10万以下，婴儿死亡率控制在3‰以下。',
        '新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下。',
        '3岁以下婴幼儿系统管理率达到90%以上。',
        '产前筛查率保持在95%以上。',
        '平均受教育年限达到11.5年。',
        '培训场所数量达到100个。',
      ]),
    ).toEqual([
      'W1-01 政府惠民项目数 项 higher {"kind":"threshold","comparator":">=","value":25} goal:2 实施25项政府惠民项目 1 [0,null]',
      'W1-02 孕产妇死亡率 /10万 lower {"kind":"threshold","comparator":"<=","value":8.5} goal:3 孕产妇死亡率控制在8.5/10万以下 1 [0,null]',
      'W1-03 婴儿死亡率 ‰ lower {"kind":"threshold","comparator":"<=","value":3} goal:3 婴儿死亡率控制在3‰以下 2 [0,null]',
      'W1-04 新生儿死亡率 ‰ lower {"kind":"threshold","comparator":"<=","value":3} goal:4 新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下 2 [0,null]',
      'W1-05 婴儿死亡率 ‰ lower {"kind":"threshold","comparator":"<=","value":5} goal:4 新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下 2 [0,null]',
      'W1-06 5岁以下儿童死亡率 ‰ lower {"kind":"threshold","comparator":"<=","value":6} goal:4 新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、5.0‰和6.0‰以下 2 [0,null]',
      'W1-07 3岁以下婴幼儿系统管理率 % higher {"kind":"threshold","comparator":">=","value":90} goal:5 3岁以下婴幼儿系统管理率达到90%以上 1 [0,100]',
      'W1-08 产前筛查率 % higher {"kind":"maintain","comparator":">=","value":95} goal:6 产前筛查率保持在95%以上 1 [0,100]',
      'W1-09 平均受教育年限 年 higher {"kind":"threshold","comparator":">=","value":11.5} goal:7 平均受教育年限达到11.5年 1 [0,null]',
      'W1-10 培训场所数量 个 higher {"kind":"threshold","comparator":">=","value":100} goal:8 培训场所数量达到100个 1 [0,null]',
    ]);
  });

  it('read 全覆盖 as 100 % of a coverage rate', () => {
    expect(propose(['实现城乡社区儿童之家全覆盖。'], ['推动农村卫生厕所全覆盖。'])).toEqual([
      'W1-01 城乡社区儿童之家覆盖率 % higher {"kind":"threshold","comparator":">=","value":100} goal:1 实现城乡社区儿童之家全覆盖 1 [0,100]',
      'W1-02 农村卫生厕所覆盖率 % higher {"kind":"threshold","comparator":">=","value":100} measure:1 推动农村卫生厕所全覆盖 1 [0,100]',
    ]);
  });
});
