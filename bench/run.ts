// npm run bench [name…]: runs the benchmarks and prints their figures. Not part of the test suite.
import { benchAssessment } from './assessment.ts';
import { benchEntryForm } from './entry-form.ts';
import { benchLoad } from './load.ts';
import { benchReport } from './report.ts';
import { benchScale } from './scale.ts';
import { benchStartup } from './startup.ts';
import { benchUpload } from './upload.ts';

type Bench = () => Promise<{ lines: string[] }>;

const BENCHES: Record<string, Bench> = {
  startup: benchStartup,
  assessment: benchAssessment,
  upload: benchUpload,
  report: benchReport,
  // Not in a plain `npm run bench`: minutes each. Ask for them by name.
  load: benchLoad,
  scale: benchScale,
  'entry-form': benchEntryForm,
};
const ON_REQUEST = new Set(['load', 'scale', 'entry-form']);

const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length > 0 ? !wanted.includes(name) : ON_REQUEST.has(name)) continue;
  const { lines } = await bench();
  for (const line of lines) console.log(line);
}
