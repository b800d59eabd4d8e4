// A plan document the drafter reads with less to go on than the bundled ones (src/core/catalog/draft.ts): no
// notice and no date (said in the warnings), a cycle from the title's years or given, a county's committee, two
// plans of the same kind, and the errors that say what is missing.
import { describe, expect, it } from 'vitest';
import { DraftError, draftPlanFolder, organisationSkeleton, sameRule } from '../../src/core/catalog/draft.ts';

/** A plan of one domain with one goal and one measure. */
const plan = (title: string) =>
  [
    title,
    '一、总体目标',
    '妇女健康水平持续提高。',
    '二、发展领域',
    '（一）妇女与健康',
    '主要目标：',
    '1．孕产妇死亡率控制在7.5/10万以下。',
    '策略措施：',
    '1．保障孕产妇安全分娩。孕产妇系统管理率保持在95%以上。',
  ].join('\n');

describe('a plan text without its notice', () => {
  // Drafted in each test, not when the file is collected: the mutation run switches its mutants on per test.
  const drafted = () => draftPlanFolder(plan('某县妇女发展规划（2026—2030年）'));

  it('takes the cycle from the title’s years and the issuer from the region, and says what to check', () => {
    const draft = drafted();
    expect(draft.folder).toEqual({
      id: 'draft-2026-2030',
      name: '某县妇女发展规划（2026—2030年）',
      region: '某县',
      cycle: { start: 2026, end: 2030, baseYear: 2025 },
      plans: ['women.yaml'],
    });
    const { domains, ...meta } = draft.plans[0]!.plan;
    expect(meta).toEqual({
      id: 'draft-women-2026-2030',
      title: '某县妇女发展规划（2026—2030年）',
      shortTitle: '妇女发展规划',
      issuer: '某县人民政府',
      issuedOn: '2026-01-01',
      cycle: { start: 2026, end: 2030 },
      baseYear: 2025,
      sections: [{ title: '总体目标', text: '妇女健康水平持续提高。' }],
    });
    expect(domains.map((d) => [d.code, d.name, d.goals.length, d.measures[0]?.title])).toEqual([
      ['W1', '妇女与健康', 1, '保障孕产妇安全分娩'],
    ]);
    expect(draft.warnings).toEqual([
      '没有找到印发通知（“……关于印发……的通知”），发文机关暂写“某县人民政府”，请核对。',
      '没有找到印发日期（如“2022年7月15日”一行），印发日期暂写 2026-01-01，请改正。',
      'organisation.yaml 只有办公室和统计局两个单位、没有镇街：请补全成员单位和镇街（系统管理中也可维护）。',
    ]);
  });

  it('proposes the goal’s and the measure’s targets', () => {
    const draft = drafted();
    expect(draft.candidates.map((c) => [c.code, c.name, c.rule, c.source])).toEqual([
      ['W1-01', '孕产妇死亡率', { kind: 'threshold', comparator: '<=', value: 7.5 }, { kind: 'goal', number: 1 }],
      ['W1-02', '孕产妇系统管理率', { kind: 'maintain', comparator: '>=', value: 95 }, { kind: 'measure', number: 1 }],
    ]);
  });

  it('names a county’s committee, office and statistics bureau', () => {
    const draft = drafted();
    expect(draft.organisation).toMatchObject({
      committee: { name: '某县妇女儿童工作委员会', shortName: '县妇儿工委' },
      office: { code: 'office', name: '县妇儿工委办公室' },
      units: [{ code: 'tjj', name: '县统计局' }],
    });
    expect(organisationSkeleton('天津市示范区')).toEqual({
      committee: { name: '示范区妇女儿童工作委员会', shortName: '区妇儿工委' },
      office: { code: 'office', name: '区妇儿工委办公室' },
      monitoringAndEvaluation: {
        leadingGroup: '监测评估领导小组',
        monitoringGroup: { name: '监测组', leadUnit: 'tjj' },
        evaluationGroup: { name: '评估组', leadUnit: 'office' },
      },
      units: [{ code: 'tjj', name: '区统计局' }],
      areas: [],
    });
    expect(organisationSkeleton('某旗').office.name).toBe('旗妇儿工委办公室');
    expect(organisationSkeleton('示范新城').committee.shortName).toBe('区妇儿工委');
  });
});

