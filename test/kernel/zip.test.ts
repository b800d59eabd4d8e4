import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  readZipDirectory,
  readZipEntry,
  writeZip,
  type ZipEntry,
  ZipError,
  type ZipFault,
  zipEntryNames,
  zipUnpackedSize,
} from '../../src/kernel/zip.ts';

const XML = `<?xml version="1.0"?><doc>${'<p>年度工作报告</p>'.repeat(200)}</doc>`;

async function zipOf(compression: 'STORE' | 'DEFLATE', comment?: string): Promise<Buffer> {
  const zip = new JSZip();
  // No folder entries: the directory holds exactly these three.
  zip.file('[Content_Types].xml', '<Types/>', { createFolders: false });
  zip.file('word/document.xml', XML, { createFolders: false });
  zip.file('word/media/空.txt', '', { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression, ...(comment ? { comment } : {}) });
}

/** Offsets of the central directory entries. */
function centralEntries(buf: Buffer): number[] {
  const found: number[] = [];
  for (let p = 0; p + 46 <= buf.length; p++) if (buf.readUInt32LE(p) === 0x02014b50) found.push(p);
  return found;
}

/** A copy with one central entry's 32-bit field (16 CRC, 24 unpacked size …) set. */
function withCentral(buf: Buffer, entry: number, field: number, value: number): Buffer {
  const out = Buffer.from(buf);
  out.writeUInt32LE(value, (centralEntries(out)[entry] as number) + field);
  return out;
}

const documentEntry = (buf: Buffer) => readZipDirectory(buf).find((e) => e.name === 'word/document.xml') as ZipEntry;

function fault(f: () => unknown): ZipFault | 'none' {
  try {
    f();
    return 'none';
  } catch (error) {
    if (error instanceof ZipError) return error.fault;
    throw error;
  }
}

