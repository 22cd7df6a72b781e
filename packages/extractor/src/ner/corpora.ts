/**
 * Readers for the training corpora in ../shared/corpora/train (see its README for each one's tags and
 * license), each mapped to kg's name classes: PER, ORG, LOC, PRD and MISC (other names: nationalities,
 * events, works), everything else outside a name. Persons are spans without titles, as the evaluation
 * scores them: GMB's leading titles ("President", "Mr.") are taken out of its person spans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HONORIFICS, lookupDemonym } from '../entities.js';
import { DESCRIBED, TITLE_MODIFIERS, TITLE_WORDS } from '../lexicon.js';
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

/** The sentences of a CoNLL-U-style file (UD .conllu, UNER .iob2): word rows split at tabs, with the document they are in. */
function* conlluSentences(file: string): Generator<{ doc?: string; rows: string[][] }> {
  let doc: string | undefined;
  let rows: string[][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id')) doc = line.split('=')[1]?.trim();
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (rows.length) yield { ...(doc ? { doc } : {}), rows };
      rows = [];
      continue;
    }
    const cols = line.split('\t');
    if (/^\d+$/.test(cols[0] ?? '')) rows.push(cols); // not multiword ranges or empty nodes
  }
  if (rows.length) yield { ...(doc ? { doc } : {}), rows };
}

/** UNER English-EWT (.iob2): PER, ORG, LOC; the pre-release's OTH (nationalities, religions) as MISC. */
export function readUner(file: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  for (const { doc, rows } of conlluSentences(file)) {
    const spans = spansFromIob(rows.map((c) => c[2] ?? 'O'), (l) => ({ PER: 'PER', ORG: 'ORG', LOC: 'LOC', OTH: 'MISC' }) [l] as NameClass | undefined);
    out.push(sentence(rows.map((c) => c[1]!), spans, doc));
  }
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
        let f = s.first;
        // "Washington-based World Bank", "NATO-led force": GMB keeps the description in the span; the
        // other corpora and the evaluation leave it out.
        while (f < s.last - 1 && DESCRIBED.test(words[f]!)) f++;
        if (s.type === 'PER') while (f < s.last && TITLE(words[f]!)) f++;
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

interface GumMention {
  readonly first: number;
  last: number;
  readonly type: string;
  readonly wiki: boolean;
}

const GUM_TYPES: Record<string, NameClass> = { person: 'PER', organization: 'ORG', place: 'LOC' };
/** Words that may stand inside a name between proper nouns ("University of Portsmouth", "Bosnia and Herzegovina"). */
const NAME_GLUE = new Set(['of', 'the', 'and', '&', 'de', 'for', '-', "'s"]);

/**
 * GUM's permissive genres (.conllu): its entity mentions are whole noun phrases, nested ("the mayor of
 * Portsmouth" holds "Portsmouth"), including common nouns and pronouns. A name is the run of proper
 * nouns in a person, organization or place mention (joined by "of", "the", "and" between them) that no
 * mention inside it claims: the run holding the phrase's head, else its last one. Wikified mentions and
 * proper-noun runs of other types (events, works, named objects) are MISC; everything else is outside.
 */
export function readGum(file: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  for (const { doc, rows } of conlluSentences(file)) {
    const mentions: GumMention[] = [];
    const open = new Map<string, GumMention[]>();
    rows.forEach((cols, i) => {
      const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9] ?? '')?.[1] ?? '';
      // "(8-organization-...-Wiki_Title" opens, "8)" closes, "(9-place-...)" is one word.
      for (const m of entity.matchAll(/\((\d+)-([a-z]+)-([^()]*)(\))?|(\d+)\)/g)) {
        if (m[1]) {
          const fields = m[3]!.split('-');
          const mention: GumMention = { first: i, last: i + 1, type: m[2]!, wiki: fields.length >= 6 && fields.slice(5).join('-') !== '' };
          mentions.push(mention);
          if (!m[4]) open.set(m[1], [...(open.get(m[1]) ?? []), mention]);
        } else {
          const mention = open.get(m[5]!)?.pop();
          if (mention) mention.last = i + 1;
        }
      }
    });
    const words = rows.map((c) => c[1]!);
    out.push(sentence(words, gumNames(words, rows.map((c) => c[3]!), rows.map((c) => Number(c[6]) - 1), mentions), doc));
  }
  return out;
}

