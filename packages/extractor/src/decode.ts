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
  const nul = bytes.indexOf(0);
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
