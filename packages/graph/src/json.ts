import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, KgGraph, NodeAttributes } from './build.js';

/** The graph in graphology's serialization format (what graph.json holds). */
export function toJSON(g: KgGraph): SerializedGraph<NodeAttributes, EdgeAttributes> {
  return g.export();
}

/**
 * graph.json as chunks of text, node by node and edge by edge: the same bytes as
 * `JSON.stringify(toJSON(g))` without the whole text (or a copy of the graph) in memory at once.
 */
export function* jsonChunks(g: KgGraph): Generator<string> {
  yield `{"options":${JSON.stringify({ type: g.type, multi: g.multi, allowSelfLoops: g.allowSelfLoops })},"attributes":${JSON.stringify(g.getAttributes())},"nodes":[`;
  let first = true;
  let chunk = '';
  for (const { node, attributes } of g.nodeEntries()) {
    chunk += `${first ? '' : ','}{"key":${JSON.stringify(node)}${Object.keys(attributes).length ? `,"attributes":${JSON.stringify(attributes)}` : ''}}`;
    first = false;
    if (chunk.length > 1 << 16) yield chunk, (chunk = '');
  }
  chunk += '],"edges":[';
  first = true;
  for (const { edge, attributes, source, target } of g.edgeEntries()) {
    chunk += `${first ? '' : ','}{"key":${JSON.stringify(edge)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)}${Object.keys(attributes).length ? `,"attributes":${JSON.stringify(attributes)}` : ''}}`;
    first = false;
    if (chunk.length > 1 << 16) yield chunk, (chunk = '');
  }
  yield `${chunk}]}`;
}

/** Reads graph.json back into a graph. */
export function fromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes>): KgGraph {
  return MultiDirectedGraph.from(data) as KgGraph;
}
