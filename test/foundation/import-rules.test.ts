import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/server-process.ts';

// `npm run lint` enforces the layout's import rules with the project's .dependency-cruiser.cjs. The fixture tree
// holds one deliberate violation of each rule; the real tree must have none.

const config = createRequire(import.meta.url)(path.join(REPO_ROOT, '.dependency-cruiser.cjs'));
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/import-rules');

async function violations(baseDir: string, roots: string[]) {
  const result = await cruise(
    roots,
    {
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      baseDir,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    },
    undefined,
    baseDir === REPO_ROOT ? { tsConfig: { fileName: path.join(REPO_ROOT, 'tsconfig.json') } } : undefined,
  );
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('import rules', () => {
  it('refuse an upward import, a reach into another feature, a reach from the web, and a cycle', async () => {
    const found = await violations(FIXTURE, ['src', 'web/src']);
    expect(found).toEqual(
      expect.arrayContaining([
        'kernel-imports-nothing-above: src/kernel/upward.ts → src/features/alpha/service.ts',
        'core-imports-only-kernel: src/core/upward.ts → src/server/app.ts',
        'another-feature-only-through-index: src/features/alpha/service.ts → src/features/beta/inner.ts',
        'web-imports-only-contracts: web/src/features/alpha/Page.tsx → src/features/alpha/service.ts',
        expect.stringMatching(/^no-cycles: src\/features\/beta\/cycle-[ab]\.ts → src\/features\/beta\/cycle-[ab]\.ts$/),
      ]),
    );
    // The one clean file stays clean.
    expect(found.some((v) => v.includes('src/kernel/fine.ts'))).toBe(false);
  });

  it('find nothing in the project itself', { timeout: 60_000 }, async () => {
    expect(await violations(REPO_ROOT, ['src', 'web/src'])).toEqual([]);
  });
});
