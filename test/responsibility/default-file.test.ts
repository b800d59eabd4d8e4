import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  catalogItems,
  checkAssignment,
  splitUnitNames,
  unassignedItems,
  validateResponsibility,
} from '../../src/core/responsibility.ts';
import { defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';
import { loadOrganisation } from '../../src/features/organisation/load.ts';
import { loadResponsibility, ResponsibilityFileError } from '../../src/features/responsibility/load.ts';

describe('the shipped responsibility.yaml', () => {
  it('validates and gives every indicator and every measure of both plans a lead', async () => {
    const catalog = await loadPlanFolder(defaultPlanDir());
    const assignments = await loadResponsibility(defaultPlanDir(), { catalog });
    expect(assignments).not.toBeNull();
    expect(unassignedItems(catalog, assignments ?? [])).toEqual([]);
    const items = catalogItems(catalog);
    expect(items.size).toBe(85 + 75 + 73 + 55); // measures + indicators of both plans (docs/catalog.md)
    expect(assignments).toHaveLength(items.size);
    const units = new Set(loadOrganisation(defaultPlanDir()).units.map((u) => u.code));
    for (const a of assignments ?? []) {
      expect(units.has(a.lead), a.code).toBe(true);
      expect(a.partners, a.code).not.toContain(a.lead);
    }
  });

  it('follows the functions of the units (spot checks a reviewer would make)', async () => {
    const byCode = new Map((await loadResponsibility(defaultPlanDir()))?.map((a) => [a.code, a]));
    expect(byCode.get('W1-03')?.lead).toBe('wjw'); // 孕产妇死亡率
    expect(byCode.get('W2-01')?.lead).toBe('jyj'); // 九年制义务教育巩固率
    expect(byCode.get('W5-01')?.lead).toBe('rsj'); // 妇女失业保险参保率
    expect(byCode.get('W5-M3')?.lead).toBe('ybj'); // 巩固妇女医疗保障水平
    expect(byCode.get('W4-03')?.lead).toBe('zzb'); // 人大代表中的女性比例
    expect(byCode.get('C4-05')?.lead).toBe('mzj'); // 孤儿基本生活保障水平
    expect(byCode.get('C2-03')?.lead).toBe('scjgj'); // 儿童食品评价性抽检合格率
    expect(byCode.get('C4-M7')?.lead).toBe('cl'); // 残疾儿童康复
    expect(byCode.get('W6-M9')?.lead).toBe('fl'); // 家庭教育
  });
});

describe('validateResponsibility', () => {
  it('names the file path of every problem, in Chinese', async () => {
    const catalog = await loadPlanFolder(defaultPlanDir());
    const result = validateResponsibility(
      {
        assignments: {
          'W1-01': { lead: 'wjw', partners: ['wjw', 'fl', 'fl'] },
          'W1-99': { lead: 'wjw', partners: [] },
          'W1-M99': { lead: 'wjw', partners: [] },
          XYZ: { lead: 'wjw', partners: [] },
          'W1-02': { lead: 'nobody', partners: ['ghost'] },
          'W1-03': { lead: 'wjw' },
          'W1-04': { lead: 'wjw', partners: [], extra: 1 },
        },
      },
      catalog,
      ['wjw', 'fl'],
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}：${p.message}`);
    expect(problems).toEqual([
      'assignments.W1-03.partners：配合单位应写成列表，如 [fl, ybj]；没有则写 []',
      'assignments.W1-04：不认识的字段 extra：每条只写 lead（牵头单位）和 partners（配合单位）',
    ]);
  });

  it('checks codes, units and the assignment rules once the shape is right', async () => {
    const catalog = await loadPlanFolder(defaultPlanDir());
    const result = validateResponsibility(
      {
        assignments: {
          'W1-01': { lead: 'wjw', partners: ['wjw', 'fl', 'fl'] },
          'W1-99': { lead: 'wjw', partners: [] },
          'W1-M99': { lead: 'wjw', partners: [] },
          XYZ: { lead: 'wjw', partners: [] },
          'W1-02': { lead: 'nobody', partners: ['ghost'] },
        },
      },
      catalog,
      ['wjw', 'fl'],
    );
    const problems = result.ok ? [] : result.problems.map((p) => `${p.path}：${p.message}`);
    expect(problems).toEqual([
      'assignments.W1-01.partners：配合单位“fl”重复',
      'assignments.W1-01.partners：“wjw”已是牵头单位，不能同时作为配合单位',
      'assignments.W1-99：规划中没有监测指标 W1-99，请核对编号或删去这一行',
      'assignments.W1-M99：规划中没有策略措施 W1-M99，请核对编号或删去这一行',
      'assignments.XYZ：编号“XYZ”格式不正确：策略措施写作 W1-M4，监测指标写作 W1-01',
      'assignments.W1-02.lead：单位代码 nobody 不在 organisation.yaml 的单位名单中',
      'assignments.W1-02.partners.0：单位代码 ghost 不在 organisation.yaml 的单位名单中',
    ]);
  });

  it('loader reports file, line and path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-resp-'));
    for (const f of fs.readdirSync(defaultPlanDir()))
      fs.copyFileSync(path.join(defaultPlanDir(), f), path.join(dir, f));
    const file = path.join(dir, 'responsibility.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    doc.assignments['W1-05'].lead = 'wjwx';
    fs.writeFileSync(file, YAML.stringify(doc));
    const error = await loadResponsibility(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponsibilityFileError);
    expect((error as Error).message).toMatch(/responsibility\.yaml 第 \d+ 行 assignments\.W1-05\.lead：单位代码 wjwx/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checkAssignment and splitUnitNames', () => {
    expect(checkAssignment(null, [])).toEqual(['缺少牵头单位']);
    expect(checkAssignment(1, [2, 3])).toEqual([]);
    expect(splitUnitNames('区妇联、区民政局，区教育局\n区残联 ')).toEqual(['区妇联', '区民政局', '区教育局', '区残联']);
  });
});
