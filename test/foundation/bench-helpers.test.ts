import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/server-process.ts';

// `npm run bench` builds its apps with the test helpers outside vitest: they must not depend on vitest's run
// (a prepared-database cache once made every benchmark fail with "Vitest failed to access its internal state").
it('the test helpers the benchmarks use work outside vitest', async () => {
  const script = `
    const { createTestApp } = await import('./test/helpers/app.ts');
    const t = await createTestApp('pglite');
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    console.log('health', res.statusCode);
    await t.close();`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: REPO_ROOT, timeout: 120_000 },
  );
  expect(stdout).toContain('health 200');
}, 150_000);
