// Reading zip archives (an .xlsx and a .docx are zips): the central directory and single entries, stored or
// deflated. Every upload that is a zip is read here, so every offset and size from the file is checked before it
// is used, and an entry is inflated no further than it declares: a damaged or hostile file fails with a ZipError,
// never with a crash or a huge allocation. Pure: Buffer and zlib only.

import zlib from 'node:zlib';

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The 32-bit size that means "see the ZIP64 extra field": 4 GB or more. */
const ZIP64 = 0xffffffff;

/** What is wrong: no end record, a damaged directory, a damaged or lying entry, an unknown compression method. */
export type ZipFault = 'end' | 'directory' | 'entry' | 'method';

/** The bytes are not a readable zip; callers turn the fault into their own message. */
export class ZipError extends Error {
  constructor(
    readonly fault: ZipFault,
    message: string,
  ) {
    super(message);
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name as stored (UTF-8). */
  name: string;
  /** 0 stored, 8 deflated; readZipEntry refuses any other. */
  method: number;
  crc: number;
  /** Compressed size. */
  packed: number;
  /** Declared unpacked size. */
  size: number;
  /** Offset of the local header. */
  local: number;
}

/** The central directory's entries in file order (duplicates kept); throws ZipError when it cannot be read. */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  // The end record is 22 bytes followed by a comment of at most 65,535 bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('end', 'no end of central directory record');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  // The directory lies before its end record (a ZIP64 offset, 0xffffffff, never does).
  if (p + buf.readUInt32LE(end + 12) > end) throw new ZipError('directory', 'central directory out of place');
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('directory', `entry ${k}`);
    const nameLength = buf.readUInt16LE(p + 28);
    if (p + 46 + nameLength > buf.length) throw new ZipError('directory', `entry ${k}: name`);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      packed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The directory, or null when the bytes are not a readable zip. */
function directoryOrNull(buf: Buffer): ZipEntry[] | null {
  try {
    return readZipDirectory(buf);
  } catch (error) {
    if (error instanceof ZipError) return null;
    throw error;
  }
}

/** The entry names in file order, or null when the bytes are not a readable zip. */
export function zipEntryNames(buf: Buffer): string[] | null {
  return directoryOrNull(buf)?.map((e) => e.name) ?? null;
}

/**
 * The sum of the entries' declared unpacked sizes, to refuse a zip bomb before inflating anything: null when the
 * zip is unreadable or empty, +Infinity when an entry is ZIP64 (4 GB or more: far beyond any upload).
 */
export function zipUnpackedSize(buf: Buffer): number | null {
  const entries = directoryOrNull(buf);
  if (!entries || entries.length === 0) return null;
  let total = 0;
  for (const e of entries) {
    if (e.size === ZIP64) return Number.POSITIVE_INFINITY;
    total += e.size;
  }
  return total;
}

/**
 * An entry's unpacked bytes, checked against its declared size and CRC. An entry declaring more than maxBytes is
 * refused, and inflating stops one byte past the declared size, so a lying entry costs no more than it declares.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  const at = entry.local;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipError('entry', `${entry.name}: header`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.packed > buf.length) throw new ZipError('entry', `${entry.name}: truncated`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError('method', `${entry.name}: compression method ${entry.method}`);
  }
  if (entry.size > maxBytes) throw new ZipError('entry', `${entry.name}: declares ${entry.size} bytes`);
  const packed = buf.subarray(start, start + entry.packed);
  let data = packed;
  if (entry.method === 8) {
    try {
      // One byte more than declared (and at least 1, which zlib requires): a longer output shows the lie.
      data = zlib.inflateRawSync(packed, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      throw new ZipError('entry', `${entry.name}: ${(error as Error).message}`);
    }
  }
  if (data.length !== entry.size || zlib.crc32(data) !== entry.crc) {
    throw new ZipError('entry', `${entry.name}: size or CRC differs from the directory`);
  }
  return data;
}

/** Whether the bytes start like a zip archive (an .xlsx or .docx is one); the file name is not trusted. */
export function looksLikeZip(buf: Buffer): boolean {
  return buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/**
 * A zip archive of the given files, each deflated, names in UTF-8 (flag bit 11, so Windows' Explorer shows
 * Chinese names). For small downloads built in memory (a plan folder's YAML files): no ZIP64, no streaming.
 */
export function writeZip(files: readonly { name: string; data: Buffer }[], date = new Date()): Buffer {
  // MS-DOS time and date, local fields as the archive tools show them.
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const day = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const packed = zlib.deflateRawSync(file.data);
    const crc = zlib.crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
