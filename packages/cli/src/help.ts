export const HELP = {
  main: `kg: news articles in, a knowledge graph out

Usage: kg <command> PATH... [options]

Commands:
  extract   print the entities, relations and quotes found in articles (JSON)
  build     build the graph in memory and write graph.json and graph.cypher (no server needed)
  view      write a self-contained HTML page of the graph: search an entity, see its facts
  load      write the graph into Neo4j (idempotent: loading twice changes nothing)

PATH is a text file, a folder (read recursively: *.txt, *.text, *.md), or - for standard input.

Examples:
  kg build seeds                      # -> kg-out/graph.json, kg-out/graph.cypher
  kg view seeds                       # -> kg-view/index.html
  kg extract seeds --format json > out.json
  kg load seeds --uri bolt://localhost:7687 --password secret

Exit codes: 0 done; 1 some inputs could not be read (the others were processed); 2 usage; 3 Neo4j error.
Run kg <command> --help for the options of a command.`,

  extract: `Usage: kg extract PATH... [--format json|jsonl]

Prints what was found in the articles on standard output.
  --format json    one document for the whole input: entities merged across articles (default)
  --format jsonl   one line per article, as each is read (entities not merged across articles)

  --date YYYY-MM-DD  the articles' date: "on Wednesday", "Nov. 19", "last month" are resolved against it
                   (otherwise against a date line at the top of each file; otherwise kept as written)

Each entity has an id that stays the same across runs, a type (Person, Organization, Location,
Product), a name, its aliases and its mentions as character offsets into the text. Each relation has
the sentence(s) that say it; each quote its speaker when one is named.

Examples:
  kg extract seeds --format json > out.json
  cat article.txt | kg extract -
  kg extract news/ --format jsonl | jq .entities[].name`,

  build: `Usage: kg build PATH... [--out DIR]

Builds the graph in memory (no server) and writes:
  DIR/graph.json     the graph in graphology's JSON format
  DIR/graph.cypher   a Cypher script that recreates it: cypher-shell -f DIR/graph.cypher
then prints a summary: articles, entities by type, relations by type, the most connected entities.
  --out DIR          where to write (default: kg-out)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates (see kg extract --help)

Examples:
  kg build seeds
  kg build ../news --out /tmp/news-graph`,

  view: `Usage: kg view PATH... [--out DIR]

Builds the graph (no server) and writes DIR/index.html, one self-contained page (sigma.js, no network):
entities drawn by type and sized by PageRank; type a name or alias in the search box and press Enter,
or click a node, to see its facts with the sentences that say them and the articles they come from.
  --out DIR          where to write (default: kg-view)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates

Examples:
  kg view seeds && xdg-open kg-view/index.html
  kg view ../news --out /tmp/news-view`,

  load: `Usage: kg load PATH... [--uri URI] [--user USER] [--password PASSWORD] [--database NAME]

Writes the graph into Neo4j: uniqueness constraints and a full-text index first, then batches of
MERGE statements, each batch one transaction. Loading the same input twice leaves the same counts.
The server and the credentials are checked before anything is read or written.
  --uri URI          default: $NEO4J_URI, else bolt://localhost:7687
  --user USER        default: $NEO4J_USERNAME, else neo4j
  --password PASS    default: $NEO4J_PASSWORD
  --database NAME    default: $NEO4J_DATABASE, else the server's default database
  --batch-size N     rows per transaction (default 1000)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates

Examples:
  docker compose up -d && kg load seeds --password kg-password
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=secret kg load news/`,
} as const;
