import { defineConfig } from 'vitest/config';

// The tests Stryker runs for each mutant (npm run mutation; stryker.config.mjs): the pure tests of src/core and of
// the collection rules, workflow and upload cells. Tests that need a database, a server or a child process are left
// out: they are slow, and the code they add to the picture is not mutated.
// MUTATION_SCOPE narrows the tests to one module's, so that a static mutant (a module-level table such as RULES or
// TRANSITIONS, which needs every test re-run) costs seconds rather than minutes: see docs/contributing.md.
const SCOPES: Record<string, string[]> = {
  assessment: ['test/assessment/**/*.test.ts'],
  collection: ['test/collection/rules.test.ts', 'test/collection/workflow-rules.test.ts'],
  rest: [
    'test/narrative/**/*.test.ts',
    'test/catalog/indicators.test.ts',
    'test/catalog/invalid.test.ts',
    'test/catalog/fixture.test.ts',
    'test/catalog/target-rules.test.ts',
    'test/reports/charts.test.ts',
    'test/responsibility/default-file.test.ts',
  ],
  // The plan checks (src/core/catalog/validate.ts). Not indicators.test.ts: it loads the bundled folder in a
  // beforeAll, which makes every mutant it reaches static (re-run with every test of the scope: hours).
  catalog: [
    'test/catalog/checks.test.ts',
    'test/catalog/describe.test.ts',
    'test/catalog/json.test.ts',
    'test/catalog/wording.test.ts',
    'test/catalog/invalid.test.ts',
    'test/catalog/meaning.test.ts',
    'test/catalog/same-statistic.test.ts',
    'test/catalog/fixture.test.ts',
    'test/plans/curation.test.ts',
  ],
  // The plan files' schemas (src/core/catalog/schema.ts): every mutant is static (module-level zod schemas), so the
  // scope is the one file that checks every field's refusal, in a tenth of a second.
  schema: ['test/catalog/checks.test.ts', 'test/catalog/schema.test.ts'],
  // The password rules and the reference figures (src/core/auth/password-policy.ts, src/core/reference.ts): their
  // word list and tables are static mutants, re-run with every test of the scope, so the scope is their own tests.
  policy: ['test/auth/password-policy.test.ts', 'test/reference/values.test.ts', 'test/narrative/reference.test.ts'],
  // The report text (src/core/narrative): its own tests, which take milliseconds.
  narrative: ['test/narrative/**/*.test.ts'],
  // The plan draft from a document and its curation (src/core/catalog/draft.ts, curate.ts, wording.ts). Both files
  // draft a plan text in a beforeAll, so every mutant of the draft is static: the scope holds only them.
  drafts: [
    'test/plans/draft.test.ts',
    'test/plans/curation.test.ts',
    'test/plans/draft-years.test.ts',
    'test/plans/file-order.test.ts',
    'test/plans/draft-text.test.ts',
  ],
  // The drafter alone (src/core/catalog/draft.ts): tests that draft inside each test. Under the drafts scope, whose
  // files draft in a beforeAll, 659 of its 763 mutants are static (estimated at 5 h).
  draft: [
    'test/plans/draft-documents.test.ts',
    'test/plans/draft-text.test.ts',
    'test/plans/draft-years.test.ts',
    'test/plans/draft-candidates.test.ts',
    'test/plans/draft-structure.test.ts',
  ],
  // The curation of a draft (src/core/catalog/curate.ts): its key-order table is a static mutant, and the drafts
  // scope re-runs the whole drafter for each.
  curate: ['test/plans/curation.test.ts', 'test/plans/file-order.test.ts'],
  // The report charts (src/core/charts) and the default responsibility file (src/core/responsibility.ts).
  charts: ['test/reports/charts.test.ts', 'test/reports/chart-options.test.ts', 'test/reports/chart-print.test.ts'],
  responsibility: ['test/responsibility/rules.test.ts', 'test/responsibility/default-file.test.ts'],
  // The small shared modules: task shapes, organisation.yaml, the site's names, the document sections.
  shared: ['test/work/shapes.test.ts', 'test/organisation/schema.test.ts', 'test/documents/sections.test.ts'],
};
const scope = process.env.MUTATION_SCOPE;

export default defineConfig({
  test: {
    include: scope ? (SCOPES[scope] ?? []) : Object.values(SCOPES).flat(),
    exclude: ['test/assessment/cli-v2.test.ts'],
    testTimeout: 30_000,
  },
});
