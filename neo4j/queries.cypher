// kg: saved analyst queries for Neo4j Browser. Paste one at a time, or star it in Browser's favorites.
// Parameters: set them first, e.g.  :param name => 'Volodymyr Zelensky'   and   :param other => 'Vladimir Putin'

// Who met whom, and how many articles say so
MATCH (a:Person)-[r:MEETS]->(b:Person)
RETURN a.name AS person, b.name AS met, r.sources AS articles, size(r.evidence) AS sentences
ORDER BY articles DESC, sentences DESC;

// All facts about an entity, with the sentences that say them and their sources ($name: a name or alias)
MATCH (e:Entity) WHERE e.name = $name OR $name IN e.aliases
MATCH (e)-[r]-(other:Entity)
MATCH (s:Sentence) WHERE s.id IN r.evidence
MATCH (art:Article)-[:HAS_SENTENCE]->(s)
RETURN type(r) AS fact, startNode(r) = e AS outgoing, other.name AS with, r.role AS role, r.sources AS articles,
       collect(DISTINCT s.text) AS sentences, collect(DISTINCT art.source) AS sources
ORDER BY articles DESC;

// Facts carried by several independent articles
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.sources >= 2
RETURN a.name AS subject, type(r) AS fact, b.name AS object, r.sources AS articles ORDER BY articles DESC;

// Contested facts: one article denies what another reports or plans, with each side's sentences
MATCH (a:Entity)-[r]->(b:Entity) WHERE r.contested
MATCH (s:Sentence) WHERE s.id IN r.evidence
MATCH (art:Article)-[:HAS_SENTENCE]->(s)
RETURN a.name AS subject, type(r) AS fact, b.name AS object, r.reported AS reported, r.planned AS planned, r.denied AS denied,
       r.cues AS cues, collect(art.source + ': ' + s.text) AS sentences;

// Quotes by speaker ($name)
MATCH (q:Quote)-[:SAID_BY]->(e:Entity) WHERE e.name = $name OR $name IN e.aliases
MATCH (q)-[:IN]->(s:Sentence)<-[:HAS_SENTENCE]-(art:Article)
RETURN q.text AS quote, art.source AS source ORDER BY source;

// The most central actors (PageRank over the facts between entities), with their community
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
RETURN node.name AS name, labels(node) AS labels, node.aliases AS aliases, score LIMIT 10;
