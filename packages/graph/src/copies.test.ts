import { copyBetween, copyLinks, copyProfile, independentGroups, sentenceKey, sourcingOf, type CopyProfile } from './copies.js';

const sentences = (n: number, topic: string): string[] => [...Array(n).keys()].map((i) => `Sentence number ${i} of the story about ${topic} goes on here.`);
const profile = (id: string, lines: string[], extra: { date?: string; outlet?: string; wires?: string[] } = {}): CopyProfile =>
  copyProfile(
    { id, sha256: id.padEnd(64, '0'), ...(extra.date ? { date: extra.date } : {}), ...(extra.outlet ? { outlet: extra.outlet } : {}), attributions: (extra.wires ?? []).map((agency) => ({ agency, text: `told ${agency}`, start: 0, end: 0 })) },
    lines.map(sentenceKey),
  );

describe('sentence keys', () => {
  it('ignore case, curly quotes, dashes and spacing, and skip short lines', () => {
    expect(sentenceKey('“We will go,” he said — on Monday.')).toBe(sentenceKey('"we will  go," He said - on monday'));
    expect(sentenceKey('Comments')).toBeNull();
  });
});

describe('copy links', () => {
  const original = profile('a', sentences(10, 'talks'));
  it('link a trimmed copy to its original, and not two stories on one topic', () => {
    expect(copyBetween(profile('b', sentences(5, 'talks')), original, 5)).toMatchObject({ from: 'b', to: 'a', share: 1 });
    expect(copyBetween(profile('c', sentences(10, 'sanctions')), original, 1)).toBeNull();
  });
  it('point toward the earlier article, then toward the wire service whose story it is', () => {
    const later = profile('z', sentences(10, 'talks'), { date: '2025-01-02' });
    const earlier = profile('y', sentences(8, 'talks'), { date: '2025-01-01' });
    expect(copyBetween(earlier, later, 8)).toMatchObject({ from: 'z', to: 'y' });
    const wire = profile('w', sentences(3, 'x'), { outlet: 'AFP', date: '2025-01-05' });
    const citing = profile('v', sentences(3, 'y'), { wires: ['AFP'], date: '2025-01-01' });
    expect(copyBetween(wire, citing, 0)).toMatchObject({ from: 'v', to: 'w', evidence: expect.stringContaining('AFP') });
    // Two stories of one wire service are not copies of each other.
    expect(copyBetween(wire, profile('u', sentences(3, 'z'), { outlet: 'AFP', wires: ['AFP'] }), 0)).toBeNull();
  });
  it('are the same whatever the order of the articles', () => {
    const list = [original, profile('b', sentences(5, 'talks')), profile('c', [...sentences(4, 'talks'), ...sentences(6, 'other')]), profile('d', sentences(9, 'sanctions'))];
    const want = copyLinks(list);
    expect(want.map((l) => `${l.from}->${l.to}`)).toEqual(['b->a', 'b->c', 'c->a']);
    expect(copyLinks([...list].reverse())).toEqual(want);
  });
});

describe('independent sources', () => {
  it('count groups of articles that copy each other or carry the same wire', () => {
    const profiles = [profile('a', [], { outlet: 'AFP' }), profile('b', [], { wires: ['AFP'] }), profile('c', []), profile('d', []), profile('e', [])];
    const s = sourcingOf(profiles, [{ from: 'd', to: 'c' }]);
    expect(independentGroups(['a', 'b', 'c', 'd', 'e'], s)).toBe(3);
    expect(independentGroups(['b', 'e'], s)).toBe(2);
  });
});