function gumNames(words: readonly string[], upos: readonly string[], heads: readonly number[], mentions: readonly GumMention[]): NameSpan[] {
  const propn = (k: number): boolean => upos[k] === 'PROPN';
  // A capitalized adjective, noun or number within a name ("New York", "Catholic Church", "World War II").
  const namey = (k: number): boolean => propn(k) || (/^\p{Lu}|^\d/u.test(words[k]!) && /^(ADJ|NOUN|NUM)$/.test(upos[k]!));
  let spans: NameSpan[] = [];
  // Innermost first; an outer phrase whose name holds an inner one ("[Portsmouth] City Council") is the name.
  const order = [...mentions].sort((a, b) => a.last - a.first - (b.last - b.first) || a.first - b.first);
  for (const m of order) {
    const type: NameClass | undefined = GUM_TYPES[m.type] ?? (m.wiki && m.type !== 'time' ? 'MISC' : undefined);
    if (!type) continue;
    // Runs of proper nouns inside the mention, joined by glue words.
    const runs: { first: number; last: number }[] = [];
    for (let k = m.first; k < m.last; k++) {
      if (!namey(k)) continue;
      let e = k + 1;
      while (e < m.last) {
        if (namey(e)) e++;
        else if (NAME_GLUE.has(words[e]!.toLowerCase()) && e + 1 < m.last && namey(e + 1)) e += 2;
        else break;
      }
      // Leading nationality adjectives and, for people, titles describe the name; a run needs a proper noun.
      let f = k;
      while (f < e && ((upos[f] === 'ADJ' && lookupDemonym(words[f]!)) || (type === 'PER' && (TITLE(words[f]!) || !propn(f))))) f++;
      if (f < e && [...Array(e - f).keys()].some((d) => propn(f + d))) runs.push({ first: f, last: e });
      k = e - 1;
    }
    let head = -1;
    for (let k = m.first; k < m.last; k++) if (heads[k]! < m.first || heads[k]! >= m.last) head = k;
    const run = runs.find((r) => head >= r.first && head < r.last) ?? runs[runs.length - 1];
    if (!run) continue;
    const span = { ...run, type };
    if (spans.some((s) => s.first === span.first && s.last === span.last)) continue; // an inner mention named it
    if (spans.some((s) => s.first < span.last && s.last > span.first && (s.first < span.first || s.last > span.last))) continue; // crossing
    spans = spans.filter((s) => !(s.first >= span.first && s.last <= span.last));
    spans.push(span);
  }
  return spans.sort((a, b) => a.first - b.first);
}

const RE3D_TYPES: Record<string, NameClass> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };
const LEADING = new Set(['the', 'a', 'an']);

/**
 * re3d (the CoNLL conversion, one folder per source): Person, Organisation and Location; Nationality as
 * MISC. Its spans hold descriptions ("U.S. service members", "the Kurdish YPG", titles before a person):
 * leading articles and titles are taken out, and a sentence with a span that is still not a name (a
 * lowercase word other than "of", "and", "the" inside it) is left out, since it would teach wrong
 * boundaries.
 */
export function readRe3d(dir: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.conll')).sort();
  for (const f of files) {
    let words: string[] = [];
    let labels: string[] = [];
    const flush = (): void => {
      if (!words.length) return;
      let clean = true;
      const spans = spansFromIob(labels, (l) => RE3D_TYPES[l])
        .map((s) => {
          let first = s.first;
          while (first < s.last && (LEADING.has(words[first]!.toLowerCase()) || (s.type === 'PER' && TITLE(words[first]!)))) first++;
          if (first === s.last) return undefined;
          const inner = words.slice(first, s.last);
          if (!/^\p{Lu}/u.test(inner[0]!) || inner.some((w) => /^\p{Ll}/u.test(w) && !NAME_GLUE.has(w.toLowerCase()))) clean = false;
          return { ...s, first };
        })
        .filter((s): s is NameSpan => !!s);
      if (clean) out.push(sentence(words, spans, f));
      words = [];
      labels = [];
    };
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) {
        flush();
        continue;
      }
      const [w, tag] = line.split('\t');
      words.push(w!);
      labels.push(tag ?? 'O');
    }
    flush();
  }
  return out;
}
