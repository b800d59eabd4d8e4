// The text of a .docx: the paragraphs of word/document.xml, one a line. A plan document is one XML part, read
// with the kernel's zip reader; no dependency needed.

import { readZipDirectory, readZipEntry, type ZipEntry, ZipError } from '../../kernel/zip.ts';

/** The file is not a readable .docx; the message says so in Chinese. */
export class DocxError extends Error {}

const MAX_UNPACKED = 64 * 1024 * 1024;

/** The first entry named `wanted`, unpacked; null when there is none. A zip that cannot be read is a DocxError. */
function zipEntry(buf: Buffer, wanted: string): Buffer | null {
  let entry: ZipEntry | undefined;
  try {
    entry = readZipDirectory(buf).find((e) => e.name === wanted);
    return entry ? readZipEntry(buf, entry, MAX_UNPACKED) : null;
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    const messages = {
      end: '文件不是有效的 .docx（无法读取压缩包目录）。',
      directory: '文件不是有效的 .docx（压缩包目录损坏）。',
      entry: '文件不是有效的 .docx（条目损坏）。',
      method: `文件使用了不支持的压缩方式（${entry?.method}），请用 Word 另存为 .docx 后再试。`,
    };
    throw new DocxError(messages[error.fault]);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, n?: string, d?: string, h?: string) =>
    n ? (ENTITIES[n] as string) : String.fromCodePoint(d ? Number(d) : Number.parseInt(h as string, 16)),
  );

/** The paragraphs of a .docx as plain text, one paragraph a line (line breaks inside a paragraph kept). */
export function docxText(buf: Buffer): string {
  const xml = zipEntry(buf, 'word/document.xml');
  if (!xml) throw new DocxError('文件中没有正文（word/document.xml），不是 Word 文档。');
  const body = xml.toString('utf8');
  const paragraphs: string[] = [];
  for (const p of body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    let text = '';
    for (const t of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (t[2] === 'tab') text += '\t';
      else if (t[2]) text += '\n';
      else text += decode(t[1] ?? '');
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n');
}
