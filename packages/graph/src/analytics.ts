/**
 * Who stands out: degree, PageRank and Louvain community of every entity, computed on the entity graph
 * (entities joined by the facts between them, weighted by how many sentences say each fact) and stored
 * on the Entity nodes, so Neo4j Browser and kg view can size and color by them. Deterministic: the same
 * graph gives the same figures and community numbers.
 */
import { createRequire } from 'node:module';
import { UndirectedGraph } from 'graphology';

// Both are CommonJS whose types describe an ES default export; load them the way Node does.
const require = createRequire(import.meta.url);
const louvain = require('graphology-communities-louvain') as (typeof import('graphology-communities-louvain'))['default'];
const pagerank = require('graphology-metrics/centrality/pagerank') as (typeof import('graphology-metrics/centrality/pagerank.js'))['default'];

/** A small seeded generator (mulberry32), so Louvain's random order is the same in every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EntityMetrics {
  degree: number;
  pagerank: number;
  community: number;
}

/** A fact between two entities, weighted by the sentences that state it. */
export interface WeightedFact {
  readonly source: string;
  readonly target: string;
  readonly weight: number;
}

/** Degree, PageRank and community of every entity, from the entities and the facts between them. */
export function entityMetrics(entityIds: readonly string[], factList: readonly WeightedFact[]): Map<string, EntityMetrics> {
  const h = new UndirectedGraph<Record<string, never>, { weight: number }>();
  const entities = [...entityIds].sort();
  for (const n of entities) h.addNode(n);
  const facts: [string, string, number][] = factList.filter((f) => f.source !== f.target).map((f) => [f.source, f.target, Math.max(1, f.weight)]);
  facts.sort((x, y) => (x[0] + '|' + x[1] < y[0] + '|' + y[1] ? -1 : x[0] + '|' + x[1] > y[0] + '|' + y[1] ? 1 : x[2] - y[2]));
  for (const [s, t, w] of facts) {
    if (h.hasEdge(s, t)) h.updateEdgeAttribute(s, t, 'weight', (x) => (x ?? 0) + w);
    else h.addEdge(s, t, { weight: w });
  }
  const ranks = h.order > 0 ? pagerank(h, { getEdgeWeight: 'weight' }) : {};
  const communities = h.size > 0 ? louvain(h, { getEdgeWeight: 'weight', rng: seeded(42) }) : {};
  // Number communities by size (largest 0), ties by their first member, so numbers do not depend on Louvain's labels.
  const members = new Map<number, string[]>();
  for (const n of entities) {
    const c = communities[n] ?? -1 - members.size;
    members.set(c, [...(members.get(c) ?? []), n]);
  }
  const order = [...members.entries()].sort((a, b) => b[1].length - a[1].length || (a[1][0]! < b[1][0]! ? -1 : 1));
  const number = new Map(order.map(([c], i) => [c, i]));
  const out = new Map<string, EntityMetrics>();
  for (const n of entities) {
    out.set(n, { degree: h.degree(n), pagerank: Number((ranks[n] ?? 0).toFixed(6)), community: number.get(communities[n] ?? -1)! });
  }
  // Entities without facts each form their own community.
  for (const [c, list] of members) if (c < 0) for (const n of list) out.get(n)!.community = number.get(c)!;
  return out;
}
