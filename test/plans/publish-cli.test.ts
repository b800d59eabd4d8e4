// `tianping plan publish DIR`: the folder becomes a cycle of the database the environment names, and the
// publication is in the audit log as the user `cli` (docs/administration.md: every command is audited).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlanPublish } from '../../src/cli/plan.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { auditLog, planFolder } from '../../src/db/schema/index.ts';

const NEXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans', 'demo-2026-2030');

describe('tianping plan publish', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-publish-cli-'));
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('publishes the folder as the current cycle and audits it as cli', async () => {
    process.env = { ...saved, TIANPING_DATA_DIR: dataDir };
    delete process.env.DATABASE_URL;
    const out = await runPlanPublish(NEXT, {});
    expect(out).toContain('已发布规划周期 demo-2026-2030');
    expect(out).toContain('现为当前周期');
    const database = await openDatabase({ dataDir });
    try {
      const folders = await database.db.select({ id: planFolder.id }).from(planFolder);
      expect(folders.map((f) => f.id)).toEqual(['demo-2026-2030']);
      const [logged] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'plan.publish'));
      expect(logged).toMatchObject({ username: 'cli', objectType: 'plan_folder', objectId: 'demo-2026-2030' });
    } finally {
      await database.close();
    }
  }, 180_000);
});
