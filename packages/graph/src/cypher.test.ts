import { buildGraph } from './build.js';
import type { Extraction } from './contract.js';
import { HOSTILE, hostileExtraction } from './__fixtures__/hostile.js';
import { cypherString, planWrites, SCHEMA, splitCypherScript, STATEMENTS, toCypher } from './cypher.js';
import { KgGraphError } from './errors.js';

describe('cypherString', () => {
  it('escapes quotes, backslashes and control characters and keeps the rest', () => {
    expect(cypherString("a'b")).toBe("'a\\'b'");
    expect(cypherString('a\\b')).toBe("'a\\\\b'");
    expect(cypherString('line\nnext\ttab')).toBe("'line\\nnext\\ttab'");
    expect(cypherString('\u0000')).toBe("'\\u0000'");
    expect(cypherString('Erdoğan 🚀 مرحبا')).toBe("'Erdoğan 🚀 مرحبا'");
  });
});

describe('planWrites', () => {
  it('puts data only in parameters: every statement is one of the fixed templates', () => {
    const plan = planWrites(buildGraph(hostileExtraction()));
    expect(plan.schema).toEqual(SCHEMA);
    const fixed = new Set<string>(Object.values(STATEMENTS));
    for (const st of plan.statements) {
      for (const name of HOSTILE) expect(st.text).not.toContain(name);
      const template = fixed.has(st.text) || /^UNWIND \$rows AS row MERGE \(e:Entity \{id: row.id\}\) SET e:(Person|Organization|Location|Product), /.test(st.text) || /^UNWIND \$rows AS row MATCH \(a:Entity \{id: row.subject\}\) MATCH \(b:Entity \{id: row.object\}\) MERGE \(f:Fact \{id: row.id\}\) .* MERGE \(a\)-\[r:[A-Z_]+ \{fact: row.id\}\]->\(b\) /.test(st.text);
      expect(template).toBe(true);
    }
    expect(plan.statements.map((s) => s.kind)).toEqual(['Article', 'Sentence', 'Entity:Person', 'MENTIONS', 'MEETS', 'STATES', 'Quote', 'SAID_BY']);
  });

  it('orders nodes before the relationships that need them', () => {
    const kinds = planWrites(buildGraph(hostileExtraction())).statements.map((s) => s.kind);
    expect(kinds.indexOf('Article')).toBeLessThan(kinds.indexOf('Sentence'));
    expect(kinds.indexOf('Entity:Person')).toBeLessThan(kinds.indexOf('MENTIONS'));
    expect(kinds.indexOf('Quote')).toBeLessThan(kinds.indexOf('SAID_BY'));
    expect(kinds.indexOf('MEETS')).toBeLessThan(kinds.indexOf('STATES'));
  });
});

describe('toCypher', () => {
  it('writes one statement per line, schema first, with hostile values as escaped literals', () => {
    const script = toCypher(buildGraph(hostileExtraction()));
    const statements = splitCypherScript(script);
    expect(statements.slice(0, SCHEMA.length)).toEqual([...SCHEMA]);
    expect(statements.length).toBe(SCHEMA.length + 8);
    expect(script).toContain(cypherString('"}) DETACH DELETE n //'));
    expect(script).toContain(cypherString("$' $& $1")); // not expanded as a replacement pattern
    for (const st of statements.slice(SCHEMA.length)) expect(st.startsWith('UNWIND [')).toBe(true);
  });
});

describe('buildGraph', () => {
  it('refuses input that breaks the contract, with a code', () => {
    const bad = { ...hostileExtraction(), entities: [{ id: '', type: 'Alien' }] } as unknown as Extraction;
    expect(() => buildGraph(bad)).toThrow(KgGraphError);
    try {
      buildGraph(bad);
    } catch (e) {
      expect((e as KgGraphError).code).toBe('INVALID_EXTRACTION');
    }
  });

  it('refuses a relation whose entities are not in the extraction', () => {
    const x = hostileExtraction();
    expect(() => buildGraph({ ...x, entities: x.entities.slice(2) })).toThrow(/unknown source/);
  });

  it('links every fact to the sentences that say it and counts its sources', () => {
    const g = buildGraph(hostileExtraction());
    const meets = g.getEdgeAttributes('person:hostile-0|MEETS|person:hostile-1');
    expect(meets).toMatchObject({ type: 'MEETS', evidence: ['d-hostile:s0'], sources: 1 });
    expect(g.outNeighbors('d-hostile:q0')).toEqual(['d-hostile:s0', 'person:hostile-2']);
  });
});

