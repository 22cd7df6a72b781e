// kg: saved analyst queries for Neo4j Browser. Paste one at a time, or star it in Browser's favorites.
// Parameters: set them first, e.g.  :param name => 'Volodymyr Zelensky'   and   :param other => 'Vladimir Putin'

// Who met whom, how many articles say so and how many of them independently, and whether it happened, is planned or is denied
MATCH (a:Person)-[r:MEETS]->(b:Person)
RETURN a.name AS person, b.name AS met, r.sources AS articles, r.independentSources AS independent, r.reported AS reported, r.planned AS planned, r.denied AS denied, r.contested AS contested
ORDER BY independent DESC, articles DESC, reported DESC;

// All facts about an entity, each with the sentences that state it (one hop) and how they state it ($name: a name or alias)
MATCH (e:Entity) WHERE e.name = $name OR $name IN e.aliases
MATCH (e)<-[:SUBJECT|OBJECT]-(f:Fact)-[:SUBJECT|OBJECT]->(other:Entity) WHERE other <> e
MATCH (f)<-[st:STATES]-(s:Sentence)<-[:HAS_SENTENCE]-(art:Article)
RETURN f.type AS fact, f.subject = e.id AS outgoing, other.name AS with, f.role AS role, f.sources AS articles, f.contested AS contested,
       collect(st.modality + ' (' + art.source + '): ' + s.text) AS sentences
ORDER BY articles DESC;

// Facts carried by several articles: "5 articles, 3 independent", and the wire services among them
MATCH (f:Fact) WHERE f.sources >= 2
MATCH (f)-[:SUBJECT]->(a:Entity), (f)-[:OBJECT]->(b:Entity)
RETURN a.name AS subject, f.type AS fact, b.name AS object, f.sources + ' articles, ' + f.independentSources + ' independent' AS support,
       f.outlets AS outlets, f.reported AS reported, f.planned AS planned, f.denied AS denied
ORDER BY f.independentSources DESC, f.sources DESC;

// Copied stories: which article copies which, how much of it, and why; and whose reporting each carries
MATCH (copy:Article)-[c:COPIES]->(original:Article)
OPTIONAL MATCH (copy)-[:ATTRIBUTES_TO]->(wire:Organization)
RETURN copy.source AS copy, original.source AS original, c.share AS share, c.evidence AS evidence, collect(wire.name) AS attributesTo
ORDER BY share DESC;

// Contested facts: one article denies what another reports or plans, with each side's sentences
MATCH (f:Fact) WHERE f.contested
MATCH (f)-[:SUBJECT]->(a:Entity), (f)-[:OBJECT]->(b:Entity)
MATCH (f)<-[st:STATES]-(s:Sentence)<-[:HAS_SENTENCE]-(art:Article)
RETURN a.name AS subject, f.type AS fact, b.name AS object, f.reported AS reported, f.planned AS planned, f.denied AS denied,
       f.cues AS cues, collect(st.modality + ' in ' + art.source + ': ' + s.text) AS sentences
ORDER BY subject, fact, object;

// Quotes by speaker ($name)
MATCH (q:Quote)-[:SAID_BY]->(e:Entity) WHERE e.name = $name OR $name IN e.aliases
MATCH (q)-[:IN]->(s:Sentence)<-[:HAS_SENTENCE]-(art:Article)
RETURN q.text AS quote, art.source AS source ORDER BY source;

// The most central actors (PageRank over the facts of the whole graph), with their community
MATCH (e:Entity) WHERE e.degree > 0
RETURN e.name AS entity, labels(e) AS labels, e.pagerank AS pagerank, e.degree AS degree, e.community AS community
ORDER BY pagerank DESC LIMIT 20;

// The shortest chain of facts between two entities ($name and $other)
MATCH (a:Entity) WHERE a.name = $name OR $name IN a.aliases
MATCH (b:Entity) WHERE b.name = $other OR $other IN b.aliases
MATCH p = shortestPath((a)-[:MEETS|VISITS|HOLDS_ROLE|NEGOTIATES_WITH|SIGNS_AGREEMENT|SANCTIONS|ATTACKS|PROVIDES_AID|CRITICIZES|LOCATED_IN*..6]-(b))
RETURN p;

// Search any name or alias (full-text index)
CALL db.index.fulltext.queryNodes('kg_entity_names', $name) YIELD node, score
RETURN node.name AS name, labels(node) AS labels, node.aliases AS aliases, node.merges AS merges, score LIMIT 10;
