// Canonical dumps: one sorted line per node and per relationship with every label and property, for
// the Neo4j store and for a graph in memory, so that two graphs compare line by line.
import neo4j, { type Driver } from 'neo4j-driver';
import type { KgGraph } from '@kg/graph';

const norm = (v: unknown, typed = false): unknown => {
  if (neo4j.isInt(v)) return typed ? `int ${(v as { toNumber(): number }).toNumber()}` : (v as { toNumber(): number }).toNumber();
  if (typed && typeof v === 'number') return `float ${v}`;
  if (Array.isArray(v)) return v.map((x) => norm(x, typed));
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm((v as Record<string, unknown>)[k], typed)]));
  return v;
};

/** The sorted lines of the whole database; `typed` tells integers from floats ("int 3", "float 0.5"). */
export async function dumpNeo4j(driver: Driver, database?: string, { typed = false }: { typed?: boolean } = {}): Promise<string[]> {
  const session = driver.session(database ? { database } : {});
  try {
    const nodes = await session.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
    const rels = await session.run('MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS a, type(r) AS type, coalesce(b.id, b.key) AS b, properties(r) AS props');
    return [
      ...nodes.records.map((r) => `N ${[...(r.get('labels') as string[])].sort().join(':')} ${JSON.stringify(norm(r.get('props'), typed))}`),
      ...rels.records.map((r) => `R ${String(r.get('a'))} -${String(r.get('type'))}-> ${String(r.get('b'))} ${JSON.stringify(norm(r.get('props'), typed))}`),
    ].sort();
  } finally {
    await session.close();
  }
}

/** The sorted lines of a graph in memory (graph.json). */
export function dumpGraph(g: KgGraph): string[] {
  const lines: string[] = [];
  g.forEachNode((key, a) => void lines.push(`N ${key} ${JSON.stringify(norm(a))}`));
  g.forEachEdge((key, a, s, t) => void lines.push(`R ${s} -${a.type}-> ${t} ${key} ${JSON.stringify(norm(a))}`));
  return lines.sort();
}

/** Empties the database (data only; constraints and indexes stay). */
export async function clearNeo4j(driver: Driver, database?: string): Promise<void> {
  const session = driver.session(database ? { database } : {});
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/** The lines only in `a` and only in `b` (multisets). */
export function diffDumps(a: readonly string[], b: readonly string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1);
  for (const l of b) count.set(l, (count.get(l) ?? 0) - 1);
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  for (const [l, c] of count) {
    for (let i = 0; i < c; i++) onlyA.push(l);
    for (let i = 0; i < -c; i++) onlyB.push(l);
  }
  return { onlyA: onlyA.sort(), onlyB: onlyB.sort() };
}
