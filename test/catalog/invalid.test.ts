// A broken plan folder loads nothing and says, in Chinese, which file, where, what is wrong and how to fix it.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validateCatalog } from '../../src/core/catalog/index.ts';
import { CatalogError, loadPlanFolder } from '../../src/features/catalog/load.ts';

const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');
const tmpDirs: string[] = [];

afterEach(async () => {
  for (const dir of tmpDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function copyOfDemo(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tianping-catalog-'));
  tmpDirs.push(dir);
  await cp(demoDir, dir, { recursive: true });
  return dir;
}

/** A copy of the demo folder with women.yaml edited by `edit`. */
async function brokenFolder(edit: (source: string) => string): Promise<string> {
  const dir = await copyOfDemo();
  const file = path.join(dir, 'women.yaml');
  const source = await readFile(file, 'utf8');
  const edited = edit(source);
  expect(edited).not.toBe(source); // the edit must hit
  await writeFile(file, edited);
  return dir;
}

async function loadError(dir: string): Promise<CatalogError> {
  let caught: unknown;
  const catalog = await loadPlanFolder(dir).catch((err: unknown) => {
    caught = err;
    return undefined;
  });
  expect(catalog).toBeUndefined(); // an invalid folder loads nothing
  expect(caught).toBeInstanceOf(CatalogError);
  return caught as CatalogError;
}

describe('malformed plan files', () => {
  it('a missing field names the file, the path and the field', async () => {
    const dir = await brokenFolder((s) => s.replace('        unit: /10万\n', ''));
    const err = await loadError(dir);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'women.yaml', path: 'domains[0].indicators[0].unit' });
    expect(err.problems[0]?.message).toContain('缺少必填字段“unit”');
    expect(err.problems[0]?.line).toBeGreaterThan(1);
    expect(err.message).toContain('women.yaml');
    expect(err.message).toContain('未加载任何内容');
  });

  it('a bad comparator says which comparators the wording maps to', async () => {
    const dir = await brokenFolder((s) => s.replace('comparator: "<=", value: 7.5', 'comparator: "=<", value: 7.5'));
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ file: 'women.yaml', path: 'domains[0].indicators[0].rule.comparator' });
    expect(err.problems[0]?.message).toContain('"=<"');
    expect(err.problems[0]?.message).toContain('以下/以内');
  });

  it('an unknown rule kind lists the seven kinds a plan can state', async () => {
    const dir = await brokenFolder((s) =>
      s.replace('rule: { kind: threshold, comparator: "<=", value: 7.5 }', 'rule: { kind: ceiling, value: 7.5 }'),
    );
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ file: 'women.yaml', path: 'domains[0].indicators[0].rule.kind' });
    expect(err.problems[0]?.message).toContain(
      '规则种类应为 threshold、relative_to_base、annual_step、maintain、relational、count_per_body、direction_only 之一',
    );
  });

  it('a quote that is not in the cited text is refused', async () => {
    const dir = await brokenFolder((s) =>
      s.replace('quote: 孕产妇死亡率控制在7.5/10万以下', 'quote: 孕产妇死亡率控制在7.5/10万以内'),
    );
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ file: 'women.yaml', path: 'domains[0].indicators[0].quote' });
    expect(err.problems[0]?.message).toContain('不在“妇女与健康”主要目标第 1 条的正文里');
  });

  it('a target number that the quote does not state is refused', async () => {
    const dir = await brokenFolder((s) => s.replace('comparator: "<=", value: 7.5', 'comparator: "<=", value: 8.5'));
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ path: 'domains[0].indicators[0].rule.value' });
    expect(err.problems[0]?.message).toContain('8.5');
  });

  it('a duplicate indicator code is refused', async () => {
    const dir = await brokenFolder((s) => s.replace('- code: W1-02', '- code: W1-01'));
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ file: 'women.yaml', path: 'domains[0].indicators[1].code' });
    expect(err.problems[0]?.message).toContain('W1-01');
    expect(err.problems[0]?.message).toContain('重复');
  });

  it('broken YAML gives the file and line', async () => {
    const dir = await brokenFolder((s) => s.replace('name: 孕产妇死亡率\n', 'name: [孕产妇死亡率\n'));
    const err = await loadError(dir);
    expect(err.problems[0]?.file).toBe('women.yaml');
    expect(err.problems[0]?.line).toBeGreaterThan(1);
    expect(err.problems[0]?.message).toContain('YAML 格式错误');
  });

  it('a plan file listed but missing points at its line in folder.yaml', async () => {
    const dir = await copyOfDemo();
    await rm(path.join(dir, 'women.yaml'));
    const err = await loadError(dir);
    expect(err.problems[0]).toMatchObject({ file: 'folder.yaml', path: 'plans[0]', line: 7 });
    expect(err.problems[0]?.message).toContain('women.yaml 不存在');
  });

  it('numbers that skip are reported with the number they should have', async () => {
    const dir = await brokenFolder((s) =>
      s.replace('      - number: 2\n        text: 适龄妇女', '      - number: 3\n        text: 适龄妇女'),
    );
    const err = await loadError(dir);
    expect(err.problems.map((p) => p.path)).toContain('domains[0].goals[1].number');
  });
});

describe('validateCatalog (pure)', () => {
  it('collects problems from every file instead of stopping at the first', () => {
    const result = validateCatalog({
      folder: {
        file: 'folder.yaml',
        data: {
          id: 'x',
          name: 'x',
          region: 'x',
          cycle: { start: 2026, end: 2030, baseYear: 2025 },
          plans: ['a.yaml', 'b.yaml'],
        },
      },
      plans: [
        { file: 'a.yaml', data: { id: 'p' } },
        { file: 'b.yaml', data: 'not a mapping' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const files = new Set(result.problems.map((p) => p.file));
    expect(files).toEqual(new Set(['a.yaml', 'b.yaml']));
  });
});
