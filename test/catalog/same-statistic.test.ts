// One statistic, one series: indicators that measure the same statistic in both plans are linked by `sameAs` in the
// plan files (docs/catalog.md), the link is validated, and a bad link loads nothing and says why in Chinese.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogError, defaultPlanDir, loadPlanFolder } from '../../src/features/catalog/load.ts';

const tmpDirs: string[] = [];
afterEach(async () => {
  for (const dir of tmpDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of the bundled folder with children.yaml edited. */
async function edited(edit: (source: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tianping-same-'));
  tmpDirs.push(dir);
  await cp(defaultPlanDir(), dir, { recursive: true });
  const file = path.join(dir, 'children.yaml');
  const source = await readFile(file, 'utf8');
  const changed = edit(source);
  expect(changed).not.toBe(source);
  await writeFile(file, changed);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  const err = await loadPlanFolder(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CatalogError);
  return (err as CatalogError).problems.map((p) => `${p.file} ${p.path}：${p.message}`);
}

describe('shared statistics (sameAs)', () => {
  it('links the five statistics both plans measure to the women’s plan indicator', async () => {
    const catalog = await loadPlanFolder(defaultPlanDir());
    const links = catalog.plans
      .flatMap((p) => p.domains.flatMap((d) => d.indicators))
      .filter((i) => i.sameAs)
      .map((i) => `${i.code}→${i.sameAs}`);
    expect(links).toEqual(['C1-14→W1-19', 'C3-02→W2-01', 'C3-03→W2-02', 'C6-03→W7-03', 'C6-05→W7-04']);
  });

  it('refuses a link to an unknown code, to a linked indicator, or between different units', async () => {
    expect(await problemsOf(await edited((s) => s.replace('sameAs: W2-02', 'sameAs: W2-99')))).toEqual([
      expect.stringMatching(/children\.yaml .*sameAs：同一统计指标 W2-99 不存在/),
    ]);
    expect(await problemsOf(await edited((s) => s.replace('sameAs: W2-02', 'sameAs: C3-02')))).toEqual([
      expect.stringContaining('C3-02 本身已指向 W2-01：请直接写 W2-01'),
    ]);
    expect(await problemsOf(await edited((s) => s.replace('sameAs: W1-19', 'sameAs: W2-02')))).toEqual([
      expect.stringContaining('C1-14 与 W2-02 的单位（项 与 %）、保留小数位、分解维度不同，不是同一统计指标'),
    ]);
  });
});
