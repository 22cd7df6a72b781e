import { decodeArticle, KgExtractorError } from './index.js';

const codeOf = (bytes: Uint8Array, max?: number): string => {
  try {
    decodeArticle(bytes, 'x.txt', max);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(KgExtractorError);
    expect((e as KgExtractorError).message).toMatch(/^kg\/extractor: .*x\.txt/);
    return (e as KgExtractorError).code;
  }
};

describe('decodeArticle', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeArticle(Buffer.from('\uFEFFErdoğan visited Türkiye.', 'utf8'), 'a.txt')).toBe('Erdoğan visited Türkiye.');
  });
  it('refuses empty, binary, Latin-1 and huge input with a code', () => {
    expect(codeOf(Buffer.from('  \n'))).toBe('EMPTY_INPUT');
    expect(codeOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe('BINARY_INPUT');
    expect(codeOf(Buffer.from('Café in Paris', 'latin1'))).toBe('NOT_UTF8');
    expect(codeOf(Buffer.alloc(2000, 0x61), 1000)).toBe('TOO_LARGE');
  });
  it('names the offending byte and its offset', () => {
    expect(() => decodeArticle(Buffer.from('Caf\xe9', 'latin1'), 'sport/199.txt')).toThrow(/byte 0xE9 at offset 3/);
  });
});
