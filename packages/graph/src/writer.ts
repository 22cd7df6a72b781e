/**
 * Writes a graph to Neo4j: connectivity and credentials checked before anything is written, then the
 * schema, then `UNWIND $rows` batches, each batch one transaction. Every statement MERGEs on ids, so
 * loading the same graph again changes nothing, and a load cut short is completed by running it again.
 */
import type { Driver } from 'neo4j-driver';
import type { KgGraph } from './build.js';
import { planWrites } from './cypher.js';
import { KgGraphError } from './errors.js';

export interface WriterOptions {
  readonly driver: Driver;
  /** Database name; the server's default when omitted. */
  readonly database?: string;
  /** Where the driver points, for error messages ("bolt://localhost:7687"). */
  readonly uri?: string;
}

export interface WriteProgress {
  readonly kind: string;
  readonly done: number;
  readonly total: number;
}

export interface WriteOptions {
  readonly batchSize?: number;
  readonly onProgress?: (p: WriteProgress) => void;
}

export interface WriteSummary {
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  readonly propertiesSet: number;
  readonly rows: number;
  readonly batches: number;
  readonly byKind: Record<string, number>;
}

export interface Writer {
  /** Checks that the server answers and accepts the credentials; throws KgGraphError otherwise. */
  verify(): Promise<void>;
  write(graph: KgGraph, options?: WriteOptions): Promise<WriteSummary>;
}

/** Maps a driver error to a KgGraphError by its code (never by its wording). */
export function classifyNeo4jError(err: unknown, uri: string, database: string | undefined): KgGraphError {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  const where = database ? `${uri} (database ${database})` : uri;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(code)) {
    return new KgGraphError('NEO4J_UNAVAILABLE', `cannot reach Neo4j at ${where}; is it running? (scripts/neo4j.sh start, or docker compose up -d)`, { cause: err });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new KgGraphError('NEO4J_AUTH', `Neo4j at ${where} refused the credentials (${code.split('.').pop()}); check --user/--password or NEO4J_USERNAME/NEO4J_PASSWORD`, { cause: err });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new KgGraphError('NEO4J_DATABASE', `Neo4j at ${uri} has no database ${database ?? '(default)'}; check --database or NEO4J_DATABASE`, { cause: err });
  }
  const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new KgGraphError('NEO4J_WRITE_FAILED', `writing to Neo4j at ${where} failed${code ? ` (${code})` : ''}: ${msg}`, { cause: err });
}

export function createWriter({ driver, database, uri = 'Neo4j' }: WriterOptions): Writer {
  const sessionOptions = database ? { database } : {};
  const verify = async (): Promise<void> => {
    try {
      await driver.verifyConnectivity(sessionOptions);
      // verifyConnectivity does not always authenticate against the database; a read does.
      const session = driver.session({ ...sessionOptions, defaultAccessMode: 'READ' });
      try {
        await session.run('RETURN 1');
      } finally {
        await session.close();
      }
    } catch (err) {
      throw classifyNeo4jError(err, uri, database);
    }
  };
  return {
    verify,
    async write(graph, { batchSize = 1000, onProgress } = {}) {
      await verify();
      const plan = planWrites(graph);
      const total = plan.statements.reduce((n, s) => n + s.rows.length, 0);
      let done = 0;
      let batches = 0;
      const counters = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
      const byKind: Record<string, number> = {};
      const session = driver.session(sessionOptions);
      try {
        for (const s of plan.schema) await session.run(s);
        for (const st of plan.statements) {
          for (let i = 0; i < st.rows.length; i += batchSize) {
            const rows = st.rows.slice(i, i + batchSize);
            const result = await session.executeWrite((tx) => tx.run(st.text, { rows }));
            const u = result.summary.counters.updates();
            counters.nodesCreated += u.nodesCreated;
            counters.relationshipsCreated += u.relationshipsCreated;
            counters.propertiesSet += u.propertiesSet;
            done += rows.length;
            batches++;
            byKind[st.kind] = (byKind[st.kind] ?? 0) + rows.length;
            onProgress?.({ kind: st.kind, done, total });
          }
        }
      } catch (err) {
        throw err instanceof KgGraphError ? err : classifyNeo4jError(err, uri, database);
      } finally {
        await session.close();
      }
      return { ...counters, rows: total, batches, byKind };
    },
  };
}
