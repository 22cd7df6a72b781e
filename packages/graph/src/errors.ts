/** Error codes a caller can branch on; messages are for people and may change. */
export type GraphErrorCode =
  | 'INVALID_EXTRACTION'
  | 'STORE_UNREADABLE'
  | 'STORE_LOCKED'
  | 'STORE_OUTDATED'
  | 'NEO4J_UNAVAILABLE'
  | 'NEO4J_AUTH'
  | 'NEO4J_DATABASE'
  | 'NEO4J_WRITE_FAILED';

export class KgGraphError extends Error {
  override readonly name = 'KgGraphError';
  readonly code: GraphErrorCode;

  constructor(code: GraphErrorCode, message: string, options?: { cause?: unknown }) {
    super(`kg/graph: ${message}`, options);
    this.code = code;
  }
}
