import type { ReportDocument } from './model.ts';

/** Renders a report model as a GB/T 9704 .docx; the Word builders load on first use, as report generation does. */
export async function renderOfficialDocx(doc: ReportDocument): Promise<Buffer> {
  const { renderDocx } = await import('./docx/gbt9704.ts');
  return renderDocx(doc);
}
