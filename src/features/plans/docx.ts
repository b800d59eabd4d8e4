// The text of a .docx: the paragraphs of word/document.xml, one a line. A small zip reader (central directory,
// stored or deflated entries) is enough: a plan document is one XML part; no dependency needed.

import zlib from 'node:zlib';

/** The file is not a readable .docx; the message says so in Chinese. */
export class DocxError extends Error {}

const MAX_UNPACKED = 64 * 1024 * 1024;

function zipEntry(buf: Buffer, wanted: string): Buffer | null {
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxError('文件不是有效的 .docx（无法读取压缩包目录）。');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new DocxError('文件不是有效的 .docx（压缩包目录损坏）。');
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (name !== wanted) continue;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50)
      throw new DocxError('文件不是有效的 .docx（条目损坏）。');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + packed);
    if (method === 0) return data;
    if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: MAX_UNPACKED });
    throw new DocxError(`文件使用了不支持的压缩方式（${method}），请用 Word 另存为 .docx 后再试。`);
  }
  return null;
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
