/**
 * Readers for the training corpora in ../shared/corpora/train (see its README for each one's tags and
 * license), each mapped to kg's name classes: PER, ORG, LOC, PRD and MISC (other names: nationalities,
 * events, works), everything else outside a name. Persons are spans without titles, as the evaluation
 * scores them: GMB's leading titles ("President", "Mr.") are taken out of its person spans.
 */
import { readFileSync } from 'node:fs';
import { HONORIFICS } from '../entities.js';
import { TITLE_MODIFIERS, TITLE_WORDS } from '../lexicon.js';
import { bilou, type NameClass, type NameSpan, type TrainingSentence } from './tagger.js';

export interface CorpusSentence extends TrainingSentence {
  /** Document id, for corpora that keep documents. */
  readonly doc?: string;
}

/** IOB2 or IOB1 tags to spans; `map` turns a corpus label into a class (or undefined for none). */
function spansFromIob(labels: readonly string[], map: (label: string, first: number) => NameClass | undefined): NameSpan[] {
  const spans: NameSpan[] = [];
  let open: { first: number; label: string } | undefined;
  const close = (end: number): void => {
    if (!open) return;
    const type = map(open.label, open.first);
    if (type) spans.push({ first: open.first, last: end, type });
    open = undefined;
  };
  labels.forEach((tag, i) => {
    if (tag === 'O' || tag === 'B-O' || tag === '') return close(i);
    const [prefix, label] = [tag.slice(0, 1), tag.slice(2)];
    if (prefix === 'B' || !open || open.label !== label) {
      close(i);
      open = { first: i, label };
    }
  });
  close(labels.length);
  return spans;
}

const sentence = (words: string[], spans: NameSpan[], doc?: string): CorpusSentence => ({ words, tags: bilou(words.length, spans), ...(doc ? { doc } : {}) });

/** UNER English-EWT (.iob2): PER, ORG, LOC; the pre-release's OTH (nationalities, religions) as MISC. */
export function readUner(file: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let doc: string | undefined;
  let words: string[] = [];
  let labels: string[] = [];
  const flush = (): void => {
    if (words.length) out.push(sentence(words, spansFromIob(labels, (l) => ({ PER: 'PER', ORG: 'ORG', LOC: 'LOC', OTH: 'MISC' }) [l] as NameClass | undefined), doc));
    words = [];
    labels = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id')) doc = line.split('=')[1]?.trim();
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0] ?? '')) continue; // multiword ranges and empty nodes
    words.push(cols[1]!);
    labels.push(cols[2] ?? 'O');
  }
  flush();
  return out;
}

const TITLE = (w: string): boolean => {
  const b = w.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(b) || TITLE_MODIFIERS.has(b) || HONORIFICS.has(b);
};

/**
 * GMB (the Kaggle ner_dataset.csv, Windows-1252): geo as LOC; gpe as LOC when a proper noun, else
 * MISC (nationality adjectives); per as PER without leading titles; org as ORG; eve, nat, art as
 * MISC; tim outside. Silver data (see the corpora README, note M1).
 */
export function readGmb(file: string): CorpusSentence[] {
  const text = new TextDecoder('windows-1252').decode(readFileSync(file));
  const out: CorpusSentence[] = [];
  let words: string[] = [];
  let pos: string[] = [];
  let labels: string[] = [];
  const flush = (): void => {
    if (!words.length) return;
    const spans = spansFromIob(labels, (l, first) => {
      if (l === 'geo') return 'LOC';
      if (l === 'gpe') return /^NNPS?$/.test(pos[first]!) ? 'LOC' : 'MISC';
      if (l === 'per') return 'PER';
      if (l === 'org') return 'ORG';
      if (l === 'eve' || l === 'nat' || l === 'art') return 'MISC';
      return undefined;
    })
      .map((s) => {
        if (s.type !== 'PER') return s;
        let f = s.first;
        while (f < s.last && TITLE(words[f]!)) f++;
        return f < s.last ? { ...s, first: f } : undefined;
      })
      .filter((s): s is NameSpan => !!s);
    out.push(sentence(words, spans));
    words = [];
    pos = [];
    labels = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const cols = parseCsvLine(lines[i]!);
    if (cols.length < 4) continue;
    if (cols[0]!.startsWith('Sentence:')) flush();
    words.push(cols[1]!);
    pos.push(cols[2]!);
    labels.push(cols[3]!);
  }
  flush();
  return out;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** CoNLL-2003 (IOB1, research use only: for experiments and comparison, never the default model). */
export function readConll(file: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let words: string[] = [];
  let labels: string[] = [];
  let doc = 0;
  const flush = (): void => {
    if (words.length) out.push(sentence(words, spansFromIob(labels, (l) => ({ PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' }) [l] as NameClass | undefined), `doc${doc}`));
    words = [];
    labels = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      doc++;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split(' ');
    words.push(cols[0]!);
    labels.push(cols[cols.length - 1]!);
  }
  flush();
  return out;
}
