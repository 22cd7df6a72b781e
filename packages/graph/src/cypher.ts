/**
 * The graph as Cypher: one plan of parameterized statements (`UNWIND $rows ... MERGE`), used both by the
 * Neo4j writer (rows as parameters) and by the script export (rows as escaped literals).
 * Labels and relationship types come only from the fixed vocabulary below, never from data.
 */
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from './contract.js';
import type { KgGraph } from './build.js';
import { assertionKey } from './facts.js';

export type Row = Record<string, unknown>;

export interface Statement {
  /** What the rows are, for progress and summaries ("Entity:Person", "MEETS"). */
  readonly kind: string;
  readonly text: string;
  readonly rows: Row[];
}

export interface Plan {
  /** Constraints and indexes, each its own statement, run before any data. */
  readonly schema: readonly string[];
  readonly statements: readonly Statement[];
}

export const SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT kg_sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT kg_fact_id IF NOT EXISTS FOR (n:Fact) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT kg_quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE',
  'CREATE FULLTEXT INDEX kg_entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
];

const ENTITY_LABEL: Record<EntityType, string> = { Person: 'Person', Organization: 'Organization', Location: 'Location', Product: 'Product' };
const REL_TYPE: Record<RelationType, string> = Object.fromEntries(RELATION_TYPES.map((t) => [t, t])) as Record<RelationType, string>;

const entityStatement = (t: EntityType): string =>
  `UNWIND $rows AS row MERGE (e:Entity {id: row.id}) SET e:${ENTITY_LABEL[t]}, e.name = row.name, e.aliases = row.aliases, ` +
  'e.aliasText = row.aliasText, e.mentionCount = toInteger(row.mentionCount), e.articleCount = toInteger(row.articleCount), e.merges = row.merges, ' +
  'e.degree = toInteger(row.degree), e.pagerank = toFloat(row.pagerank), e.community = toInteger(row.community)';

const TOTALS =
  'evidence: row.evidence, sources: toInteger(row.sources), independentSources: toInteger(row.independentSources), outlets: row.outlets, role: row.role, triggers: row.triggers, reported: toInteger(row.reported), ' +
  'planned: toInteger(row.planned), denied: toInteger(row.denied), contested: row.contested, cues: row.cues, dates: row.dates, ' +
  'eventDate: row.eventDate, eventGranularity: row.eventGranularity, firstReported: row.firstReported, lastReported: row.lastReported, ended: toInteger(row.ended), ' +
  'quantities: row.quantities, caption: row.caption';

const relationStatement = (t: RelationType): string =>
  `UNWIND $rows AS row MATCH (a:Entity {id: row.subject}) MATCH (b:Entity {id: row.object}) MERGE (f:Fact {id: row.id}) ` +
  `SET f += {type: row.type, subject: row.subject, object: row.object, ${TOTALS}} MERGE (f)-[:SUBJECT]->(a) MERGE (f)-[:OBJECT]->(b) ` +
  `MERGE (a)-[r:${REL_TYPE[t]} {fact: row.id}]->(b) SET r += {${TOTALS}}`;

export const STATEMENTS = {
  article:
    'UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a.source = row.source, a.title = row.title, a.sha256 = row.sha256, a.date = row.date, a.bylines = row.bylines, ' +
    'a.outlet = row.outlet, a.attributedTo = row.attributedTo',
  copies: 'UNWIND $rows AS row MATCH (a:Article {id: row.from}) MATCH (b:Article {id: row.to}) MERGE (a)-[c:COPIES]->(b) SET c.share = toFloat(row.share), c.evidence = row.evidence',
  attributesTo:
    'UNWIND $rows AS row MATCH (a:Article {id: row.article}) MATCH (e:Entity {id: row.entity}) MERGE (a)-[r:ATTRIBUTES_TO]->(e) SET r.agency = row.agency, r.cues = row.cues',
  sentence:
    'UNWIND $rows AS row MATCH (a:Article {id: row.article}) MERGE (s:Sentence {id: row.id}) ' +
    'SET s.article = row.article, s.index = toInteger(row.index), s.text = row.text, s.start = toInteger(row.start), s.end = toInteger(row.end), s.key = row.key ' +
    'MERGE (a)-[:HAS_SENTENCE]->(s)',
  mentions:
    'UNWIND $rows AS row MATCH (s:Sentence {id: row.sentence}) MATCH (e:Entity {id: row.entity}) ' +
    'MERGE (s)-[m:MENTIONS {start: toInteger(row.start), end: toInteger(row.end)}]->(e) SET m.text = row.text',
  states:
    'UNWIND $rows AS row MATCH (s:Sentence {id: row.sentence}) MATCH (f:Fact {id: row.fact}) MERGE (s)-[st:STATES {key: row.key}]->(f) ' +
    'SET st += {doc: row.doc, subject: row.subject, object: row.object, modality: row.modality, cue: row.cue, date: row.date, dateValue: row.dateValue, ' +
    'quantities: row.quantities, ended: row.ended, trigger: row.trigger, role: row.role}',
  quote:
    'UNWIND $rows AS row MATCH (s:Sentence {id: row.sentence}) MERGE (q:Quote {id: row.id}) ' +
    'SET q.text = row.text, q.start = toInteger(row.start), q.end = toInteger(row.end) MERGE (q)-[:IN]->(s)',
  saidBy: 'UNWIND $rows AS row MATCH (q:Quote {id: row.quote}) MATCH (e:Entity {id: row.speaker}) MERGE (q)-[:SAID_BY]->(e)',
} as const;

