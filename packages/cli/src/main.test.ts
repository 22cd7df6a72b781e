import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('help', () => {
  it.each(['extract', 'build', 'load'])('kg %s --help shows usage and examples', async (cmd) => {
    const r = await kg([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: kg ${cmd}`));
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('kg with no command lists the commands', async () => {
    const r = await kg([]);
    expect(r.stdout).toMatch(/Commands:/);
  });

  it('an unknown command or option is a usage error', async () => {
    expect((await kg(['frobnicate'])).code).toBe(2);
    expect((await kg(['build', seeds, '--bogus'])).code).toBe(2);
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
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(uri);
  });

  it('asks for a password when none is given', async () => {
    const r = await kg(['load', seeds], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/NEO4J_PASSWORD/);
  });
});
