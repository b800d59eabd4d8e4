// The responsibility rules on a small catalog (src/core/responsibility.ts), without the bundled folder: item codes,
// every refusal of the file's shape in Chinese, the assignment rules, what is handed on and what is left out.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/index.ts';
import {
  catalogItems,
  checkAssignment,
  type DefaultAssignment,
  ITEM_KIND_LABELS,
  measureCode,
  parseItemCode,
  splitUnitNames,
  unassignedItems,
  validateResponsibility,
} from '../../src/core/responsibility.ts';

const CATALOG = {
  plans: [
    {
      domains: [
        { code: 'W1', measures: [{ number: 1 }, { number: 2 }], indicators: [{ code: 'W1-01' }, { code: 'W1-02' }] },
      ],
    },
    { domains: [{ code: 'C10', measures: [{ number: 10 }], indicators: [{ code: 'C10-01' }] }] },
  ],
} as unknown as Catalog;

const validate = (data: unknown) => {
  const r = validateResponsibility(data, CATALOG, ['wjw', 'fl', 'jyj']);
  return r.ok ? r.assignments : r.problems.map((p) => `${p.path}：${p.message}`);
};

describe('item codes', () => {
  it('tell a measure (W1-M4) from an indicator (W1-01), and refuse anything else', () => {
    expect(measureCode('W1', 4)).toBe('W1-M4');
    expect(parseItemCode('W1-M4')).toEqual({ kind: 'measure', domainCode: 'W1', number: 4 });
    expect(parseItemCode('W12-M10')).toEqual({ kind: 'measure', domainCode: 'W12', number: 10 });
    expect(parseItemCode('W1-01')).toEqual({ kind: 'indicator', code: 'W1-01' });
    expect(parseItemCode('W12-123')).toEqual({ kind: 'indicator', code: 'W12-123' });
    for (const wrong of ['W1-M0', 'xW1-M4', 'W1-M4x', 'W1-1', 'xW1-01', 'W1-01x', 'w1-01']) {
      expect(parseItemCode(wrong), wrong).toBeUndefined();
    }
    expect(ITEM_KIND_LABELS).toEqual({ indicator: '监测指标', measure: '策略措施' });
  });

  it('list every measure and indicator of the catalog, with its domain', () => {
    expect([...catalogItems(CATALOG)]).toStrictEqual([
      ['W1-M1', { kind: 'measure', domainCode: 'W1', number: 1 }],
      ['W1-M2', { kind: 'measure', domainCode: 'W1', number: 2 }],
      ['W1-01', { kind: 'indicator', domainCode: 'W1' }],
      ['W1-02', { kind: 'indicator', domainCode: 'W1' }],
      ['C10-M10', { kind: 'measure', domainCode: 'C10', number: 10 }],
      ['C10-01', { kind: 'indicator', domainCode: 'C10' }],
    ]);
  });
});

describe('responsibility.yaml', () => {
  it('refuses a wrong shape in Chinese, naming where', () => {
    expect(validate(null)).toEqual(['：文件应包含 assignments']);
    expect(validate({ assignments: {}, extra: 1 })).toEqual([
      '：不认识的字段 extra：文件只写 assignments（编号: 分工）',
    ]);
    for (const assignments of [undefined, [], 'W1-01']) {
      expect(validate({ assignments })).toEqual(['assignments：assignments 应为“编号: 分工”的映射']);
    }
    expect(validate({ assignments: { 'W1-01': 'wjw' } })).toEqual([
      'assignments.W1-01：应写成 { lead: 单位代码, partners: [单位代码, …] }',
    ]);
    expect(validate({ assignments: { 'W1-01': { lead: 1, partners: [] } } })).toEqual([
      'assignments.W1-01.lead：应为单位代码（如 wjw）',
    ]);
    expect(validate({ assignments: { 'W1-01': { lead: 'a b', partners: ['x'.repeat(33), 'fl'] } } })).toEqual([
      'assignments.W1-01.lead：单位代码格式不正确',
      'assignments.W1-01.partners.0：单位代码格式不正确',
    ]);
    expect(validate({ assignments: { 'W1-01': { lead: 'wjw', partners: 'fl' } } })).toEqual([
      'assignments.W1-01.partners：配合单位应写成列表，如 [fl, ybj]；没有则写 []',
    ]);
  });

  it('hands on the assignments with the item’s kind and domain, a number for measures only', () => {
    expect(
      validate({
        assignments: { 'W1-M2': { lead: 'wjw', partners: ['fl'] }, 'C10-01': { lead: 'jyj', partners: [] } },
      }),
    ).toStrictEqual([
      { kind: 'measure', code: 'W1-M2', domainCode: 'W1', number: 2, lead: 'wjw', partners: ['fl'] },
      { kind: 'indicator', code: 'C10-01', domainCode: 'C10', lead: 'jyj', partners: [] },
    ]);
  });

  it('hands on nothing when one unit is unknown', () => {
    expect(
      validate({
        assignments: { 'W1-01': { lead: 'wjw', partners: [] }, 'W1-02': { lead: 'jyj', partners: ['mzj'] } },
      }),
    ).toEqual(['assignments.W1-02.partners.0：单位代码 mzj 不在 organisation.yaml 的单位名单中']);
  });

  it('lists the items left without a lead, in catalog order', () => {
    const assigned = [{ code: 'W1-M2' }, { code: 'C10-01' }] as DefaultAssignment[];
    expect(unassignedItems(CATALOG, assigned)).toEqual(['W1-M1', 'W1-01', 'W1-02', 'C10-M10']);
    expect(unassignedItems(CATALOG, [])).toHaveLength(6);
  });
});

describe('the assignment rules', () => {
  it('ask for a lead, refuse a partner twice and the lead as a partner, naming the units', () => {
    expect(checkAssignment('', ['fl'])).toEqual(['缺少牵头单位']);
    expect(checkAssignment(undefined, [])).toEqual(['缺少牵头单位']);
    expect(checkAssignment(0, [0])).toEqual(['“0”已是牵头单位，不能同时作为配合单位']);
    expect(checkAssignment('wjw', ['fl', 'wjw', 'fl'], (u) => `区${u}`)).toEqual([
      '配合单位“区fl”重复',
      '“区wjw”已是牵头单位，不能同时作为配合单位',
    ]);
  });

  it('split a cell of unit names at any separator people type', () => {
    expect(
      splitUnitNames(
        '区妇联、区民政局，区教育局,区残联；区文旅局;区体育局／区科技局/区农业农村委\n\r\t区卫健委、、 、 ',
      ),
    ).toEqual([
      '区妇联',
      '区民政局',
      '区教育局',
      '区残联',
      '区文旅局',
      '区体育局',
      '区科技局',
      '区农业农村委',
      '区卫健委',
    ]);
  });
});
