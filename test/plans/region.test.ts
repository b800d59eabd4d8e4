// The region is data (issue 13): a server started on another district's folder (the 2026–2030 fixture, 示范区)
// names itself from that folder — system name, plans, committee — lists only the demo accounts that exist there,
// and neither its pages' data nor a generated file mention 武清. No 武清 is written in src/ or web/src/ at all.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ENGINES } from '../helpers/db.ts';
import { REPO_ROOT } from '../helpers/server-process.ts';
import { login } from '../helpers/session.ts';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/plans/demo-2026-2030');
const OLD_REGION = '武清';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('no region in the code', () => {
  it('src/, web/src/ and web/index.html never write 武清, not even in comments', () => {
    const files = [
      ...filesUnder(path.join(REPO_ROOT, 'src')),
      ...filesUnder(path.join(REPO_ROOT, 'web', 'src')),
      path.join(REPO_ROOT, 'web', 'index.html'),
    ].filter((f) => /\.(ts|tsx|html|css|sql|json)$/.test(f));
    const offenders = files.filter((f) => fs.readFileSync(f, 'utf8').includes(OLD_REGION));
    expect(offenders.map((f) => path.relative(REPO_ROOT, f))).toEqual([]);
  });
});

describe.each(ENGINES)('a server on the 2026–2030 fixture folder (%s)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { planDir: FIXTURE });
  }, 120_000);
  afterAll(() => t?.close());

  it('names itself from the folder', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const health = res.json() as { name: string; site: Record<string, unknown> };
    expect(health.name).toBe('示范区妇女儿童发展规划监测评估系统');
    expect(health.site).toMatchObject({
      region: '示范区',
      committee: '示范区妇女儿童工作委员会',
      planTitles: ['示范区妇女发展“十五五”规划（演示）'],
      issuers: ['示范区人民政府'],
    });
    expect(res.body).not.toContain(OLD_REGION);
  });

  it('lists only the demo accounts that exist for this folder', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    const { accounts } = res.json() as { accounts: { username: string; belongsTo: string }[] };
    // 区教育局 and 杨村街道 are not in this folder: their demo accounts were never created, so they are not offered.
    expect(accounts.map((a) => a.username)).toEqual(['office', 'stats', 'wjw', 'wjw_leader', 'leader', 'admin']);
    expect(res.body).not.toContain('杨村');
  });

  it('the main pages’ data and the catalog workbook never mention 武清', async () => {
    const office = await login(t.app, 'office');
    const bodies: string[] = [];
    for (const url of [
      '/api/auth/me',
      '/api/catalog/plans',
      '/api/catalog/plans/demo-women-2026-2030',
      '/api/catalog/search?q=率',
    ]) {
      const res = await office.get(url);
      expect(res.statusCode, url).toBe(200);
      bodies.push(res.body);
    }
    for (const body of bodies) expect(body).not.toContain(OLD_REGION);
    expect(bodies.join('')).toContain('示范区');

    const xlsx = await office.get('/api/catalog/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => {
      texts.push(sheet.name);
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          texts.push(String(cell.text));
        });
      });
    });
    expect(texts.join('\n')).toContain('示范区');
    expect(texts.join('\n')).not.toContain(OLD_REGION);
  });
});
