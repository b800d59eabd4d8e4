import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/db/connection.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { dataValue } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/features/auth/demo-accounts.ts';
import { leadEverything, tagTemplate } from '../fixtures/excel/large-task.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';

// The server is killed (SIGKILL) while it writes a confirmed upload of thousands of values; after a restart the
// round's values are all the new ones or all the old ones, never a mix, and the server starts cleanly (the PGlite
// folder is not corrupted; the stale lock file is taken over). The unit leads every indicator of the bundled
// plan and the round is the final one (2020–2025), so the upload touches every value of the task. Several kill delays, so that some kills land
// before, some during and some after the write.

const DELAYS_MS = [30, 150, 400, 900, 1800];

class HttpClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  static async login(base: string, username: string): Promise<HttpClient> {
    const c = new HttpClient(base);
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('tp_session='));
    c.cookie = (cookie ?? '').split(';')[0] as string;
    c.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return c;
  }

  fetch(url: string, init: RequestInit = {}) {
    return fetch(`${this.base}${url}`, {
      ...init,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(init.headers ?? {}) },
    });
  }

  async json<T>(url: string, init: RequestInit = {}): Promise<T> {
    const res = await this.fetch(url, init);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }

  postJson<T>(url: string, body: unknown): Promise<T> {
    return this.json<T>(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }
}

const engines: Engine[] = TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

describe.each(engines)('a crash during an upload’s confirm on %s', (engine) => {
  let dataDir = '';
  let testDb: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null) await server.stop();
    await testDb?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the round’s values all written or all absent, and the server restarts cleanly', async () => {
    let env: Record<string, string>;
    if (engine === 'pglite') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-crash-'));
      env = { TIANPING_DATA_DIR: dataDir, TIANPING_DEMO: 'true' };
    } else {
      testDb = await createTestDatabase('postgresql', { migrate: false });
      env = { DATABASE_URL: testDb.url as string, TIANPING_DEMO: 'true' };
    }
    // First start migrates, creates the demo accounts and data; then, with the server stopped, one unit is made
    // the lead of every indicator (kept across restarts: defaults only fill indicators without any lead).
    server = await startServerProcess(env, 120_000);
    await server.stop();
    const database = testDb ? testDb.database : await openDatabase({ dataDir });
    await leadEverything(database.db);
    // The demo data's approved (locked) years would refuse the upload: reopen them all.
    await database.db.update(dataValue).set({ locked: false });
    if (!testDb) await database.close();
    server = await startServerProcess(env, 120_000);
    const office = await HttpClient.login(server.url, 'office');
    const { round } = await office.postJson<{ round: { id: number } }>('/api/rounds', {
      kind: 'final',
      year: 2025,
      deadline: '2026-06-30',
    });

    type Task = { items: { values: { year: number; comment: string | null }[] }[] };
    /** The 备注 of every value of the task's years, read through the API. */
    const comments = async (client: HttpClient) => {
      const task = await client.json<Task>(`/api/rounds/${round.id}/task`);
      return task.items.flatMap((i) => i.values.filter((v) => v.year >= 2020).map((v) => v.comment));
    };

    let tag = 0; // the tag in the database: none yet
    let file: Buffer | undefined;
    let rows = 0;
    const outcomes: string[] = [];
    for (const delay of DELAYS_MS) {
      let unit = await HttpClient.login(server.url, 'wjw');
      if (!file) {
        const template = Buffer.from(await (await unit.fetch(`/api/rounds/${round.id}/template.xlsx`)).arrayBuffer());
        const tagged = await tagTemplate(template, `crash-${tag + 1}`);
        file = tagged.buffer;
        rows = tagged.tagged;
      }
      const form = new FormData();
      form.append('file', new Blob([file]), '崩溃测试.xlsx');
      const preview = await unit.json<{ previewToken: string; counts: { new: number; changed: number } }>(
        `/api/rounds/${round.id}/upload/preview`,
        { method: 'POST', body: form },
      );
      expect(preview.counts.new + preview.counts.changed).toBe(rows);
      expect(rows).toBeGreaterThan(900);
      const before = await comments(unit);

      // Confirm, and kill the server while it works.
      const exited = new Promise<void>((resolve) => server?.child.once('exit', () => resolve()));
      const confirm = unit
        .postJson(`/api/rounds/${round.id}/upload/confirm`, { previewToken: preview.previewToken })
        .then(
          () => 'answered',
          () => 'cut off',
        );
      await new Promise((r) => setTimeout(r, delay));
      server.child.kill('SIGKILL');
      await exited;
      const answer = await confirm;

      // Restart on the same folder / database: must start cleanly (stale lock taken over, no corruption).
      server = await startServerProcess(env, 120_000);
      unit = await HttpClient.login(server.url, 'wjw');
      const after = await comments(unit);
      const next = `crash-${tag + 1}`;
      let outcome: string;
      if (after.length === rows && after.every((c) => c === next)) outcome = 'all written';
      else if (JSON.stringify(after) === JSON.stringify(before)) outcome = 'none written';
      else outcome = `PARTIAL: ${after.filter((c) => c === next).length} of ${rows}`;
      outcomes.push(`kill after ${delay} ms: confirm ${answer}, ${outcome}`);
      expect(outcome, outcomes.join('\n')).not.toMatch(/PARTIAL/);
      if (outcome === 'all written') {
        tag++;
        file = undefined; // new versions: a fresh template for the next pass
      }
    }
    console.log(`crash test on ${engine} (${rows} values):\n  ${outcomes.join('\n  ')}`);
    await server.stop();
  }, 900_000);
});
