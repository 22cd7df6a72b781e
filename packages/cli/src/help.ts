export const HELP = {
  main: `kg: news articles in, a knowledge graph out

Usage: kg <command> PATH... [options]

Commands:
  extract   print the entities, relations and quotes found in articles (JSON)
  build     build the graph of these articles into a folder: graph.json, graph.cypher (no server needed)
  add       add articles to the graph in a folder (today's news to the graph kg build started)
  view      write a self-contained HTML page of the graph: search an entity, see its facts
  load      add articles to the graph in Neo4j (loading twice, or in any order, gives the same graph)
  forget    remove articles, and what only they said, from the folder or from Neo4j
  export    write the graph as CSV files for neo4j-admin's offline import into a new database

PATH is a text file, a folder (read recursively: *.txt, *.text, *.md), or - for standard input;
a .jsonl or .json file is read as kg's own extractions (kg extract --format jsonl|json).

Examples:
  kg build seeds                      # -> kg-out/graph.json, kg-out/graph.cypher, kg-out/articles.jsonl
  kg add news/2025-11-19              # the day's articles join the graph in kg-out
  kg forget news/2025-11-19/x.txt --out kg-out
  kg view seeds                       # -> kg-view/index.html
  kg extract seeds --format json > out.json
  kg load seeds --uri bolt://localhost:7687 --password secret
  kg export news/ --neo4j-import out/import && out/import/import.sh neo4j

Exit codes: 0 done; 1 some inputs could not be read (the others were processed); 2 usage; 3 Neo4j error.
Run kg <command> --help for the options of a command.`,

  extract: `Usage: kg extract PATH... [--format json|jsonl]

Prints what was found in the articles on standard output.
  --format json    one document for the whole input: entities merged across articles (default)
  --format jsonl   one line per article, as each is read (entities not merged across articles)

  --date YYYY-MM-DD  the articles' date: "on Wednesday", "Nov. 19", "last month" are resolved against it
                   (otherwise against a date line in the first lines of each file, "2025-11-18" or
                   "Published: 18 November 2025"; otherwise kept as written; "in October 2004" needs none)
  --ner-model FILE|none the name tagger that completes the rules: types the names they leave open and
                   adds the names they miss, where it is sure enough (default: the model shipped in
                   @kg/extractor/models/ner.bin.gz; none: the rules alone, faster, fewer names found;
                   also for build, add, view and load)
  --parser FILE|none the dependency parser that reads who did what to whom from each sentence's grammar
                   (default: the model shipped in @kg/extractor/models/dep.bin.gz; none: word-order rules
                   alone, about twice as fast, fewer facts; also for build, add, view and load)
  --jobs N           worker threads extracting at once (default: the machine's cores; 1 = this thread);
                   the output is the same for any N (also for build, add, view and load)

Each entity has an id that stays the same across runs, a type (Person, Organization, Location,
Product), a name, its aliases and its mentions as character offsets into the text. Each relation has
the sentence(s) that say it; each quote its speaker when one is named. Each document has the wire
service it is (outlet: "/AFP", "(AP) —") and those it attributes reporting to ("told Reuters").

Examples:
  kg extract seeds --format json > out.json
  cat article.txt | kg extract -
  kg extract news/ --format jsonl | jq .entities[].name`,

  build: `Usage: kg build PATH... [--out DIR]

Builds the graph of these articles in memory (no server) and writes, replacing what DIR held:
  DIR/graph.json      the graph in graphology's JSON format
  DIR/graph.cypher    a Cypher script that recreates it in an empty database: cypher-shell -f DIR/graph.cypher
  DIR/articles.jsonl  the articles' extractions, so that kg add can grow the graph later
then prints a summary: articles and the stories they make (an article that copies another's sentences
or carries the same wire story is linked to it by COPIES), entities by type, relations by type, the
most connected entities. Each fact counts its articles (sources) and the independent ones among them.
  --out DIR          where to write (default: kg-out)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates (see kg extract --help)

Examples:
  kg build seeds
  kg build ../news --out /tmp/news-graph`,

  add: `Usage: kg add PATH... [--out DIR]

Adds articles to the graph in DIR (made by kg build or kg add; created when missing) and rewrites
DIR/graph.json, DIR/graph.cypher and DIR/articles.jsonl. The result is always the graph kg build
would make of all the articles DIR holds, whatever order they were added in: entities resolve
against the stored ones ("Zelenskyy" today joins "Volodymyr Zelensky" of last week), facts keep every
article's sentences, analytics cover the whole graph. An article already held is left as it is; a
new text from a source (file path) already held replaces the old one. Two runs at once take turns.
  --out DIR          the folder (default: kg-out)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates

Examples:
  kg build seeds && kg add news/2025-11-19 && kg add news/2025-11-20
  kg forget news/2025-11-19/x.txt --out kg-out      # take one back`,

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

Adds articles to the graph in Neo4j. The database always holds the graph of one load of every
article it holds, whatever the order, the split into loads or repeats: entities resolve against
the stored ones, facts keep every article's sentences, and degree, PageRank and community are
recomputed over the whole graph at the end. Each batch of articles is one transaction, so an
article is in whole or not at all; a load that was killed is completed by running it again; two
loads at once take turns. A new text from a source already loaded replaces the old one. The server
and the credentials are checked before anything is read or written. A first load into an empty
database computes the whole graph in memory and writes it at once (about three times faster); if it is
killed, the next kg load undoes what it wrote and loads again. For a new database of many articles,
kg export --neo4j-import is faster still (about 2.5x at 10 to 50 times the BBC corpus).
  --uri URI          default: $NEO4J_URI, else bolt://localhost:7687
  --user USER        default: $NEO4J_USERNAME, else neo4j
  --password PASS    default: $NEO4J_PASSWORD
  --database NAME    default: $NEO4J_DATABASE, else the server's default database
  --batch-size N     articles per transaction (default 100)
  --date YYYY-MM-DD  the articles' date, for resolving relative dates

Examples:
  docker compose up -d && kg load seeds --password kg-password
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=secret kg load news/2025-11-19
  kg forget news/2025-11-19/x.txt --neo4j`,

  export: `Usage: kg export PATH... --neo4j-import DIR

Writes the graph kg load would make of these articles (the same nodes, ids, properties and the store's
bookkeeping) as the CSV files of neo4j-admin's offline import, the database's own bulk path for a new
database: no server runs while it writes, and from some 20,000 articles on it takes about 40% of a
first kg load's time. The database it makes then grows with kg load as usual.
  --neo4j-import DIR  where to write: nodes-*.csv, relationships-*.csv, and
                      DIR/import.sh            runs neo4j-admin database import full with those files
                      DIR/after-import.cypher  kg's constraints and indexes, and the empty lists CSV cannot
                                               hold (the next kg load or kg forget does this by itself)
  --date YYYY-MM-DD   the articles' date, for resolving relative dates
PATH may be kg's own extractions (.jsonl from kg extract --format jsonl), so that extraction runs on
many machines and the import where the database is.

Steps (neo4j-admin imports only into a new or empty database, with the server stopped):
  kg export news/ --neo4j-import out/import
  neo4j stop
  out/import/import.sh neo4j --overwrite-destination     # NEO4J_ADMIN=/path/to/neo4j-admin if not on PATH
  neo4j start
  cypher-shell -u neo4j -p PASSWORD -f out/import/after-import.cypher

Examples:
  kg extract news/ --format jsonl > news.jsonl && kg export news.jsonl --neo4j-import /tmp/import
  scripts/neo4j.sh import /tmp/import         # the same, for the Neo4j of scripts/neo4j.sh`,

  forget: `Usage: kg forget SOURCE... (--out DIR | --neo4j [--uri URI] [--user USER] [--password PASSWORD] [--database NAME])

Removes articles by their source (the file path as it was given to kg build, add or load) or their
id (d-...), with everything only they supported: mentions, quotes, facts no other article states,
entities no article names any more. What remains is the graph of the remaining articles.
  --out DIR          forget from the folder written by kg build or kg add
  --neo4j            forget from Neo4j (settings as for kg load: flags, then NEO4J_* variables, then .env)

Examples:
  kg forget seeds/003.txt --out kg-out
  kg forget seeds/003.txt --neo4j --password kg-password`,
} as const;
