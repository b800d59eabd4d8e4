import { describe, expect, it } from 'vitest';
import { AssessInputError, runAssess } from '../../src/cli/assess.ts';

const example1 = {
  id: 'W1',
  rule: { kind: 'threshold', comparator: '<=', value: 8.5, direction: 'lower', baseYear: 2020, targetYear: 2025 },
  series: [
    { year: 2020, value: 10.0 },
    { year: 2021, value: 9.8 },
    { year: 2022, value: 9.5 },
    { year: 2023, value: 9.2 },
  ],
};

describe('runAssess', () => {
  it('returns pretty JSON keyed by id', () => {
    const text = runAssess(JSON.stringify([example1]));
    expect(text).toContain('\n  "W1": {');
    const out = JSON.parse(text);
    expect(out.W1.status).toBe('预计达标困难');
    expect(out.W1.difficulty).toBe('需加快');
    expect(out.W1.apr).toBeCloseTo(0.894, 3);
    expect(out.W1.projection.value).toBeCloseTo(8.658, 3);
    expect(out.W1.schedule.behind).toBe(true);
  });

  it('rejects bad input in Chinese, naming the path', () => {
    const bad = [{ ...example1, rule: { ...example1.rule, comparator: '=<', value: undefined } }];
    try {
      runAssess(JSON.stringify(bad));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AssessInputError);
      const issues = (error as AssessInputError).issues.join('\n');
      expect(issues).toContain('[0].rule.comparator：比较符应为');
    }
    expect(() => runAssess('{')).toThrow(/JSON 格式错误/);
    expect(() => runAssess(JSON.stringify([example1, example1]))).toThrow(/\[1\]\.id：指标编号 W1 重复/);
    expect(() =>
      runAssess(
        JSON.stringify([
          {
            ...example1,
            series: [
              { year: 2020, value: 1 },
              { year: 2020, value: 2 },
            ],
          },
        ]),
      ),
    ).toThrow(/\[0\]\.series\[1\]\.year：2020年重复出现/);
  });
});
