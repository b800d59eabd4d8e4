// `tianping assess` under METHODOLOGY v2: the boundary cases give the same answers as the object API, bad input is a
// Chinese message naming its path with exit code 2 and no stack trace, and finalCategory appears when t = T.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { AssessInputError, readAssessInput, runAssess } from '../../src/cli/assess.ts';

const run = promisify(execFile);
const PLAN = { baseYear: 2020, targetYear: 2025 };
const yearly = (values: number[]) => values.map((value, i) => ({ year: 2020 + i, value }));

function issuesOf(text: string): string {
  try {
    runAssess(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AssessInputError);
    return (error as AssessInputError).issues.join('\n');
  }
  throw new Error('expected an AssessInputError');
}

describe('tianping assess: the v2 boundary cases', () => {
  it('gives the v2 answers with the exact inputs', () => {
    const out = JSON.parse(
      runAssess(
        JSON.stringify([
          {
            id: 'cs',
            rule: { kind: 'threshold', comparator: '<=', value: 8.5, direction: 'lower', ...PLAN },
            series: yearly([10, 9.7, 9.4]),
          },
          {
            id: 'apr',
            rule: { kind: 'threshold', comparator: '>=', value: 22.3, direction: 'higher', ...PLAN },
            series: yearly([12.3, 14.2]),
          },
          {
            id: 'floor',
            rule: { kind: 'threshold', comparator: '>=', value: 1, direction: 'higher', floor: 0.1, ...PLAN },
            series: yearly([0.2, 0.2, 0.3]),
          },
          {
            id: 'jump30',
            rule: {
              kind: 'threshold',
              comparator: '<=',
              value: 1,
              direction: 'lower',
              precision: 2,
              floor: 0.01,
              ...PLAN,
            },
            series: yearly([7.7, 7.7, 5.39]),
          },
          {
            id: 'band',
            rule: {
              kind: 'threshold',
              comparator: '>=',
              value: 1,
              direction: 'higher',
              precision: 2,
              floor: 0.01,
              ...PLAN,
            },
            series: yearly([3, 3, 3, 2.01]),
          },
          {
            id: 'gap',
            rule: { kind: 'relational', comparator: '>=', reference: '女党员比例', direction: 'higher', ...PLAN },
            series: [0.3, 0.4, 0.5, 0.6].map((value, i) => ({
              year: 2020 + i,
              value,
              reference: [0.1, 0.2, 0.3, 0.4][i],
            })),
          },
          {
            id: 'step',
            rule: { kind: 'annual_step', step: 1, direction: 'lower', ...PLAN },
            series: [{ year: 1990, value: 30 }, ...yearly([20, 19, 18.5, 17])],
          },
          { id: 'limit', rule: { kind: 'direction_only', direction: 'lower', ...PLAN }, series: yearly([0, 1, 0]) },
          {
            id: 'text',
            rule: { kind: 'relative_to_base', percent: 20, direction: 'higher', ...PLAN },
            series: yearly([6.2, 6.8, 7.4]),
          },
        ]),
      ),
    );
    expect(out.cs.schedule.behind).toBe(false);
    expect(out.apr.status).toBe('预计可达标');
    expect(out.floor.flags.map((f: { kind: string }) => f.kind)).toContain('jump');
    expect(out.jump30.flags.map((f: { kind: string }) => f.kind)).not.toContain('jump');
    expect(out.band.flags.map((f: { kind: string }) => f.kind)).not.toContain('band');
    expect(out.gap.status).toBe('已达标');
    expect(out.step.flags.map((f: { year: number }) => f.year)).toEqual([2022]);
    expect(out.limit.status).toBe('趋势向好');
    expect(out.text.statusReason).toContain('未达到目标≥7.44');
    expect('finalCategory' in out.cs).toBe(false);
  });

  it('adds finalCategory when t = T', () => {
    const out = JSON.parse(
      runAssess(
        JSON.stringify([
          {
            id: 'W1',
            rule: { kind: 'threshold', comparator: '>=', value: 70, direction: 'higher', ...PLAN },
            series: yearly([60, 62, 64, 66, 68, 69]),
          },
        ]),
      ),
    );
    expect(out.W1.status).toBe('未达标');
    expect(out.W1.finalCategory).toBe('基本实现');
  });
});

describe('tianping assess: bad input', () => {
  const base = {
    id: 'X',
    rule: { kind: 'threshold', comparator: '>=', value: 70, direction: 'higher', ...PLAN },
    series: yearly([60, 62]),
  };

  it('refuses the id __proto__ instead of dropping it', () => {
    expect(issuesOf(JSON.stringify([{ ...base, id: '__proto__' }]))).toContain(
      '[0].id：指标编号不能为保留字 __proto__',
    );
  });

  it('refuses limits [100, 0], count_per_body with direction lower, numerator > denominator', () => {
    expect(issuesOf(JSON.stringify([{ ...base, rule: { ...base.rule, limits: [100, 0] } }]))).toContain(
      '[0].rule.limits：自然界限的最小值（100）大于最大值（0）',
    );
    const perBody = { kind: 'count_per_body', value: 1, body: '村委会', direction: 'lower', ...PLAN };
    expect(issuesOf(JSON.stringify([{ ...base, rule: perBody }]))).toContain('[0].rule.direction：count_per_body');
    const share = {
      ...base,
      rule: { ...base.rule, factor: 100 },
      series: [{ year: 2020, value: null, numerator: 12, denominator: 10 }],
    };
    expect(issuesOf(JSON.stringify([share]))).toContain('[0].series[0].numerator：分子（12）大于分母（10）');
  });

  it('speaks Chinese where zod would speak English', () => {
    const issues = issuesOf(
      JSON.stringify([{ ...base, rule: { ...base.rule, precision: 9 }, series: [{ year: 1800, value: 1 }] }, 'x']),
    );
    expect(issues).toContain('[0].rule.precision：小数位数应为0—6的整数');
    expect(issues).toContain('[0].series[0].year：年份应在1900—2200之间');
    expect(issues).toContain('[1]：每个指标应为对象');
    expect(issues).not.toMatch(/[A-Z][a-z]+ [a-z]+:/); // no "Invalid input: …"
  });

  it('a missing input file is a Chinese message naming the path, exit code 2, no stack trace', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'assess-')), 'nope.json');
    expect(() => readAssessInput(missing)).toThrow(`--input ${missing}：文件不存在`);
    const failed = await run(process.execPath, ['bin/tianping.js', 'assess', '--input', missing]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`--input ${missing}：文件不存在`);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });

  it('an impossible setting through the binary: exit code 2 and the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-'));
    const file = join(dir, 'in.json');
    writeFileSync(file, JSON.stringify([{ ...base, rule: { ...base.rule, limits: [100, 0] } }]));
    const failed = await run(process.execPath, ['bin/tianping.js', 'assess', '--input', file]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('[0].rule.limits：');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
