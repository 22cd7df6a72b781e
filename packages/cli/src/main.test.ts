import { execFileSync } from 'node:child_process';
import { chmodSync, statSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractionSchema } from '@kg/graph';
import { kg } from './__fixtures__/io.js';

const seeds = join(process.cwd(), 'seeds');

describe('kg extract', () => {
  it('prints the contract for the seed folder, entities merged across articles', async () => {
    const r = await kg(['extract', seeds, '--format', 'json']);
    expect(r.code).toBe(0);
    const x = extractionSchema.parse(JSON.parse(r.stdout));
    expect(x.documents).toHaveLength(5);
    const zelensky = x.entities.filter((e) => /zelensk/i.test(e.name));
    expect(zelensky).toHaveLength(1);
    expect(x.quotes.length).toBeGreaterThan(5);
  });

  it('reads standard input with -', async () => {
    const r = await kg(['extract', '-', '--format', 'jsonl'], { stdin: 'Kremlin spokesman Dmitry Peskov said nothing.' });
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout.trim());
    expect(x.documents[0].source).toBe('<stdin>');
    expect(x.entities.map((e: { name: string }) => e.name)).toContain('Dmitry Peskov');
  });

  it('reports each bad input on one line naming it, processes the rest, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x02]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Arsène Wenger met officials in Paris.', 'latin1'));
    writeFileSync(join(dir, 'good.txt'), 'Ukrainian President Volodymyr Zelensky visited Spain on Tuesday.');
    mkdirSync(join(dir, 'nothing-here'));
    const r = await kg(['extract', dir, join(dir, 'missing.txt'), join(dir, 'nothing-here')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'missing.txt', 'nothing-here']) expect(lines.filter((l) => l.includes(name))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const x = JSON.parse(r.stdout);
    expect(x.entities.map((e: { name: string }) => e.name)).toContain('Volodymyr Zelensky');
  });

  it('gives the same output with one worker as with two (--jobs), and refuses --jobs 0 in one line', async () => {
    const one = await kg(['extract', seeds, '--format', 'jsonl', '--jobs', '1']);
    const two = await kg(['extract', seeds, '--format', 'jsonl', '--jobs', '2']);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const bad = await kg(['extract', seeds, '--jobs', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('kg extract: --jobs is how many workers extract at once, a whole number from 1, not "0"');
  });

  it('reads facts from the grammar with the shipped parser; --parser none leaves it out; a bad model file is one line', async () => {
    // Coordination on both sides is four facts when read from the tree.
    const stdin = 'The United States and the European Union sanctioned Rosneft Oil Company and Lukoil Oil Company on Friday.';
    const facts = async (...flags: string[]): Promise<number> => {
      const r = await kg(['extract', '-', '--jobs', '1', ...flags], { stdin });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).relations.filter((x: { type: string }) => x.type === 'SANCTIONS').length;
    };
    expect(await facts()).toBe(4);
    expect(await facts('--parser', 'none')).toBeLessThan(4);
    const bad = await kg(['extract', '-', '--parser', join(tmpdir(), 'no-such-model.bin.gz')], { stdin });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('no-such-model.bin.gz');
  });

  it('finds names without a cue with the shipped name tagger; --ner-model none leaves them to the rules', async () => {
    const names = async (stdin: string, ...flags: string[]): Promise<string[]> => {
      const r = await kg(['extract', '-', '--jobs', '1', ...flags], { stdin });
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).entities.map((e: { type: string; name: string }) => `${e.type}:${e.name}`).sort();
    };
    expect(await names('Joe Biden met Xi Jinping in Lima on Saturday.')).toEqual(['Location:Lima', 'Person:Joe Biden', 'Person:Xi Jinping']);
    expect(await names('Vinicius Junior scored twice.')).toEqual(['Person:Vinicius Junior']);
    expect(await names('Vinicius Junior scored twice.', '--ner-model', 'none')).toEqual([]);
  });

  it('refuses an unknown format with a usage error', async () => {
    const r = await kg(['extract', seeds, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });
});

describe('kg build', () => {
  it('writes graph.json and graph.cypher and prints a summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kg-build-'));
    const r = await kg(['build', seeds, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/articles: 5/);
    expect(r.stdout).toMatch(/most connected: /);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.nodes.length).toBeGreaterThan(100);
    expect(readFileSync(join(out, 'graph.cypher'), 'utf8')).toMatch(/^CREATE CONSTRAINT kg_entity_id/m);
  });
});

