// `tianping catalog`, run as a user runs it: a separate process, reading the plan folder and nothing else.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { CatalogJson } from '../../src/core/catalog/index.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';

const run = promisify(execFile);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-cli-catalog-'));
// A data folder that must stay untouched: the command never opens the database.
const dataDir = path.join(scratch, 'data');

function tianping(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [path.join(REPO_ROOT, 'bin/tianping.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, TIANPING_DATA_DIR: dataDir, TIANPING_PLAN_DIR: '', DATABASE_URL: '', ...env },
    maxBuffer: 32 * 1024 * 1024,
  });
}

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('tianping catalog', () => {
  it('prints the bundled catalog as JSON (--json) without opening the database', async () => {
    const { stdout } = await tianping(['catalog', '--json']);
    const json = JSON.parse(stdout) as CatalogJson;
    expect(json.plans.map((p) => p.id)).toEqual(['wuqing-women-2021-2025', 'wuqing-children-2021-2025']);
    for (const plan of json.plans) {
      expect(plan.title).toMatch(/^天津市武清区.+“十四五”规划$/);
      expect(plan.domains.length).toBeGreaterThan(0);
      for (const domain of plan.domains) {
        expect(domain.name).toEqual(expect.any(String));
        expect(domain.goals.length).toBeGreaterThan(0);
        domain.goals.forEach((g, k) => {
          expect(g.number).toBe(k + 1);
          expect(g.text.length).toBeGreaterThan(0);
        });
      }
    }
    expect(json.plans.map((p) => p.domains.reduce((n, d) => n + d.goals.length, 0))).toEqual([82, 72]);
    expect(json.indicators).toHaveLength(128);
    const planIds = new Set(json.plans.map((p) => p.id));
    for (const i of json.indicators) {
      expect(i.code).toMatch(/^[WC]\d-\d\d$/);
      expect(planIds.has(i.plan)).toBe(true);
      const domain = json.plans.find((p) => p.id === i.plan)!.domains.find((d) => d.name === i.domain);
      expect(domain, `${i.code} domain ${i.domain}`).toBeDefined();
      expect(['goal', 'measure']).toContain(i.source.kind);
      const item = (i.source.kind === 'goal' ? domain!.goals : domain!.measures).find(
        (x) => x.number === i.source.number,
      );
      expect(item?.text, i.code).toContain(i.quote);
      expect(i.rule.kind).toEqual(expect.any(String));
    }
    expect(json.indicators.find((i) => i.code === 'W1-03')).toMatchObject({
      plan: 'wuqing-women-2021-2025',
      domain: '妇女与健康',
      name: '孕产妇死亡率',
      source: { kind: 'goal', number: 2 },
      rule: { kind: 'threshold', comparator: '<=', value: 8.5 },
      quote: '孕产妇死亡率控制在8.5/10万以下',
    });
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('prints a Chinese summary per plan without --json', async () => {
    const { stdout } = await tianping(['catalog']);
    expect(stdout).toContain('规划目录：武清区妇女儿童发展“十四五”规划');
    expect(stdout).toMatch(/主要目标\s+策略措施\s+监测指标/);
    expect(stdout).toMatch(/妇女发展规划\s+8\s+82\s+85\s+73\s+39\s+34/);
    expect(stdout).toMatch(/儿童发展规划\s+7\s+72\s+75\s+55\s+45\s+10/);
    expect(stdout).toMatch(/合计\s+15\s+154\s+160\s+128/);
  });

  it('reads the folder named by TIANPING_PLAN_DIR, and fails with the problems listed for a bad one', async () => {
    const demo = await tianping(['catalog', '--json'], { TIANPING_PLAN_DIR: 'test/fixtures/plans/demo-2026-2030' });
    expect((JSON.parse(demo.stdout) as CatalogJson).plans).toHaveLength(1);
    const missing = path.join(scratch, 'no-such-folder');
    const failed = await tianping(['catalog'], { TIANPING_PLAN_DIR: missing }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('找不到文件');
  });
});
