import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  attachmentName,
  attachmentProblem,
  DOCX,
  detectFileType,
  PDF,
  PNG,
} from '../../src/features/documents/filetype.ts';
import { realDocx, tinyPdf } from '../documents/files.ts';

// The attachment rules every feature that stores files uses (documents now; inspections and meetings later).

describe('attachment names and content rules', () => {
  it('sets the extension from the detected type and removes control, bidi and zero-width characters', () => {
    expect(attachmentName('x.bat', PDF)).toBe('x.pdf');
    expect(attachmentName('年度报告\u202efdp.hta', PDF)).toBe('年度报告fdp.pdf');
    expect(attachmentName('page.html', PNG)).toBe('page.png');
    expect(attachmentName('..\\..\\boot.ini', PDF)).toBe('boot.pdf');
    expect(attachmentName('a\u0000b\u200b.PDF', PDF)).toBe('ab.pdf');
    expect(attachmentName('照片.JPEG', { ...PNG, ext: 'jpg', mime: 'image/jpeg' })).toBe('照片.jpeg');
    expect(attachmentName('', PDF)).toBe('附件.pdf');
    expect(attachmentName('2025年度工作报告.pdf', PDF)).toBe('2025年度工作报告.pdf');
  });

  it('refuses a PDF with JavaScript, a PDF/EXE polyglot, a .docx carrying an .exe or macros', async () => {
    expect(attachmentProblem(tinyPdf(), PDF)).toBeNull();
    const js = Buffer.concat([tinyPdf(), Buffer.from('\n9 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n')]);
    expect(attachmentProblem(js, PDF)).toContain('脚本');
    const polyglot = Buffer.concat([tinyPdf(), Buffer.from('MZ\x90\x00 This program cannot be run in DOS mode.')]);
    expect(attachmentProblem(polyglot, PDF)).toContain('可执行程序');
    const docx = await realDocx();
    expect(detectFileType(docx)).toBe(DOCX);
    expect(attachmentProblem(docx, DOCX)).toBeNull();
    const zip = await JSZip.loadAsync(docx);
    zip.file('word/embeddings/setup.exe', 'MZ');
    const carrying = await zip.generateAsync({ type: 'nodebuffer' });
    expect(attachmentProblem(carrying, DOCX)).toContain('程序');
  });
});
