import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, KgGraph, NodeAttributes } from './build.js';

/** The graph in graphology's serialization format (what graph.json holds). */
export function toJSON(g: KgGraph): SerializedGraph<NodeAttributes, EdgeAttributes> {
  return g.export();
}

/** Reads graph.json back into a graph. */
export function fromJSON(data: SerializedGraph<NodeAttributes, EdgeAttributes>): KgGraph {
  return MultiDirectedGraph.from(data) as KgGraph;
}
