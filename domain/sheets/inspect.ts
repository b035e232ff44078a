/**
 * What a workbook sent to the bot is, before anything reads it: an .xlsx
 * (a zip archive), or something we refuse with a clear reason. Checked on
 * the bytes, never trusting the name alone: a password-protected workbook is
 * an OLE compound file holding "EncryptionInfo" (Excel encrypts the whole
 * package), an old .xls is an OLE file without it, and a workbook with
 * macros carries xl/vbaProject.bin (names in a zip are stored as plain text).
 */

export type FileRefusal = 'too-big' | 'not-xlsx' | 'old-xls' | 'encrypted' | 'macros' | 'empty';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const utf16 = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

/** null when the bytes are an .xlsx we may read; else why not. `size` lets a caller refuse before downloading. */
export function inspectWorkbook(file: { fileName: string; bytes?: Uint8Array; size?: number }, maxBytes: number): FileRefusal | null {
  const size = file.bytes?.length ?? file.size;
  if (size !== undefined && size > maxBytes) return 'too-big';
  const name = file.fileName.toLowerCase();
  if (/\.xl[st]m$/.test(name)) return 'macros';
  const bytes = file.bytes;
  if (!bytes) return /\.xlsx$/.test(name) ? null : name.endsWith('.xls') ? 'old-xls' : 'not-xlsx';
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE)) return contains(bytes, utf16('EncryptionInfo')) ? 'encrypted' : 'old-xls';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'not-xlsx';
  if (contains(bytes, ascii('xl/vbaProject.bin'))) return 'macros';
  if (!contains(bytes, ascii('xl/workbook.xml'))) return 'not-xlsx';
  return null;
}
