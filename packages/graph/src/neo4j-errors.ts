import { KgGraphError } from './errors.js';

/** Maps a driver error to a KgGraphError by its code (never by its wording). */
export function classifyNeo4jError(err: unknown, uri: string, database: string | undefined): KgGraphError {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  const where = database ? `${uri} (database ${database})` : uri;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(code)) {
    return new KgGraphError('NEO4J_UNAVAILABLE', `cannot reach Neo4j at ${where}; is it running? (scripts/neo4j.sh start, or docker compose up -d)`, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new KgGraphError('NEO4J_AUTH', `Neo4j at ${where} refused the credentials (${code.split('.').pop()}); check the user and password the driver was given`, { cause: err });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new KgGraphError('NEO4J_DATABASE', `Neo4j at ${uri} has no database ${database ?? '(default)'}; check the database option`, { cause: err });
  }
  const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new KgGraphError('NEO4J_WRITE_FAILED', `writing to Neo4j at ${where} failed${code ? ` (${code})` : ''}: ${msg}`, { cause: err });
}
