// The whole plan folder is checked before anything is written (issue 13): plans, organisation.yaml and
// responsibility.yaml, every problem with file and line, one Chinese report; a server start with a broken or
// incomplete folder stops with that report (no stack trace) and leaves the database without a catalog.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCatalog } from '../../src/cli/catalog.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { plan } from '../../src/db/schema/index.ts';
import { CatalogError } from '../../src/features/catalog/index.ts';
import { loadWholeFolder } from '../../src/features/plans/index.ts';
import { REPO_ROOT, ServerExitedError, startServerProcess } from '../helpers/server-process.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/plans/demo-2026-2030');
const tmpDirs: string[] = [];

afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function copyOfFixture(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-folder-'));
  tmpDirs.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  edit(dir);
  return dir;
}

const replaceIn = (file: string, from: string, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
};

async function problemsOf(dir: string): Promise<CatalogError> {
  const error = await loadWholeFolder(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CatalogError);
  return error as CatalogError;
}

describe('tianping catalog checks the whole folder', () => {
  it('loads the 2026–2030 fixture with its organisation and default responsibility', async () => {
    const whole = await loadWholeFolder(FIXTURE);
    expect(whole.organisation.committee.name).toBe('示范区妇女儿童工作委员会');
    expect(whole.responsibility).toHaveLength(10);
    const previous = process.env.TIANPING_PLAN_DIR;
    process.env.TIANPING_PLAN_DIR = FIXTURE;
    try {
      const summary = await runCatalog({});
      expect(summary).toContain('组织机构：成员单位 5 个，镇街 3 个；默认责任分工：10 项');
    } finally {
      if (previous === undefined) delete process.env.TIANPING_PLAN_DIR;
      else process.env.TIANPING_PLAN_DIR = previous;
    }
  });

  it('reports problems of the plans, organisation.yaml and responsibility.yaml together, with file and line', async () => {
    const dir = copyOfFixture((d) => {
      replaceIn(path.join(d, 'women.yaml'), 'comparator: "<=", value: 7.5', 'comparator: "<", value: 7.5');
      replaceIn(path.join(d, 'organisation.yaml'), '{ code: fl, name: 区妇联 }', '{ code: fl, name: "" }');
    });
    const error = await problemsOf(dir);
    expect(error.problems.map((p) => [p.file, p.path])).toEqual([
      ['women.yaml', 'domains[0].indicators[0].rule.comparator'],
      ['organisation.yaml', 'units.4.name'],
    ]);
    expect(error.problems.every((p) => (p.line ?? 0) > 1)).toBe(true);
    expect(error.message).toContain('“name”（名称）不能为空');
    expect(error.message).toContain('比较符应写 "<="');

    const badUnit = copyOfFixture((d) =>
      replaceIn(path.join(d, 'responsibility.yaml'), 'W2-03: { lead: mzj', 'W2-03: { lead: xyz'),
    );
    const unitError = await problemsOf(badUnit);
    expect(unitError.problems).toEqual([
      expect.objectContaining({ file: 'responsibility.yaml', path: 'assignments.W2-03.lead', line: 11 }),
    ]);
  });

  it('a missing organisation.yaml is a clear message, not a stack trace', async () => {
    const dir = copyOfFixture((d) => fs.rmSync(path.join(d, 'organisation.yaml')));
    const error = await problemsOf(dir);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain('规划目录中缺少组织机构文件 organisation.yaml');
    expect(error.message).toContain('未加载任何内容');
  });
});

describe('a server start never imports half a folder', () => {
  it('stops on a folder without organisation.yaml before writing the catalog', async () => {
    const planDir = copyOfFixture((d) => fs.rmSync(path.join(d, 'organisation.yaml')));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-folder-data-'));
    tmpDirs.push(dataDir);
    const failure = await startServerProcess({ TIANPING_PLAN_DIR: planDir, TIANPING_DATA_DIR: dataDir }, 120_000).then(
      () => undefined,
      (error: unknown) => error as ServerExitedError,
    );
    expect(failure).toBeInstanceOf(ServerExitedError);
    expect(failure?.exitCode).toBe(1);
    expect(failure?.output).toContain('缺少组织机构文件 organisation.yaml');
    expect(failure?.output).not.toMatch(/\n\s+at /); // no stack trace
    const database = await openDatabase({ dataDir });
    expect(await database.db.select().from(plan)).toEqual([]);
    await database.close();
  }, 150_000);
});
