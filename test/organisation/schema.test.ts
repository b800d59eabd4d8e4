// organisation.yaml's checks (src/core/organisation.ts) and the site's names taken from the folder
// (src/core/site.ts): a duplicate unit or area code, a group led by a unit not in the list, and the short region.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import { type Organisation, OrganisationSchema } from '../../src/core/organisation.ts';
import { DEFAULT_SYSTEM_NAME, localRegion, siteOf } from '../../src/core/site.ts';

const ORG: Organisation = {
  committee: { name: '示范区妇女儿童工作委员会', shortName: '区妇儿工委' },
  office: { code: 'office', name: '区妇儿工委办公室' },
  monitoringAndEvaluation: {
    leadingGroup: '监测评估领导小组',
    monitoringGroup: { name: '监测组', leadUnit: 'tjj' },
    evaluationGroup: { name: '评估组', leadUnit: 'office' },
  },
  units: [
    { code: 'tjj', name: '区统计局' },
    { code: 'wjw', name: '区卫生健康委' },
  ],
  areas: [
    { code: 'a1', name: '甲街道', kind: 'street' },
    { code: 'a2', name: '乙镇', kind: 'town' },
  ],
};

const problems = (org: unknown) => {
  const r = OrganisationSchema.safeParse(org);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('organisation.yaml', () => {
  it('accepts the office leading a group', () => {
    expect(problems(ORG)).toEqual([]);
  });

  it('points at a repeated unit code (the office’s too), a lead unit not in the list and a repeated area code', () => {
    const org = {
      ...ORG,
      units: [...ORG.units, { code: 'tjj', name: '统计局' }, { code: 'office', name: '办公室' }],
      areas: [...ORG.areas, { code: 'a1', name: '丙镇', kind: 'town' }],
      monitoringAndEvaluation: {
        ...ORG.monitoringAndEvaluation,
        monitoringGroup: { name: '监测组', leadUnit: 'tjjj' },
        evaluationGroup: { name: '评估组', leadUnit: 'pgz' },
      },
    };
    expect(problems(org)).toEqual([
      'units.2.code: 单位代码 tjj 重复',
      'units.3.code: 单位代码 office 重复',
      'monitoringAndEvaluation.monitoringGroup.leadUnit: 牵头单位 tjjj 不在单位名单中',
      'monitoringAndEvaluation.evaluationGroup.leadUnit: 牵头单位 pgz 不在单位名单中',
      'areas.2.code: 镇街代码 a1 重复',
    ]);
  });

  it('takes codes of up to 32 letters, digits, _ and -', () => {
    const units = [
      { code: 'tjj', name: '区统计局' },
      { code: 'A_9-z', name: '甲' },
      { code: 'a b', name: '乙' },
      { code: 'x'.repeat(33), name: '丙' },
      { code: 'y'.repeat(32), name: '丁' },
    ];
    expect(problems({ ...ORG, units })).toEqual([
      'units.2.code: 代码只能包含字母、数字、下划线和连字符',
      'units.3.code: 代码只能包含字母、数字、下划线和连字符',
    ]);
  });
});

describe('the site’s names', () => {
  it('shortens the region to the district, county or banner itself', () => {
    expect(
      ['天津市示范区', '示范区', '河北省某某县', '某省某市', '天津市滨海新区', '北京市', '某市某路'].map(localRegion),
    ).toEqual(['示范区', '示范区', '某某县', '某市', '滨海新区', '北京市', '某市某路']);
  });

  it('names the system after the district unless a setting names it, and lists each issuer once', () => {
    const catalog = (region: string, plans: { title: string; issuer: string }[]) =>
      ({ folder: { region }, plans }) as unknown as Catalog;
    const both = [
      { title: '示范区妇女发展规划', issuer: '示范区人民政府' },
      { title: '示范区儿童发展规划', issuer: '示范区人民政府' },
    ];
    expect(siteOf(catalog('天津市示范区', both), ORG)).toEqual({
      systemName: `示范区${DEFAULT_SYSTEM_NAME}`,
      region: '天津市示范区',
      regionShort: '示范区',
      committee: '示范区妇女儿童工作委员会',
      office: '区妇儿工委办公室',
      planTitles: ['示范区妇女发展规划', '示范区儿童发展规划'],
      issuers: ['示范区人民政府'],
    });
    expect(siteOf(catalog('示范区', both), ORG, '  示范区妇儿监测  ').systemName).toBe('示范区妇儿监测');
    expect(siteOf(catalog('示范区', both), ORG, '  ').systemName).toBe('示范区妇女儿童发展规划监测评估系统');
  });
});
