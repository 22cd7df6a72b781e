// @kg/graph/neo4j: the Neo4j store, behind its own entry so that users of the graph and the file store
// need no driver. neo4j-driver (5 or 6) is a peer dependency: the application brings its own driver.
export { createStore, STORE_FORMAT } from './store.js';
export type { Store, StoreOptions, AddOptions, StoreProgress, StoreSummary } from './store.js';
export { classifyNeo4jError } from './neo4j-errors.js';