/** The statements that write the graph, in dependency order (nodes before the edges that need them). */
export function planWrites(g: KgGraph): Plan {
  const articles: Row[] = [];
  const sentences: Row[] = [];
  const entities = new Map<EntityType, Row[]>(ENTITY_TYPES.map((t) => [t, []]));
  const mentions: Row[] = [];
  const facts = new Map<RelationType, Row[]>(RELATION_TYPES.map((t) => [t, []]));
  const states: Row[] = [];
  const quotes: Row[] = [];
  const saidBy: Row[] = [];
  const copies: Row[] = [];
  const attributesTo: Row[] = [];
  const quoteSentence = new Map<string, string>();

  g.forEachEdge((_key, a, source, target) => {
    if (a.type === 'IN') quoteSentence.set(source, target);
  });
  g.forEachNode((_key, a) => {
    switch (a.label) {
      case 'Article': {
        const { label: _l, ...row } = a;
        articles.push(row);
        break;
      }
      case 'Sentence': {
        const { label: _l, ...row } = a;
        sentences.push(row);
        break;
      }
      case 'Entity': {
        const { label: _l, type: _t, ...row } = a;
        entities.get(a.type)!.push({ ...row, aliasText: a.aliases.join(' | ') });
        break;
      }
      case 'Fact': {
        const { label: _l, ...row } = a;
        facts.get(a.type)!.push(row);
        break;
      }
      case 'Quote':
        quotes.push({ id: a.id, text: a.text, start: a.start, end: a.end, sentence: quoteSentence.get(a.id) });
        break;
    }
  });
  g.forEachEdge((_key, a, source, target) => {
    if (a.type === 'MENTIONS') mentions.push({ sentence: source, entity: target, start: a.start, end: a.end, text: a.text });
    else if (a.type === 'SAID_BY') saidBy.push({ quote: source, speaker: target });
    else if (a.type === 'COPIES') copies.push({ from: source, to: target, share: a.share, evidence: a.evidence });
    else if (a.type === 'ATTRIBUTES_TO') attributesTo.push({ article: source, entity: target, agency: a.agency, cues: a.cues });
    else if (a.type === 'STATES') {
      const { type: _t, ...rest } = a;
      states.push({ ...rest, sentence: source, fact: target, key: assertionKey({ ...rest, sentence: source }) });
    }
  });

  const statements: Statement[] = [
    { kind: 'Article', text: STATEMENTS.article, rows: articles },
    { kind: 'Sentence', text: STATEMENTS.sentence, rows: sentences },
    { kind: 'COPIES', text: STATEMENTS.copies, rows: copies },
    ...ENTITY_TYPES.map((t) => ({ kind: `Entity:${t}`, text: entityStatement(t), rows: entities.get(t)! })),
    { kind: 'ATTRIBUTES_TO', text: STATEMENTS.attributesTo, rows: attributesTo },
    { kind: 'MENTIONS', text: STATEMENTS.mentions, rows: mentions },
    ...RELATION_TYPES.map((t) => ({ kind: t, text: relationStatement(t), rows: facts.get(t)! })),
    { kind: 'STATES', text: STATEMENTS.states, rows: states },
    { kind: 'Quote', text: STATEMENTS.quote, rows: quotes },
    { kind: 'SAID_BY', text: STATEMENTS.saidBy, rows: saidBy },
  ].filter((s) => s.rows.length > 0);
  return { schema: SCHEMA, statements };
}

/** A Cypher string literal: quotes, backslashes and control characters escaped, everything else kept. */
export function cypherString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + "'";
}

/** A JSON-like value as a Cypher literal. Map keys are our own identifiers, never data. */
export function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return cypherString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`kg/graph: cannot write ${v} as Cypher`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(', ')}]`;
  if (typeof v === 'object') {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`kg/graph: map key ${JSON.stringify(k)} is not an identifier`);
        return `${k}: ${cypherLiteral(x)}`;
      })
      .join(', ')}}`;
  }
  throw new Error(`kg/graph: cannot write a ${typeof v} as Cypher`);
}

/**
 * A script cypher-shell or Neo4j Browser can run: the schema, then each statement with its rows inlined
 * as a literal list, one statement per line, each ending in ";". Idempotent like the writer.
 */
export function toCypher(g: KgGraph, options: { rowsPerStatement?: number } = {}): string {
  return [...cypherChunks(g, options)].join('');
}

/** toCypher's script as chunks of text (one statement each), so that a large graph is written without the whole script in memory. */
export function* cypherChunks(g: KgGraph, { rowsPerStatement = 500 }: { rowsPerStatement?: number } = {}): Generator<string> {
  const plan = planWrites(g);
  yield ['// kg graph: run with cypher-shell -f graph.cypher, or paste into Neo4j Browser (enable multi-statement mode)', ...plan.schema.map((s) => `${s};`)].join('\n') + '\n';
  for (const st of plan.statements) {
    for (let i = 0; i < st.rows.length; i += rowsPerStatement) {
      const rows = cypherLiteral(st.rows.slice(i, i + rowsPerStatement));
      // A function replacement: data may contain "$'" or "$&", which a string replacement would expand.
      yield `${st.text.replace('UNWIND $rows AS row', () => `UNWIND ${rows} AS row`)};\n`;
    }
  }
}

/** Splits a script written by toCypher into its statements (comments dropped). */
export function splitCypherScript(script: string): string[] {
  return script
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('//'))
    .map((l) => l.replace(/;\s*$/, ''));
}
