import Database from 'better-sqlite3';
import fs from 'node:fs';

/** Where one byte was changed, and what it was. */
export interface IndexFlip {
  index: string;
  page: number;
  offset: number;
  before: number;
  after: number;
}

function varint(buf: Buffer, at: number): [value: number, length: number] {
  let value = 0;
  for (let i = 0; i < 8; i++) {
    const byte = buf[at + i];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  return [value * 256 + buf[at + 8], 9];
}

/**
 * Changes one byte of a text key inside a leaf cell of an index b-tree, as a failing disk would:
 * the page stays well-formed (quick_check passes), but the entry no longer matches its table row
 * (integrity_check: "row … missing from index"). The index's root page comes from
 * sqlite_schema.rootpage; interior index pages (type 0x02) are followed down their leftmost child
 * to a leaf (0x0a); `cell` picks the cell there (counted from the middle). The database must be
 * closed (no -wal).
 */
export function flipIndexByte(file: string, index: string, cell = 0): IndexFlip {
  const { pageSize, root } = readOnlyLook(file, (db) => ({
    pageSize: db.pragma('page_size', { simple: true }) as number,
    root: db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(index) as number | undefined,
  }));
  if (!root) throw new Error(`no index ${index}`);
  const bytes = fs.readFileSync(file);
  let page = root;
  for (;;) {
    const start = (page - 1) * pageSize;
    const header = start + (page === 1 ? 100 : 0);
    const type = bytes[header];
    if (type === 0x0a) break;
    if (type !== 0x02) throw new Error(`page ${page} of ${index} has type ${type}`);
    page = bytes.readUInt32BE(start + bytes.readUInt16BE(header + 12));
  }
  const start = (page - 1) * pageSize;
  const header = start + (page === 1 ? 100 : 0);
  const count = bytes.readUInt16BE(header + 3);
  if (count === 0) throw new Error(`${index} is empty`);
  const chosen = (Math.floor(count / 2) + cell) % count;
  let at = start + bytes.readUInt16BE(header + 8 + 2 * chosen);
  const [, payloadLength] = varint(bytes, at);
  at += payloadLength;
  const [headerSize, headerLength] = varint(bytes, at);
  let typeAt = at + headerLength;
  let body = at + headerSize;
  while (typeAt < at + headerSize) {
    const [serial, length] = varint(bytes, typeAt);
    typeAt += length;
    const size = serial >= 12 ? Math.floor((serial - 12) / 2) : [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][serial] ?? 0;
    if (serial >= 13 && serial % 2 === 1 && size > 1) {
      // The last character of the text, ASCII to another ASCII letter or digit: still valid UTF-8.
      const offset = body + size - 1;
      const before = bytes[offset];
      const after = before >= 0x30 && before <= 0x39 ? 0x30 + ((before - 0x30 + 5) % 10) : before ^ 0x01;
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.from([after]), 0, 1, offset);
      fs.closeSync(fd);
      return { index, page, offset, before, after };
    }
    body += size;
  }
  throw new Error(`no text key in ${index}, page ${page}, cell ${chosen}`);
}

export function checks(file: string): { quick: string; integrity: string } {
  return readOnlyLook(file, (db) => ({
    quick: (db.pragma('quick_check(1)') as { quick_check: string }[])[0].quick_check,
    integrity: (db.pragma('integrity_check(1)') as { integrity_check: string }[])[0].integrity_check,
  }));
}

/** Reads on a read-only connection and removes the empty -wal and -shm such a connection leaves behind (the file must be closed elsewhere). */
function readOnlyLook<T>(file: string, look: (db: Database.Database) => T): T {
  const had = [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
    if (had.length === 0 && fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size === 0) for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
}
