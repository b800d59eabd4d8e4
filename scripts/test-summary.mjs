// Closing lines of a CI log: 'N passed, N failed', then each failure in one or two lines. CI logs are often read
// from their tail only, so what failed must be there, not hundreds of lines above.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'artifacts/vitest.json', 'utf8'));
const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : '';
for (const file of report.testResults) {
  const name = relative(process.cwd(), file.name);
  // A file that failed before any test ran (import error, hook timeout) has its reason on the file.
  if (file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed'))
    console.log(`FAILED ${name}: ${firstLine(file.message)}`);
  for (const a of file.assertionResults.filter((x) => x.status === 'failed'))
    console.log(`FAILED ${name} > ${a.fullName}\n       ${firstLine(a.failureMessages[0])}`);
}
console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}`);

function firstLine(text = '') {
  return text.split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
}