describe('a notice with several plans', () => {
  it('dates and names them from the notice, and numbers the files of two plans of one kind', () => {
    const text = [
      '河北省某县人民政府关于印发妇女发展规划的通知',
      '2026年7月1日',
      plan('河北省某县妇女发展规划（2026至2030年）'),
      plan('河北省某县妇女发展规划（2026-2030）'),
    ].join('\n');
    const draft = draftPlanFolder(text, { id: 'MouXian' });
    expect(draft.folder).toMatchObject({ id: 'mouxian-2026-2030', name: '妇女发展规划', region: '河北省某县' });
    expect(draft.plans.map((p) => [p.file, p.plan.issuer, p.plan.issuedOn])).toEqual([
      ['women.yaml', '河北省某县人民政府', '2026-07-01'],
      ['women-2.yaml', '河北省某县人民政府', '2026-07-01'],
    ]);
    expect(draft.folder.plans).toEqual(['women.yaml', 'women-2.yaml']);
    expect(draft.warnings).toHaveLength(1);
  });

  it('takes a cycle given when the title has none, and says so when neither has it', () => {
    expect(draftPlanFolder(plan('某区妇女发展规划'), { cycle: { start: 2031, end: 2035 } }).folder).toMatchObject({
      id: 'draft-2031-2035',
      cycle: { start: 2031, end: 2035, baseYear: 2030 },
    });
    expect(() => draftPlanFolder(plan('某区妇女发展规划'))).toThrow(
      new DraftError('无法从标题“某区妇女发展规划”判断规划周期：请指定周期（如 2026-2030）。'),
    );
    expect(() => draftPlanFolder('某区妇女发展“十五五”规划\n一、总体目标\n目标。')).toThrow(
      '“某区妇女发展“十五五”规划”中没有找到发展领域：领域下应有“主要目标：”和“策略措施：”两行，其后是编号条目。',
    );
  });
});

describe('the same rule', () => {
  it('compares the kind and the numbers or wording', () => {
    const le1 = { kind: 'threshold', comparator: '<=', value: 1 } as const;
    expect(sameRule(le1, { ...le1 })).toBe(true);
    expect(sameRule(le1, { ...le1, kind: 'maintain' })).toBe(false);
    expect(sameRule(le1, { ...le1, comparator: '<' })).toBe(false);
    expect(sameRule(le1, { ...le1, value: 2 })).toBe(false);
    const fall = { kind: 'relative_to_base', percent: 5, baseYear: 2020 } as const;
    expect(sameRule(fall, { kind: 'relative_to_base', percent: 5 })).toBe(true);
    expect(sameRule(fall, { ...fall, baseYear: 2019 })).toBe(false);
    expect(sameRule(fall, { ...fall, percent: 6 })).toBe(false);
    expect(sameRule({ kind: 'annual_step', step: 1 }, { kind: 'annual_step', step: 1 })).toBe(true);
    expect(sameRule({ kind: 'annual_step', step: 1 }, { kind: 'annual_step', step: 2 })).toBe(false);
    const ref = { kind: 'relational', comparator: '>=', reference: '全市平均' } as const;
    expect(sameRule(ref, { ...ref, reference: 'W4-01' })).toBe(true);
    expect(sameRule(ref, { ...ref, comparator: '>' })).toBe(false);
    const body = { kind: 'count_per_body', value: 1, body: '街道' } as const;
    expect(sameRule(body, { ...body, body: '镇' })).toBe(true);
    expect(sameRule(body, { ...body, value: 2 })).toBe(false);
    const up = { kind: 'direction_only', wording: '提高' } as const;
    expect(sameRule(up, { ...up })).toBe(true);
    expect(sameRule(up, { ...up, wording: '逐步提高' })).toBe(false);
  });
});
