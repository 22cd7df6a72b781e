import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGum, readRe3d } from './corpora.js';
import { spansOf } from './tagger.js';

const names = (s: { words: readonly string[]; tags: readonly string[] }): string[] => spansOf(s.tags).map((x) => `${x.type}:${s.words.slice(x.first, x.last).join(' ')}`);

describe('training corpora read as names', () => {
  it('GUM: the proper-noun run of a person, organization or place mention, titles and nationality adjectives left out, an outer name over the place inside it', () => {
    // "Israeli Prime Minister Benjamin Netanyahu visited the Portsmouth City Council in New York ."
    const rows = [
      ['Israeli', 'ADJ', 5, 'Entity=(1-person-giv-nnnnn-cf1-5-coref-Benjamin_Netanyahu'],
      ['Prime', 'PROPN', 5, '_'],
      ['Minister', 'PROPN', 5, '_'],
      ['Benjamin', 'PROPN', 5, '_'],
      ['Netanyahu', 'PROPN', 6, 'Entity=1)'],
      ['visited', 'VERB', 0, '_'],
      ['the', 'DET', 10, 'Entity=(2-organization-new-nnnnn-cf2-3-sgl'],
      ['Portsmouth', 'PROPN', 10, 'Entity=(3-place-new-nnnnn-cf3-1-sgl-Portsmouth)'],
      ['City', 'PROPN', 10, '_'],
      ['Council', 'PROPN', 6, '_'],
      ['in', 'ADP', 13, '_'],
      ['New', 'ADJ', 13, 'Entity=(4-place-new-nnnnn-cf4-2-sgl-New_York_City'],
      ['York', 'PROPN', 10, 'Entity=4)2)'],
      ['.', 'PUNCT', 6, '_'],
    ] as const;
    const dir = mkdtempSync(join(tmpdir(), 'kg-gum-'));
    const file = join(dir, 'x.conllu');
    const lines = rows.map(([w, u, h, misc], i) => [i + 1, w, w.toLowerCase(), u, '_', '_', h, 'dep', '_', misc].join('\t'));
    writeFileSync(file, `# newdoc id = GUM_news_x\n# sent_id = x-1\n${lines.join('\n')}\n\n`);
    const [s] = readGum(file);
    expect(s!.doc).toBe('GUM_news_x');
    expect(names(s!)).toEqual(['PER:Benjamin Netanyahu', 'ORG:Portsmouth City Council', 'LOC:New York']);
  });

  it('re3d: leading articles and titles out of the spans; a sentence whose span is a description, not a name, is left out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-re3d-'));
    mkdirSync(join(dir, 'Source'));
    writeFileSync(
      join(dir, 'Source', 'a.conll'),
      ['the\tB-Organisation', 'Kurdish\tI-Organisation', 'YPG\tI-Organisation', 'met\tO', 'Minister\tB-Person', 'Tobias\tI-Person', 'Ellwood\tI-Person', '.\tO', '', 'U.S.\tB-Organisation', 'service\tI-Organisation', 'members\tI-Organisation', 'left\tO', '.\tO', ''].join('\n'),
    );
    const got = readRe3d(dir);
    expect(got).toHaveLength(1);
    expect(names(got[0]!)).toEqual(['ORG:Kurdish YPG', 'PER:Tobias Ellwood']);
  });
});
