/** Error codes a caller can branch on; messages are for people and may change. */
export type ExtractorErrorCode = 'EMPTY_INPUT' | 'BINARY_INPUT' | 'NOT_UTF8' | 'TOO_LARGE' | 'INVALID_INPUT' | 'INVALID_OUTPUT' | 'MODEL_UNREADABLE';

export class KgExtractorError extends Error {
  override readonly name = 'KgExtractorError';
  readonly code: ExtractorErrorCode;
  /** The file or source the error is about, when known. */
  readonly source: string | undefined;

  constructor(code: ExtractorErrorCode, message: string, options?: { source?: string; cause?: unknown }) {
    super(`kg/extractor: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.source = options?.source;
  }
}
