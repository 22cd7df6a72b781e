// The kg extractor: English news text to entities, relations and quotes.

// Extraction
export { createDocument, createExtractor, documentId, WINK_PIPE } from './extract.js';
export type { ArticleInput, Extractor, ExtractorOptions } from './extract.js';

// The name tagger: a model file shipped in this package, passed in like the NLP model
export { loadNerModel, DEFAULT_MODEL_FILE } from './ner/model-file.js';
export type { NerModel, ModelCard } from './ner/tagger.js';

// The dependency parser (with its part-of-speech tagger): shipped in this package, passed in the same way
export { loadDepModel, DEFAULT_PARSER_FILE } from './parse/model-file.js';
export type { DepModel, ParserCard } from './parse/parser.js';

// Input: files and folders to extractions, as kg build reads them
export { decodeArticle, DEFAULT_MAX_BYTES } from './decode.js';
export { extractFiles } from './inputs.js';
export type { ExtractFilesOptions, ExtractFilesResult, InputProblem } from './inputs.js';

// Every core: worker threads, each with its own NLP and name model
export { createExtractorPool } from './pool.js';
export type { ExtractorPool, ExtractorPoolOptions } from './pool.js';

// Errors
export { KgExtractorError } from './errors.js';
export type { ExtractorErrorCode } from './errors.js';
