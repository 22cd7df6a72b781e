import { KgExtractorError } from './errors.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Bytes of one article to text: UTF-8 only (a BOM is dropped), never binary, empty or huge.
 * Throws KgExtractorError naming the source and what was found.
 */
export function decodeArticle(bytes: Uint8Array, source: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new KgExtractorError('TOO_LARGE', `${source} is ${bytes.length} bytes, over the limit of ${maxBytes} (an article is expected)`, { source });
  }
  // UTF-16 with a byte-order mark is decoded; without one it is named, not called binary.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    let t: string;
    try {
      t = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new KgExtractorError('NOT_UTF8', `cannot decode ${source} as ${utf16.toUpperCase()} (it starts with that byte-order mark)`, { source, cause });
    }
    if (t.trim() === '') throw new KgExtractorError('EMPTY_INPUT', `${source} is empty`, { source });
    return t;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && looksUtf16(bytes)) {
    throw new KgExtractorError('NOT_UTF8', `${source} looks like UTF-16 without a byte-order mark; convert it first, e.g. iconv -f utf-16le -t utf-8`, { source });
  }
  if (nul >= 0) throw new KgExtractorError('BINARY_INPUT', `${source} looks binary (NUL byte at offset ${nul}), not text`, { source });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    const byte = at >= 0 ? `byte 0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${at}` : 'invalid sequence';
    throw new KgExtractorError('NOT_UTF8', `cannot decode ${source} as UTF-8 (${byte}); convert it first, e.g. iconv -f latin1 -t utf-8`, { source, cause });
  }
  if (text.trim() === '') throw new KgExtractorError('EMPTY_INPUT', `${source} is empty`, { source });
  return text;
}

/** ASCII text in UTF-16: every other byte of the first ones is NUL. */
function looksUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length - (b.length % 2), 64);
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  return even === n / 2 || odd === n / 2;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return -1;
}
