// kg's graph package: the extraction contract, one graph from many articles, and its ways out
// (graphology JSON, a Cypher script, a Neo4j database).

// The contract shared with the extractor
export { ENTITY_TYPES, MODALITIES, RELATION_TYPES, SYMMETRIC_RELATIONS, extractionSchema, checkExtraction } from './contract.js';
export type { ArticleDocument, Entity, EntityType, Evidence, Extraction, Mention, Modality, Quote, Relation, RelationType, Span } from './contract.js';

// Build: many articles into one graph
export { mergeExtractions } from './merge.js';
export { buildGraph, summarize } from './build.js';
export type { KgGraph, NodeAttributes, EdgeAttributes, GraphSummary } from './build.js';

// Export: graphology JSON and Cypher
export { toJSON, fromJSON } from './json.js';
export { planWrites, toCypher, splitCypherScript } from './cypher.js';
export type { Plan, Statement } from './cypher.js';

// Write: Neo4j
export { createWriter } from './writer.js';
export type { Writer, WriterOptions, WriteOptions, WriteProgress, WriteSummary } from './writer.js';

// Errors
export { KgGraphError } from './errors.js';
export type { GraphErrorCode } from './errors.js';