describe('inputs a user may give', () => {
  it('skips hidden folders and node_modules, follows links once (a loop is no trouble), and refuses a FIFO in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-inputs-'));
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news', 'a.txt'), 'Ukrainian President Volodymyr Zelensky visited Spain on Tuesday.');
    mkdirSync(join(dir, 'news', 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'news', 'node_modules', 'pkg', 'README.md'), 'Some package README by Jane Doe.');
    mkdirSync(join(dir, 'news', '.git'));
    writeFileSync(join(dir, 'news', '.git', 'notes.txt'), 'Hidden notes about Paris.');
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere', 'b.txt'), 'Spanish Prime Minister Pedro Sánchez met Chancellor Olaf Scholz in Berlin.');
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'news', 'linked'));
    symlinkSync(join(dir, 'news'), join(dir, 'news', 'loop'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const r = await kg(['extract', join(dir, 'news'), join(dir, 'pipe.txt'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`kg: ${join(dir, 'pipe.txt')} is a FIFO, not a file; kg reads files, folders or - for standard input`]);
    const sources = r.stdout.trim().split('\n').map((l) => JSON.parse(l).documents[0].source);
    expect(sources).toEqual([join(dir, 'news', 'a.txt'), join(dir, 'news', 'linked', 'b.txt')]);
  });

  it('refuses a device and caps standard input, one line each', async () => {
    const dev = await kg(['extract', '/dev/zero']);
    expect(dev.code).toBe(1);
    expect(dev.stderr.trim()).toBe('kg: /dev/zero is a device, not a file; kg reads files, folders or - for standard input');
    const big = await kg(['extract', '-'], { stdin: 'Paris. '.repeat(800_000) });
    expect(big.code).toBe(1);
    expect(big.stderr.trim()).toMatch(/^kg\/extractor: <stdin> is \d+ bytes, over the limit of 5242880/);
  });

  it('reads UTF-16 with a byte-order mark, and names UTF-16 without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-utf16-'));
    const text = 'Ukrainian President Volodymyr Zelensky visited Spain on Tuesday.';
    writeFileSync(join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(dir, 'nobom.txt'), Buffer.from(text, 'utf16le'));
    const r = await kg(['extract', join(dir, 'bom.txt'), join(dir, 'nobom.txt'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout.trim()).entities.map((e: { name: string }) => e.name)).toContain('Volodymyr Zelensky');
    expect(r.stderr.trim()).toMatch(/nobom\.txt looks like UTF-16 without a byte-order mark/);
  });

  it('an --out under a regular file is one line, not a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-out-'));
    writeFileSync(join(dir, 'file'), 'x');
    for (const cmd of ['build', 'view']) {
      const r = await kg([cmd, join(seeds, readdirSync(seeds)[0]!), '--out', join(dir, 'file', 'sub')]);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(join(dir, 'file', 'sub'));
    }
  });

  it('an unreadable folder is one line; the other inputs are read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-unreadable-'));
    mkdirSync(join(dir, 'closed'));
    writeFileSync(join(dir, 'closed', 'a.txt'), 'Paris.');
    chmodSync(join(dir, 'closed'), 0o000);
    try {
      const r = await kg(['extract', join(dir, 'closed'), join(seeds, readdirSync(seeds)[0]!), '--format', 'jsonl']);
      // root reads any folder; everyone else gets one line for it
      if (process.getuid?.() !== 0) {
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/cannot read the folder .*closed \(EACCES\)/);
      }
      expect(r.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      chmodSync(join(dir, 'closed'), 0o755);
    }
  });

  it("reads kg's own extractions (JSONL from kg extract, here or on another machine) and graph.json as articles; other JSON is one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-shards-'));
    const files = readdirSync(seeds).sort();
    // Two shards, extracted apart, built together: the graph of building the texts.
    writeFileSync(join(dir, 'a.jsonl'), (await kg(['extract', ...files.slice(0, 2).map((f) => join(seeds, f)), '--format', 'jsonl'])).stdout);
    writeFileSync(join(dir, 'b.jsonl'), (await kg(['extract', ...files.slice(2).map((f) => join(seeds, f)), '--format', 'jsonl'])).stdout);
    const fromShards = await kg(['build', join(dir, 'b.jsonl'), join(dir, 'a.jsonl'), '--out', join(dir, 'shards')]);
    expect(fromShards.code).toBe(0);
    expect((await kg(['build', seeds, '--out', join(dir, 'texts')])).code).toBe(0);
    expect(readFileSync(join(dir, 'shards', 'graph.json'), 'utf8')).toBe(readFileSync(join(dir, 'texts', 'graph.json'), 'utf8'));
    // A JSONL file is read in chunks, line by line (CRLF too): many times the chunk, characters cut across chunks.
    const lines = (readFileSync(join(dir, 'a.jsonl'), 'utf8') + readFileSync(join(dir, 'b.jsonl'), 'utf8')).replaceAll('\n', '\r\n');
    writeFileSync(join(dir, 'big.jsonl'), lines.repeat(Math.ceil((3 << 20) / lines.length)));
    const big = await kg(['build', join(dir, 'big.jsonl'), '--out', join(dir, 'big')]);
    expect(big.code).toBe(0);
    expect(big.stderr).toMatch(/^kg: note: \d+ files have the same text as one read before/);
    expect(readFileSync(join(dir, 'big', 'graph.json'), 'utf8')).toBe(readFileSync(join(dir, 'texts', 'graph.json'), 'utf8'));
    // One document of several articles (kg extract --format json) is split into its articles.
    writeFileSync(join(dir, 'all.json'), (await kg(['extract', seeds, '--format', 'json'])).stdout);
    const merged = await kg(['build', join(dir, 'all.json'), '--out', join(dir, 'merged')]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/articles: 5 \(3 stories, 2 copying another\),/);
    // A graph written by kg build is read back as its articles: built again, it is the same graph.
    const graph = await kg(['build', join(dir, 'texts', 'graph.json'), '--out', join(dir, 'again')]);
    expect(graph.code).toBe(0);
    const summary = (out: string): string => out.split('\n').slice(0, 4).join('\n');
    expect(summary(graph.stdout)).toBe(summary(fromShards.stdout));
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
    const other = await kg(['extract', join(dir, 'other.json')]);
    expect(other.stderr.trim()).toMatch(/other\.json is not a kg extraction/);
  });

  it('checks --date once, as a calendar day', async () => {
    const r = await kg(['extract', seeds, '--date', '2025-13-45']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/a calendar day as YYYY-MM-DD, not "2025-13-45"/);
  });
});

