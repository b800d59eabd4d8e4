// Converts the sample report with LibreOffice, as scripts/render-docx.sh does for people, and leaves the
// PDF and page images in artifacts/reports/ (git-ignored) to look at.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/features/reports/docx/gbt9704.ts';
import { sampleReport } from './sample.ts';

const OUT = 'artifacts/reports';

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasLibreOffice = onPath('libreoffice');
if (!hasLibreOffice) {
  console.warn(
    '跳过 .docx → PDF 渲染测试：PATH 中没有 libreoffice（apt-get install libreoffice-writer-nogui poppler-utils）',
  );
}

describe.skipIf(!hasLibreOffice)('rendering the sample report with LibreOffice', () => {
  it('gives a PDF with pages and PNG images of them', async () => {
    const pages = join(OUT, 'pages');
    await rm(pages, { recursive: true, force: true });
    await mkdir(pages, { recursive: true });
    const docx = join(OUT, 'sample-report.docx');
    await writeFile(docx, await renderDocx(await sampleReport(true)));

    execFileSync('scripts/render-docx.sh', [docx, pages], { stdio: 'pipe', timeout: 120_000 });

    const info = execFileSync('pdfinfo', [join(pages, 'sample-report.pdf')], { encoding: 'utf8' });
    const pageCount = Number(info.match(/^Pages:\s+(\d+)/m)?.[1]);
    expect(pageCount).toBeGreaterThanOrEqual(1);
    // Every PDF page became an image (pdftoppm pads the numbers: sample-report-1.png or -01.png).
    const pngs = (await readdir(pages)).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(pageCount);
    // A4 portrait pages, and the wide appendix table on A4 turned sideways at the end.
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pageCount), join(pages, 'sample-report.pdf')], {
      encoding: 'utf8',
    });
    expect(sizes).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/);
    expect(sizes).toMatch(new RegExp(`Page\\s+${pageCount} size:\\s+841\\.\\d+ x 595\\.\\d+ pts`));
  }, 120_000);
});
