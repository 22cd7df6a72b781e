import neo4j, { type Driver } from 'neo4j-driver';
import { buildGraph } from './build.js';
import { splitCypherScript, toCypher } from './cypher.js';
import { KgGraphError } from './errors.js';
import { createStore, STORE_FORMAT } from './store.js';
import { HOSTILE, hostileExtraction } from './__fixtures__/hostile.js';

const uri = process.env.KG_TEST_NEO4J_URI!;
const auth = neo4j.auth.basic(process.env.KG_TEST_NEO4J_USERNAME ?? 'neo4j', process.env.KG_TEST_NEO4J_PASSWORD ?? '');
const database = process.env.KG_TEST_NEO4J_DATABASE;
const sessionOpts = database ? { database } : {};
let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(uri, auth);
});
afterAll(async () => {
  await driver.close();
});

async function query<T = Record<string, unknown>>(text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = driver.session(sessionOpts);
  try {
    const r = await session.run(text, params);
    return r.records.map((rec) => rec.toObject() as T);
  } finally {
    await session.close();
  }
}

/** Removes what one test made, never anything else: through the store for what it wrote, by id for a script's nodes. */
async function cleanup(prefix: string, doc: string): Promise<void> {
  await createStore({ driver, uri, ...(database ? { database } : {}) }).forget([doc]);
  await query('MATCH (n) WHERE n.id STARTS WITH $doc OR n.id STARTS WITH $person DETACH DELETE n', { doc, person: `person:${prefix}-` });
}

const names = (prefix: string) =>
  query<{ id: string; name: string; aliases: string[] }>('MATCH (e:Entity) WHERE e.id STARTS WITH $p RETURN e.id AS id, e.name AS name, e.aliases AS aliases ORDER BY e.id', { p: `person:${prefix}-` });

describe('writing hostile names to Neo4j', () => {
  it('round-trips them through the store (parameters) unchanged', async () => {
    const prefix = 'hostile-store';
    const doc = 'd-hostile-store';
    await cleanup(prefix, doc);
    await createStore({ driver, uri, ...(database ? { database } : {}) }).add([hostileExtraction(doc, prefix)]);
    const got = await names(prefix);
    expect(got.map((g) => g.name)).toEqual(HOSTILE);
    expect(got.map((g) => g.aliases[0])).toEqual(HOSTILE.map((h) => `${h}\\alias`));
    const [rel] = await query<{ role: string; hop: string }>(
      'MATCH (:Entity {id: $a})-[r:MEETS]->(:Entity {id: $b}) MATCH (f:Fact {id: r.fact})<-[st:STATES]-(:Sentence) RETURN r.role AS role, st.role AS hop',
      { a: `person:${prefix}-0`, b: `person:${prefix}-1` },
    );
    expect(rel?.role).toBe("'); DROP");
    expect(rel?.hop).toBe("'); DROP");
    // Nothing else in the database was touched by the would-be injections.
    expect((await query<{ n: number }>('MATCH (a:Article {id: $doc}) RETURN count(a) AS n', { doc }))[0]!.n).toEqual(neo4j.int(1));
    await cleanup(prefix, doc);
  });

  it('round-trips them through graph.cypher (escaped literals) unchanged', async () => {
    const prefix = 'hostile-script';
    const doc = 'd-hostile-script';
    await cleanup(prefix, doc);
    const script = toCypher(buildGraph(hostileExtraction(doc, prefix)));
    const session = driver.session(sessionOpts);
    try {
      for (const st of splitCypherScript(script)) await session.run(st);
    } finally {
      await session.close();
    }
    const got = await names(prefix);
    expect(got.map((g) => g.name)).toEqual(HOSTILE);
    const [q] = await query<{ text: string }>('MATCH (q:Quote {id: $id}) RETURN q.text AS text', { id: `${doc}:q0` });
    expect(q?.text).toBe('say "hi" \\ bye');
    await cleanup(prefix, doc);
  });
});

describe('a store written by another kg', () => {
  it('is refused in one error (STORE_OUTDATED), and nothing is written to it', async () => {
    const store = createStore({ driver, uri, ...(database ? { database } : {}) });
    await store.add([hostileExtraction('d-outdated-a', 'outdated-a')]);
    await query("MATCH (l:KgLock {id: 'kg'}) SET l.format = 1"); // as an older kg would have left it
    try {
      const err = await store.add([hostileExtraction('d-outdated-b', 'outdated-b')]).catch((e: unknown) => e);
      expect((err as KgGraphError).code).toBe('STORE_OUTDATED');
      expect((err as Error).message).toMatch(/load the articles again into an empty database/);
      expect((await query<{ n: number }>("MATCH (a:Article {id: 'd-outdated-b'}) RETURN count(a) AS n"))[0]!.n).toEqual(neo4j.int(0));
    } finally {
      await query("MATCH (l:KgLock {id: 'kg'}) SET l.format = $format", { format: neo4j.int(STORE_FORMAT) });
      await store.forget(['d-outdated-a']);
    }
  });
});

describe('a Neo4j that refuses', () => {
  it('wrong credentials: NEO4J_AUTH, and nothing is written', async () => {
    const bad = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'not-the-password'));
    const prefix = 'refused';
    const doc = 'd-refused';
    try {
      const err = await createStore({ driver: bad, uri, ...(database ? { database } : {}) })
        .add([hostileExtraction(doc, prefix)])
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KgGraphError);
      expect((err as KgGraphError).code).toBe('NEO4J_AUTH');
      expect((err as Error).message).toContain(uri);
    } finally {
      await bad.close();
    }
    expect((await query<{ n: number }>('MATCH (a:Article {id: $doc}) RETURN count(a) AS n', { doc }))[0]!.n).toEqual(neo4j.int(0));
  });

  it('a database that does not exist: NEO4J_DATABASE', async () => {
    const err = await createStore({ driver, uri, database: 'nosuchdb' })
      .verify()
      .catch((e: unknown) => e);
    expect((err as KgGraphError).code).toBe('NEO4J_DATABASE');
  });
});
