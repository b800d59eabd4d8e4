// What an uploaded file is, judged by its content (magic bytes), never by its name or the browser's claim.
// Accepted: PDF, Word (.docx, .doc) and images (PNG, JPEG).

import { zipEntryNames, zipUnpackedSize } from '../../kernel/zip.ts';

export interface DetectedType {
  mime: string;
  label: string;
  /** The usual extension, without the dot. */
  ext: string;
}

export const PDF: DetectedType = { mime: 'application/pdf', label: 'PDF', ext: 'pdf' };
export const DOCX: DetectedType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  label: 'Word 文档（.docx）',
  ext: 'docx',
};
export const DOC: DetectedType = { mime: 'application/msword', label: 'Word 97-2003 文档（.doc）', ext: 'doc' };
export const PNG: DetectedType = { mime: 'image/png', label: 'PNG 图片', ext: 'png' };
export const JPEG: DetectedType = { mime: 'image/jpeg', label: 'JPEG 图片', ext: 'jpg' };

export const ACCEPTED_DESCRIPTION = 'PDF、Word（.docx、.doc）或图片（PNG、JPEG）';

const startsWith = (buf: Buffer, bytes: number[]) => buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

export function detectFileType(buf: Buffer): DetectedType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    return zipEntryNames(buf)?.includes('word/document.xml') ? DOCX : null;
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file is also .xls, .ppt, .msi …: a Word document has a "WordDocument" stream.
    return buf.includes(Buffer.from('WordDocument', 'utf16le')) ? DOC : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Attachment names and content rules, shared by every feature that stores uploaded files (documents, and later
// inspections and meetings): use attachmentName() for the stored name and attachmentProblem() for the content.

/** Extensions a name may keep for each detected type (lower case, without the dot). */
const EXTENSIONS: Record<string, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  doc: ['doc'],
  png: ['png'],
  jpg: ['jpg', 'jpeg'],
};

// C0/C1 control characters, DEL, and the Unicode format characters that reorder or hide text: bidi embeddings,
// overrides and isolates (U+202A–202E, U+2066–2069), marks (U+200E, U+200F, U+061C), zero-width characters and
// the BOM. "年度报告\u202Efdp.hta" shows as "年度报告ath.pdf": such names must not survive.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The name an uploaded file is stored and served under: no folders, no control, bidi or zero-width characters,
 * no characters Windows refuses, at most 120 characters, and an extension that matches the detected type
 * ("报告.bat" holding a PDF becomes "报告.pdf"; "page.html" holding a PNG becomes "page.png").
 */
export function attachmentName(original: string, type: DetectedType): string {
  let name = (original.split(/[/\\]/).pop() ?? '').replace(INVISIBLE, '');
  name = name.replace(/[<>:"|?*]/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  const allowed = EXTENSIONS[type.ext] ?? [type.ext];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let stem = name;
  if (dot > 0 && /^[a-z0-9]{1,8}$/.test(ext)) stem = name.slice(0, dot);
  if (allowed.includes(ext)) stem = name.slice(0, dot);
  stem = stem.replace(/[\s.]+$/g, '').slice(0, 110) || '附件';
  return `${stem}.${allowed.includes(ext) ? ext : type.ext}`;
}

/** Bytes that mark an executable or active content hidden in an accepted file. */
const EXECUTABLE_MARKS = ['This program cannot be run in DOS mode', '\u007fELF'];
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|OpenAction\s*<<[^>]*\/JS|RichMedia|XFA)\b/;
const DOCX_FORBIDDEN_ENTRY =
  /(\.(exe|dll|bat|cmd|com|scr|ps1|vbs|js|jse|hta|msi|jar|lnk)$)|vbaProject\.bin$|oleObject/i;

/** Unpacked size above which a .docx is refused (a zip bomb); a real attachment is far smaller. */
export const MAX_DOCX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * Why an accepted type's content is still refused (a Chinese reason), or null: a PDF with scripts or embedded
 * files, an executable glued into a file (polyglot), a .docx carrying programs or macros, or a zip bomb.
 */
export function attachmentProblem(buf: Buffer, type: DetectedType): string | null {
  const latin = buf.toString('latin1');
  if (EXECUTABLE_MARKS.some((m) => latin.includes(m))) return '文件中夹带了可执行程序';
  if (type === PDF && PDF_ACTIVE.test(latin)) return 'PDF 中含有脚本、启动动作或嵌入文件，请另存为普通 PDF 后上传';
  if (type === DOCX) {
    const names = zipEntryNames(buf) ?? [];
    if (names.some((n) => DOCX_FORBIDDEN_ENTRY.test(n))) return 'Word 文档中夹带了程序、宏或嵌入对象';
    const unpacked = zipUnpackedSize(buf);
    if (unpacked === null || unpacked > MAX_DOCX_UNPACKED_BYTES) return 'Word 文档解压后过大或结构异常';
  }
  return null;
}
