import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

// The run's prepared databases (test/helpers/db.ts): a folder for the PGlite dumps and a name for the PostgreSQL
// templates, both removed when the run ends.

declare module 'vitest' {
  export interface ProvidedContext {
    preparedDir: string;
    preparedRun: string;
  }
}

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-prepared-'));
  const run = crypto.randomBytes(4).toString('hex');
  project.provide('preparedDir', dir);
  project.provide('preparedRun', run);
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'select datname as name from pg_database where datname like $1',
        [`tianping_tpl_${run}_%`],
      );
      for (const { name } of rows) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
