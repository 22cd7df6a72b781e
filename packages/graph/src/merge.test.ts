import { mergeExtractions } from './merge.js';
import { buildGraph } from './build.js';
import type { Entity, Extraction } from './contract.js';

/** A one-article extraction naming the given entities once each, in one sentence. */
function article(doc: string, entities: Array<Pick<Entity, 'id' | 'type' | 'name'>>): Extraction {
  let text = '';
  const out: Entity[] = [];
  for (const e of entities) {
    const start = text.length;
    text += `${e.name} spoke. `;
    out.push({ ...e, aliases: [], mentions: [{ doc, start, end: start + e.name.length, text: e.name }] });
  }
  return {
    documents: [{ id: doc, source: `${doc}.txt`, title: doc, sha256: doc.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a'), text, sentences: [{ index: 0, start: 0, end: text.length }] }],
    entities: out,
    relations: [],
    quotes: [],
  };
}

describe('mergeExtractions', () => {
  const a = article('d-a', [
    { id: 'person:volodymyr-zelensky', type: 'Person', name: 'Volodymyr Zelensky' },
    { id: 'person:john-smith', type: 'Person', name: 'John Smith' },
  ]);
  const b = article('d-b', [
    { id: 'person:volodymyr-zelenskyy', type: 'Person', name: 'Volodymyr Zelenskyy' },
    { id: 'person:jane-smith', type: 'Person', name: 'Jane Smith' },
    { id: 'person:smith', type: 'Person', name: 'Smith' },
  ]);
  const c = article('d-c', [{ id: 'person:zelensky', type: 'Person', name: 'Zelensky' }]);

  it('joins spelling variants of one person and a surname alone, and records why', () => {
    const m = mergeExtractions([a, b, c]);
    const z = m.entities.filter((e) => /zelensk/i.test(e.name));
    expect(z).toHaveLength(1);
    expect(z[0]!.aliases).toEqual(expect.arrayContaining(['Volodymyr Zelenskyy', 'Zelensky']));
    expect(z[0]!.merges?.map((x) => x.reason)).toEqual(
      expect.arrayContaining(['spelling variant of the same full name', 'surname of a full name in another article']),
    );
  });

  it('never merges two people who share a surname', () => {
    const m = mergeExtractions([a, b, c]);
    const names = m.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['John Smith', 'Jane Smith']));
    // "Smith" alone is ambiguous between them, so it stays apart.
    expect(names).toContain('Smith');
  });

  it('gives the same ids and the same graph whatever the input order', () => {
    const one = buildGraph(mergeExtractions([a, b, c]));
    const two = buildGraph(mergeExtractions([c, b, a]));
    expect(one.nodes().sort()).toEqual(two.nodes().sort());
    expect(one.edges().sort()).toEqual(two.edges().sort());
    for (const n of one.nodes()) expect(two.getNodeAttributes(n)).toEqual(one.getNodeAttributes(n));
  });

  it('keeps apart people whose last names are two letters apart in a short name (Tony Blair, Tony Bland; Alan Smith, Alan Beith)', () => {
    const x = mergeExtractions([
      article('d-c', [
        { id: 'person:tony-blair', type: 'Person', name: 'Tony Blair' },
        { id: 'person:alan-smith', type: 'Person', name: 'Alan Smith' },
      ]),
      article('d-d', [
        { id: 'person:tony-bland', type: 'Person', name: 'Tony Bland' },
        { id: 'person:alan-beith', type: 'Person', name: 'Alan Beith' },
        { id: 'person:volodymyr-zelenskiy', type: 'Person', name: 'Volodymyr Zelenskiy' },
      ]),
      article('d-e', [{ id: 'person:volodymyr-zelenskyy', type: 'Person', name: 'Volodymyr Zelenskyy' }]),
    ]);
    expect(x.entities.map((e) => e.name).sort()).toEqual(['Alan Beith', 'Alan Smith', 'Tony Blair', 'Tony Bland', 'Volodymyr Zelenskiy']);
    expect(x.entities.find((e) => e.name === 'Volodymyr Zelenskiy')?.aliases).toEqual(['Volodymyr Zelenskyy']);
  });

  it('keeps apart surnames of one letter more or another first letter (John Terry, John Kerry; Usher, Roy Asher; Dell, Stanley Odell), but not long transliterations (Gaddafi, Qaddafi)', () => {
    const x = mergeExtractions([
      article('d-f', [
        { id: 'person:john-terry', type: 'Person', name: 'John Terry' },
        { id: 'person:roy-asher', type: 'Person', name: 'Roy Asher' },
        { id: 'person:stanley-odell', type: 'Person', name: 'Stanley Odell' },
        { id: 'person:muammar-gaddafi', type: 'Person', name: 'Muammar Gaddafi' },
      ]),
      article('d-g', [
        { id: 'person:john-kerry', type: 'Person', name: 'John Kerry' },
        { id: 'person:usher', type: 'Person', name: 'Usher' },
        { id: 'person:dell', type: 'Person', name: 'Dell' },
        { id: 'person:muammar-qaddafi', type: 'Person', name: 'Muammar Qaddafi' },
      ]),
    ]);
    expect(x.entities.map((e) => e.name).sort()).toEqual(['Dell', 'John Kerry', 'John Terry', 'Muammar Gaddafi', 'Roy Asher', 'Stanley Odell', 'Usher']);
    expect(x.entities.find((e) => e.name === 'Muammar Gaddafi')?.aliases).toEqual(['Muammar Qaddafi']);
  });
});
