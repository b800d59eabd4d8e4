// What an uploaded file is, judged by its content (magic bytes), never by its name or the browser's claim.
// Accepted: PDF, Word (.docx, .doc) and images (PNG, JPEG).

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

/** The names in a zip's central directory, or null when it is not a readable zip. */
export function zipEntryNames(buf: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > buf.length) return null;
    names.push(buf.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