describe('the zip directory', () => {
  it('lists the entries in file order with their sizes and methods', async () => {
    const buf = await zipOf('DEFLATE');
    const entries = readZipDirectory(buf);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml', 'word/media/空.txt']);
    expect(zipEntryNames(buf)).toEqual(entries.map((e) => e.name));
    const doc = documentEntry(buf);
    expect(doc.method).toBe(8);
    expect(doc.size).toBe(Buffer.byteLength(XML));
    expect(doc.packed).toBeLessThan(doc.size);
    expect(zipUnpackedSize(buf)).toBe(Buffer.byteLength('<Types/>') + Buffer.byteLength(XML));
  });

  it('finds the end record behind a comment', async () => {
    const buf = await zipOf('DEFLATE', '天平 '.repeat(1000));
    expect(zipEntryNames(buf)).toContain('word/document.xml');
    expect(readZipEntry(buf, documentEntry(buf), 1 << 20).toString('utf8')).toBe(XML);
  });

  it('answers null for bytes that are no readable zip, and names the fault', async () => {
    const buf = await zipOf('DEFLATE');
    for (const bytes of [Buffer.alloc(0), Buffer.from('PK\x03\x04'), Buffer.from('一段文字，不是压缩包'.repeat(50))]) {
      expect(zipEntryNames(bytes)).toBeNull();
      expect(zipUnpackedSize(bytes)).toBeNull();
      expect(fault(() => readZipDirectory(bytes))).toBe('end');
    }
    // Cut before the end record: no directory at all.
    expect(fault(() => readZipDirectory(buf.subarray(0, buf.length - 30)))).toBe('end');
    // The end record kept, the directory in front of it overwritten.
    const damaged = Buffer.from(buf);
    damaged.fill(0, centralEntries(buf)[1], buf.length - 22);
    expect(fault(() => readZipDirectory(damaged))).toBe('directory');
    expect(zipEntryNames(damaged)).toBeNull();
    // A directory that claims to reach past its end record.
    const overlong = Buffer.from(buf);
    overlong.writeUInt32LE(buf.readUInt32LE(buf.length - 10) + 1, buf.length - 10);
    expect(fault(() => readZipDirectory(overlong))).toBe('directory');
  });

  it('sums no empty zip, and takes a ZIP64 size as beyond every limit', async () => {
    const empty = await new JSZip().generateAsync({ type: 'nodebuffer' });
    expect(readZipDirectory(empty)).toEqual([]);
    expect(zipUnpackedSize(empty)).toBeNull();
    expect(zipUnpackedSize(withCentral(await zipOf('DEFLATE'), 1, 24, 0xffffffff))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('reading an entry', () => {
  it('reads a stored and a deflated entry', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const buf = await zipOf(compression);
      const entries = readZipDirectory(buf);
      expect(documentEntry(buf).method).toBe(compression === 'STORE' ? 0 : 8);
      expect(readZipEntry(buf, documentEntry(buf), 1 << 20).toString('utf8')).toBe(XML);
      expect(readZipEntry(buf, entries[2] as ZipEntry, 1 << 20).length).toBe(0);
    }
  });

  it('refuses an entry whose CRC does not match', async () => {
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const buf = await zipOf(compression);
      const lying = withCentral(buf, 1, 16, (documentEntry(buf).crc ^ 1) >>> 0);
      expect(fault(() => readZipEntry(lying, documentEntry(lying), 1 << 20))).toBe('entry');
    }
  });

  it('refuses an entry that unpacks to more or less than it declares', async () => {
    const buf = await zipOf('DEFLATE');
    const size = documentEntry(buf).size;
    for (const declared of [10, size - 1, size + 1]) {
      const lying = withCentral(buf, 1, 24, declared);
      expect(fault(() => readZipEntry(lying, documentEntry(lying), 1 << 20))).toBe('entry');
    }
    const stored = withCentral(await zipOf('STORE'), 1, 24, 10);
    expect(fault(() => readZipEntry(stored, documentEntry(stored), 1 << 20))).toBe('entry');
  });

  it('refuses an entry declaring more than the caller allows, before inflating it', async () => {
    const buf = await zipOf('DEFLATE');
    expect(fault(() => readZipEntry(buf, documentEntry(buf), 100))).toBe('entry');
  });

  it('refuses a damaged local header, truncated data and an unknown compression method', async () => {
    const buf = await zipOf('DEFLATE');
    const entry = documentEntry(buf);
    const header = Buffer.from(buf);
    header.writeUInt32LE(0, entry.local);
    expect(fault(() => readZipEntry(header, entry, 1 << 20))).toBe('entry');
    expect(fault(() => readZipEntry(buf, { ...entry, packed: buf.length }, 1 << 20))).toBe('entry');
    expect(fault(() => readZipEntry(buf, { ...entry, method: 12 }, 1 << 20))).toBe('method');
    // Garbage where the deflated data should be.
    const garbage = Buffer.from(buf);
    const start = entry.local + 30 + buf.readUInt16LE(entry.local + 26) + buf.readUInt16LE(entry.local + 28);
    garbage.fill(0xff, start, start + entry.packed);
    expect(fault(() => readZipEntry(garbage, entry, 1 << 20))).toBe('entry');
  });
});

describe('writeZip', () => {
  it('writes deflated entries with UTF-8 names that this reader and JSZip both read back', async () => {
    const files = [
      { name: 'folder.yaml', data: Buffer.from('id: demo-2026-2030\n') },
      { name: '妇女.yaml', data: Buffer.from(`title: 妇女发展规划\n${'x'.repeat(5000)}`) },
      { name: 'empty.yaml', data: Buffer.alloc(0) },
    ];
    const buf = writeZip(files, new Date(2026, 5, 30, 12, 34, 56));
    const entries = readZipDirectory(buf);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const [i, e] of entries.entries()) {
      expect(e.method).toBe(8);
      expect(readZipEntry(buf, e, 1 << 20).equals(files[i]!.data)).toBe(true);
    }
    // The 5,000 repeated characters are compressed, not stored.
    expect(entries[1]!.packed).toBeLessThan(200);
    const zip = await JSZip.loadAsync(buf);
    expect(await zip.file('妇女.yaml')?.async('string')).toBe(files[1]!.data.toString());
    expect(zip.file('folder.yaml')?.date.getFullYear()).toBe(2026);
  });
});
