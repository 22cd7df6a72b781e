// kg's graph package: the extraction contract, one graph from many articles, and its ways out
// (graphology JSON, a Cypher script, a Neo4j database).

// The contract shared with the extractor
export { ENTITY_TYPES, MODALITIES, RELATION_TYPES, SYMMETRIC_RELATIONS, extractionSchema, checkExtraction } from './contract.js';
export type { ArticleDocument, Entity, EntityType, Evidence, Extraction, Mention, Modality, Quote, Relation, RelationType, Span } from './contract.js';

// Build: many articles into one graph
export { distinctArticles, graphToExtractions, mergeExtractions, splitByDocument } from './merge.js';
export { buildGraph, summarize, isFactEdge, validateExtraction } from './build.js';
export type { KgGraph, NodeAttributes, EdgeAttributes, FactEdgeAttributes, GraphSummary } from './build.js';
export type { Assertion, FactTotals } from './facts.js';

// Stores: a graph that grows with each load and equals the graph of all its articles built at once
export { createFileStore, ARTICLES_FILE } from './files.js';
export type { FileStore, FileStoreOptions, FileStoreResult } from './files.js';
// The Neo4j store is at '@kg/graph/neo4j' (it needs neo4j-driver, a peer dependency).

// Export: graphology JSON and Cypher
export { toJSON, fromJSON } from './json.js';
export { planWrites, toCypher, splitCypherScript } from './cypher.js';
export type { Plan, Statement } from './cypher.js';

// The database's own bulk path: the store's image as CSV for neo4j-admin's offline import
export { storeImage } from './image.js';
export type { StoreImage } from './image.js';
export { adminImport } from './admin-import.js';
export type { AdminImport, ImportFile } from './admin-import.js';

// Errors
export { KgGraphError } from './errors.js';
export type { GraphErrorCode } from './errors.js';