describe('help', () => {
  it.each(['extract', 'build', 'load', 'export'])('kg %s --help shows usage and examples', async (cmd) => {
    const r = await kg([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: kg ${cmd}`));
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('kg export writes the CSV files, an executable import.sh naming each, and leaves no file of an earlier export behind', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kg-export-')), 'import');
    const all = await kg(['export', seeds, '--neo4j-import', dir, '--jobs', '1']);
    expect(all.code).toBe(0);
    const csv = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
    expect(csv).toEqual(expect.arrayContaining(['nodes-Article.csv', 'nodes-Entity-Person.csv', 'nodes-KgLock.csv', 'relationships-MEETS.csv', 'relationships-STATES.csv']));
    const sh = readFileSync(join(dir, 'import.sh'), 'utf8');
    for (const f of csv) expect(sh).toContain(`=${f}`);
    expect(statSync(join(dir, 'import.sh')).mode & 0o111).toBeTruthy();
    // One article has fewer kinds of facts: the files of kinds it lacks go.
    const one = await kg(['export', join(seeds, readdirSync(seeds).sort()[4]!), '--neo4j-import', dir, '--jobs', '1']);
    expect(one.code).toBe(0);
    const left = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(left.length).toBeLessThan(csv.length);
    for (const f of left) expect(readFileSync(join(dir, 'import.sh'), 'utf8')).toContain(`=${f}`);
  });

  it('kg export without --neo4j-import says what to give, before reading anything', async () => {
    const r = await kg(['export', seeds]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kg export: say where to write: --neo4j-import DIR (CSV files and the neo4j-admin command that imports them into a new database)');
  });

  it('kg with no command lists the commands', async () => {
    const r = await kg([]);
    expect(r.stdout).toMatch(/Commands:/);
  });

  it('an unknown command or option is a usage error', async () => {
    expect((await kg(['frobnicate'])).code).toBe(2);
    expect((await kg(['build', seeds, '--bogus'])).code).toBe(2);
  });

  it('suggests the command or option meant', async () => {
    expect((await kg(['biuld', 'seeds'])).stderr).toMatch(/^kg: unknown command "biuld"; did you mean build\?/);
    const r = await kg(['build', seeds, '--outt', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kg build: unknown option --outt; did you mean --out\?/);
  });
});

describe('kg load without a server', () => {
  it('says in one line that Neo4j cannot be reached at the URI, and exits 3', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const uri = `bolt://127.0.0.1:${port}`;
    const r = await kg(['load', seeds, '--uri', uri, '--password', 'x']);
    expect(r.code).toBe(3);
    // One line says where the data would go and why, one line says what went wrong.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`kg load: Neo4j at ${uri}, from --uri`);
    expect(lines[1]).toContain(uri);
  });

  it('says when the URI comes from .env, and points an HTTP address to Bolt', async () => {
    const r = await kg(['load', seeds, '--password', 'x'], { env: {}, envFile: { NEO4J_URI: 'http://127.0.0.1:7474' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("kg load: http://127.0.0.1:7474 (from .env (NEO4J_URI)) is Neo4j's HTTP address; kg speaks Bolt: use bolt://host:7687 or neo4j://host:7687");
  });

  it('gives up on a server that accepts connections but never answers, in bounded time, and exits 3', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((sock) => void sockets.push(sock));
    const port = await new Promise<number>((resolve) => silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)));
    try {
      const t0 = Date.now();
      const r = await kg(['load', seeds, '--uri', `bolt://127.0.0.1:${port}`, '--password', 'x']);
      expect(r.code).toBe(3);
      expect(Date.now() - t0).toBeLessThan(40_000);
      expect(r.stderr.trim().split('\n').at(-1)).toContain(`127.0.0.1:${port}`);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  }, 60_000);

  it('asks for a password when none is given', async () => {
    const r = await kg(['load', seeds], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NEO4J_PASSWORD/);
  });
});
