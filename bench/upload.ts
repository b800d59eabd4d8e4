// A 10,000-value Excel upload end to end on PGlite, through the app (app.inject): a unit leading 556
// sex-disaggregated indicators in the final round (6 years × 3 sexes = 10,008 values). Template generation and
// filling are preparation, timed but not counted. Counted: parse, preview (parse + checks: saveValues dry run)
// and confirm (the save, in one transaction). Goal ≤ 2 s. Run: npm run bench upload
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseTemplate } from '../src/features/collection/excel/parse.ts';
import { addLargeTask, fillTemplate, multipart } from '../test/fixtures/excel/large-task.ts';
import { createTestApp } from '../test/helpers/app.ts';
import { login } from '../test/helpers/session.ts';

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const INDICATORS = 556;

export async function benchUpload(): Promise<{ lines: string[] }> {
  const t = await createTestApp('pglite');
  try {
    await addLargeTask(t.db.database.db, INDICATORS);
    const [office, unit] = await Promise.all([login(t.app, 'office'), login(t.app, 'wjw')]);
    const opened = await office.post('/api/rounds', { kind: 'final', year: 2025, deadline: '2026-06-30' });
    if (opened.statusCode !== 200) throw new Error(opened.body);
    const roundId = opened.json().round.id;

    const ms = (t0: number) => performance.now() - t0;
    let t0 = performance.now();
    const template = await unit.get(`/api/rounds/${roundId}/template.xlsx`);
    if (template.statusCode !== 200) throw new Error(template.body);
    const templateMs = ms(t0);
    t0 = performance.now();
    const { buffer, filled } = await fillTemplate(template.rawPayload);
    const fillMs = ms(t0);

    t0 = performance.now();
    const parsed = await parseTemplate(buffer);
    const parseMs = ms(t0);

    t0 = performance.now();
    const preview = await unit.request({
      method: 'POST',
      url: `/api/rounds/${roundId}/upload/preview`,
      ...multipart(buffer, '压力测试.xlsx'),
    });
    const previewMs = ms(t0);
    if (preview.statusCode !== 200) throw new Error(preview.body.slice(0, 2000));
    const counts = preview.json().counts;

    t0 = performance.now();
    const confirm = await unit.post(`/api/rounds/${roundId}/upload/confirm`, {
      previewToken: preview.json().previewToken,
    });
    const confirmMs = ms(t0);
    if (confirm.statusCode !== 200) throw new Error(confirm.body.slice(0, 2000));
    const written = confirm.json().written;

    const total = previewMs + confirmMs;
    const f = (n: number) => `${(n / 1000).toFixed(2)} s`;
    return {
      lines: [
        `upload: ${filled} values in ${parsed.rows.length} rows, ${(buffer.length / 1024).toFixed(0)} KB; new ${counts.new}, written ${written}`,
        `upload: (not counted) template download ${f(templateMs)}, filling with exceljs ${f(fillMs)}`,
        `upload: parse alone ${f(parseMs)}`,
        `upload: preview request (parse + checks: saveValues dry run) ${f(previewMs)}`,
        `upload: confirm request (saveValues in one transaction) ${f(confirmMs)}`,
        `upload: total preview + confirm ${f(total)} (goal ≤ 2 s: ${total <= 2000 ? 'met' : 'NOT met'})`,
        `upload: load average ${loadNow()} (other work on the machine slows every figure)`,
      ],
    };
  } finally {
    await t.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines } = await benchUpload();
  for (const line of lines) console.log(line);
}
