/**
 * kg's name tagger: BILOU tags for people, organizations, places, products and other names (MISC:
 * nationalities, events, works; recognized, then left out), given left to right by an averaged
 * perceptron with the tags before as features and invalid tag sequences ruled out. The model is data:
 * weights plus a card saying what it was trained on, under which licenses, and how it scores.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { AveragedPerceptron } from './perceptron.js';
import { sentenceFeatures } from './features.js';
import { emissionScorer, type EmissionScorer } from './scorer.js';

export const NAME_CLASSES = ['PER', 'ORG', 'LOC', 'PRD', 'MISC'] as const;
export type NameClass = (typeof NAME_CLASSES)[number];
export const TAGS: readonly string[] = ['O', ...NAME_CLASSES.flatMap((c) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${c}`))];

/** What a model file says of itself (spaCy's meta.json plays this part). */
export interface ModelCard {
  readonly name: string;
  readonly trainedOn: readonly { corpus: string; sentences: number; license: string }[];
  readonly license: string;
  readonly epochs: number;
  readonly features: number;
  readonly scores?: Record<string, unknown>;
  /**
   * How sure the tagger must be (a name's margin, see tagSpans) for the extractor to take a name the
   * rules left open or did not see; chosen by training on the corpora's held-out splits.
   */
  readonly minMargin?: number;
  readonly rebuild: string;
}

export interface NerModel {
  readonly card: ModelCard;
  readonly perceptron: AveragedPerceptron;
}

export interface TrainingSentence {
  readonly words: readonly string[];
  /** BILOU tags, one per word. */
  readonly tags: readonly string[];
  /** What kg's rules decided for each word (see NameTagger in entities.ts), read as features. */
  readonly rules?: readonly string[];
}

export interface NameSpan {
  /** Word indexes [first, last) within the sentence. */
  readonly first: number;
  readonly last: number;
  readonly type: NameClass;
}

const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
const insideOf = (t: string): boolean => t.startsWith('B-') || t.startsWith('I-');
/** Tags allowed after `prev`: inside a name only its continuation, outside one only a start or O. */
const allowed: boolean[][] = TAGS.map((prev) =>
  TAGS.map((t) => (insideOf(prev) ? (t.startsWith('I-') || t.startsWith('L-')) && t.slice(2) === prev.slice(2) : t === 'O' || t.startsWith('B-') || t.startsWith('U-'))),
);
const START = TAGS.map((t) => t === 'O' || t.startsWith('B-') || t.startsWith('U-'));
const END_OK = TAGS.map((t) => !insideOf(t));

/** Typographic quotes, dashes and ellipses as the training corpora write them (ASCII). */
const ASCII: Record<string, string> = { '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2018': "'", '\u2019': "'", '\u2013': '-', '\u2014': '--', '\u2026': '...' };
export const normalizeWord = (w: string): string => (/[\u2018\u2019\u201c-\u201e\u00ab\u00bb\u2013\u2014\u2026]/.test(w) ? [...w].map((c) => ASCII[c] ?? c).join('') : w);

const N = TAGS.length;
const historyOf = (p: number): string => (p < 0 ? '<s>' : TAGS[p]!);
const ZERO = new Float32Array(N);
const ALLOWED = Uint8Array.from(allowed.flat(), (x) => (x ? 1 : 0));
/** Per tag, the tags allowed before it, and after it, in order (most pairs are not allowed: I-PER after O). */
const BEFORE = TAGS.map((_, c) => Int32Array.from(TAGS.keys()).filter((q) => ALLOWED[q * N + c] === 1));
const AFTER = TAGS.map((_, q) => Int32Array.from(TAGS.keys()).filter((c) => ALLOWED[q * N + c] === 1));

/** A sentence read for decoding: per word its emission scores and its transition matrix (previous tag x tag). */
interface Lattice {
  readonly n: number;
  /** Per word i, its score for tag c at i * N + c. */
  readonly emit: Float64Array;
  /** Per word, (N + 1) x N: row 0 is the sentence start. */
  readonly trans: readonly Float64Array[];
  /** Per word, its tag-independent features by name (while training; a finished model scores them without names). */
  readonly statics: readonly string[][];
  readonly lower: readonly string[];
}

/**
 * What a finished model keeps to decode fast (its weights no longer change after training): the
 * transition rows of the previous tag alone, per word the rows of its "t-1w" features and, bounded, its
 * whole transition matrix, and the emission scorer (see scorer.ts).
 */
interface Finished {
  /** (N + 1) x N: the "t-1" rows, row 0 the sentence start. */
  readonly base: Float64Array;
  /** Per word, (previous tag + 1, weights) of its "t-1w" features. */
  readonly rows: Map<string, [number, Float32Array][]>;
  readonly trans: Map<string, Float64Array>;
  readonly scorer: EmissionScorer;
}
const finishedOf = new WeakMap<AveragedPerceptron, Finished>();
const TRANS_CACHE = 8192;

/** The "t-1" rows of the previous tag alone, (N + 1) x N, row 0 the sentence start. */
function baseTransitions(p: AveragedPerceptron): Float64Array {
  const base = new Float64Array((N + 1) * N);
  for (let q = -1; q < N; q++) base.set(p.weights.get(`t-1=${historyOf(q)}`) ?? ZERO, (q + 1) * N);
  return base;
}

function finished(p: AveragedPerceptron): Finished {
  let f = finishedOf.get(p);
  if (f) return f;
  const rows: Finished['rows'] = new Map();
  const history = new Map([-1, ...TAGS.keys()].map((q) => [historyOf(q), q + 1]));
  for (const [name, w] of p.weights) {
    if (!name.startsWith('t-1w=')) continue;
    const bar = name.indexOf('|');
    const q = history.get(name.slice(5, bar));
    if (q === undefined) continue;
    const word = name.slice(bar + 1);
    const list = rows.get(word);
    if (list) list.push([q, w]);
    else rows.set(word, [[q, w]]);
  }
  f = { base: baseTransitions(p), rows, trans: new Map(), scorer: emissionScorer(p) };
  finishedOf.set(p, f);
  return f;
}

/** `done`: a finished model's decoding state; without it (training) every weight is looked up by name. */
function lattice(p: AveragedPerceptron, raw: readonly string[], rules: readonly string[] | undefined, done?: Finished): Lattice {
  const words = raw.map(normalizeWord);
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  if (!done) {
    const statics = sentenceFeatures(words, rules);
    const emit = new Float64Array(n * N);
    statics.forEach((f, i) => p.scores(f, emit.subarray(i * N, (i + 1) * N)));
    // History: the previous tag alone, and with this word; each weight row looked up once.
    const base = baseTransitions(p);
    const trans = lower.map((lw) => {
      const m = new Float64Array(base);
      for (let q = -1; q < N; q++) {
        const wr = p.weights.get(`t-1w=${historyOf(q)}|${lw}`);
        if (!wr) continue;
        const o = (q + 1) * N;
        for (let c = 0; c < N; c++) m[o + c]! += wr[c]!;
      }
      return m;
    });
    return { n, emit, trans, statics, lower };
  }
  const emit = done.scorer.emissions(words, rules);
  const trans = lower.map((lw) => {
    const list = done.rows.get(lw);
    if (!list) return done.base;
    let m = done.trans.get(lw);
    if (m) return m;
    m = new Float64Array(done.base);
    for (const [q, w] of list) for (let c = 0; c < N; c++) m[q * N + c]! += w[c]!;
    if (done.trans.size < TRANS_CACHE) done.trans.set(lw, m);
    return m;
  });
  return { n, emit, trans, statics: [], lower };
}

/**
 * The best tag sequence and its score (Viterbi over first-order tag transitions, invalid sequences ruled
 * out), with the forward scores: the best score of the words up to i with tag c at i, at i * N + c.
 */
function viterbi(l: Lattice): { path: number[]; score: number; forward: Float64Array } {
  const { n, emit, trans } = l;
  const score = new Float64Array(n * N).fill(-Infinity);
  const back = new Int32Array(n * N).fill(-1);
  for (let c = 0; c < N; c++) if (START[c] && (n > 1 || END_OK[c])) score[c] = emit[c]! + trans[0]![c]!;
  for (let i = 1; i < n; i++) {
    const atEnd = i === n - 1;
    const tr = trans[i]!;
    const from = (i - 1) * N;
    for (let c = 0; c < N; c++) {
      if (atEnd && !END_OK[c]) continue;
      let best = -Infinity;
      let arg = -1;
      const before = BEFORE[c]!;
      for (let k = 0; k < before.length; k++) {
        const q = before[k]!;
        const prev = score[from + q]!;
        if (prev === -Infinity) continue;
        const v = prev + tr[(q + 1) * N + c]!;
        if (v > best) {
          best = v;
          arg = q;
        }
      }
      if (arg >= 0) {
        score[i * N + c] = best + emit[i * N + c]!;
        back[i * N + c] = arg;
      }
    }
  }
  let last = -1;
  for (let c = 0; c < N; c++) if (score[(n - 1) * N + c]! > -Infinity && (last < 0 || score[(n - 1) * N + c]! > score[(n - 1) * N + last]!)) last = c;
  const best = score[(n - 1) * N + last]!;
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = last;
    last = back[i * N + last]!;
  }
  return { path, score: best, forward: score };
}

/**
 * The best tag sequence. With `gold`, one structured perceptron update (Collins 2002): where the
 * predicted sequence differs from the gold one, the gold features gain and the predicted ones lose.
 */
function decode(p: AveragedPerceptron, raw: readonly string[], rules: readonly string[] | undefined, gold?: readonly string[]): string[] {
  const l = lattice(p, raw, rules);
  const { path } = viterbi(l);
  if (gold) {
    p.tick();
    const g = gold.map((t) => tagIndex.get(t) ?? 0);
    for (let i = 0; i < l.n; i++) {
      if (g[i] === path[i] && (i === 0 || g[i - 1] === path[i - 1])) continue;
      const gh = historyOf(i ? g[i - 1]! : -1);
      const ph = historyOf(i ? path[i - 1]! : -1);
      p.add([...l.statics[i]!, `t-1=${gh}`, `t-1w=${gh}|${l.lower[i]}`], g[i]!, 1);
      p.add([...l.statics[i]!, `t-1=${ph}`, `t-1w=${ph}|${l.lower[i]}`], path[i]!, -1);
    }
  }
  return path.map((c) => TAGS[c]!);
}

/** Tags one sentence of words (with the rules' tags for them, when the model was trained with them). */
export function tagWords(model: NerModel, words: readonly string[], rules?: readonly string[]): string[] {
  if (!words.length) return [];
  return viterbi(lattice(model.perceptron, words, rules, finished(model.perceptron))).path.map((c) => TAGS[c]!);
}

/**
 * The names of one sentence (those `wanted`, when it is given), each with its margin: how much the best
 * reading scores above the best reading that leaves the name's words outside any name (0 or more;
 * larger is surer).
 */
export function tagSpans(model: NerModel, words: readonly string[], rules?: readonly string[], wanted: (span: NameSpan) => boolean = () => true): (NameSpan & { readonly margin: number })[] {
  if (!words.length) return [];
  const l = lattice(model.perceptron, words, rules, finished(model.perceptron));
  const best = viterbi(l);
  const spans = spansOf(best.path.map((c) => TAGS[c]!)).filter(wanted);
  if (!spans.length) return [];
  const outside = bestOutside(l, best.forward);
  return spans.map((sp) => ({ ...sp, margin: best.score - outside(sp) }));
}

/**
 * The best score of a reading that keeps the words [first, last) outside any name, for any span, from the
 * forward scores (Viterbi's) and the backward ones: the best prefix before the span, the span's words all
 * O, and the best suffix after it. The same as decoding again with the span ruled out, for the cost of
 * one backward pass per sentence.
 */
function bestOutside(l: Lattice, forward: Float64Array): (span: { first: number; last: number }) => number {
  const { n, emit, trans } = l;
  // backward[i * N + c]: the best score of the words after i given tag c at i (their emissions included).
  const backward = new Float64Array(n * N).fill(-Infinity);
  for (let c = 0; c < N; c++) if (END_OK[c]) backward[(n - 1) * N + c] = 0;
  for (let i = n - 2; i >= 0; i--) {
    const tr = trans[i + 1]!;
    const to = (i + 1) * N;
    for (let q = 0; q < N; q++) {
      let best = -Infinity;
      const next = AFTER[q]!;
      for (let k = 0; k < next.length; k++) {
        const c = next[k]!;
        const after = backward[to + c]!;
        if (after === -Infinity) continue;
        const v = tr[(q + 1) * N + c]! + emit[to + c]! + after;
        if (v > best) best = v;
      }
      backward[i * N + q] = best;
    }
  }
  return ({ first, last }) => {
    // Into the span's first word, as O.
    let score = -Infinity;
    if (first === 0) score = trans[0]![0]! + emit[0]!;
    else {
      for (let q = 0; q < N; q++) {
        const before = forward[(first - 1) * N + q]!;
        if (before === -Infinity || !ALLOWED[q * N]) continue;
        const v = before + trans[first]![(q + 1) * N]! + emit[first * N]!;
        if (v > score) score = v;
      }
    }
    // Through the span, O after O.
    for (let i = first + 1; i < last; i++) score += trans[i]![N]! + emit[i * N]!;
    // Out of it: O at the last word (the sentence ends there) or the best way on.
    if (last === n) return score;
    let after = -Infinity;
    for (let c = 0; c < N; c++) {
      const rest = backward[last * N + c]!;
      if (rest === -Infinity || !ALLOWED[c]) continue;
      const v = trans[last]![N + c]! + emit[last * N + c]! + rest;
      if (v > after) after = v;
    }
    return score + after;
  };
}

/** The names in a sentence's BILOU tags. */
export function spansOf(tags: readonly string[]): NameSpan[] {
  const out: NameSpan[] = [];
  let start = -1;
  tags.forEach((t, i) => {
    if (t.startsWith('U-')) out.push({ first: i, last: i + 1, type: t.slice(2) as NameClass });
    else if (t.startsWith('B-')) start = i;
    else if (t.startsWith('L-') && start >= 0) {
      out.push({ first: start, last: i + 1, type: t.slice(2) as NameClass });
      start = -1;
    }
  });
  return out;
}

/** BILOU tags from names given as spans. */
export function bilou(length: number, spans: readonly NameSpan[]): string[] {
  const tags = Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.last - s.first === 1) tags[s.first] = `U-${s.type}`;
    else {
      tags[s.first] = `B-${s.type}`;
      for (let k = s.first + 1; k < s.last - 1; k++) tags[k] = `I-${s.type}`;
      tags[s.last - 1] = `L-${s.type}`;
    }
  }
  return tags;
}

export interface TrainOptions {
  readonly epochs?: number;
  readonly seed?: number;
  readonly onEpoch?: (epoch: number, errors: number, tokens: number) => void;
}

/** Trains a tagger: sentences shuffled each epoch (seeded), weights averaged at the end. */
export function trainTagger(sentences: readonly TrainingSentence[], card: Omit<ModelCard, 'features' | 'epochs'>, { epochs = 6, seed = 1, onEpoch }: TrainOptions = {}): NerModel {
  const p = new AveragedPerceptron(TAGS);
  const order = [...sentences.keys()];
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const k of order) {
      const sent = sentences[k]!;
      if (!sent.words.length) continue;
      const got = decode(p, sent.words, sent.rules, sent.tags);
      for (let i = 0; i < got.length; i++) if (got[i] !== sent.tags[i]) errors++;
      tokens += got.length;
    }
    onEpoch?.(e + 1, errors, tokens);
  }
  p.average();
  return { card: { ...card, epochs, features: p.weights.size }, perceptron: p };
}

/**
 * The model as a compact file, gzip of four parts: the card as JSON (with the tag set), the feature
 * names one a line, then per feature its non-zero weights rounded to 1/100 as (count, then class and
 * value pairs) in bytes; features whose weights all round to zero are left out. Reading it is a few
 * hundred milliseconds (no JSON per feature).
 */
const MAGIC = 'kg-ner-2';

export function saveModel(model: NerModel): Buffer {
  const names: string[] = [];
  const rows: number[][] = [];
  for (const [f, w] of model.perceptron.weights) {
    const nz: number[] = [];
    for (let c = 0; c < w.length; c++) {
      const v = Math.max(-32768, Math.min(32767, Math.round(w[c]! * 100)));
      if (v !== 0) nz.push(c, v);
    }
    if (nz.length) {
      names.push(f);
      rows.push(nz);
    }
  }
  const head = Buffer.from(JSON.stringify({ format: MAGIC, ...model.card, features: names.length, tags: TAGS }), 'utf8');
  const text = Buffer.from(names.join('\n'), 'utf8');
  const body = Buffer.alloc(rows.reduce((n, r) => n + 1 + (r.length / 2) * 3, 0));
  let o = 0;
  for (const r of rows) {
    body.writeUInt8(r.length / 2, o++);
    for (let k = 0; k < r.length; k += 2) {
      body.writeUInt8(r[k]!, o);
      body.writeInt16LE(r[k + 1]!, o + 1);
      o += 3;
    }
  }
  const sizes = Buffer.alloc(8);
  sizes.writeUInt32LE(head.length, 0);
  sizes.writeUInt32LE(text.length, 4);
  return gzipSync(Buffer.concat([sizes, head, text, body]), { level: 9 });
}

export function loadModel(file: Uint8Array): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(file);
  } catch {
    throw new Error('not gzip data');
  }
  if (raw.length < 8) throw new Error('too short');
  const headLength = raw.readUInt32LE(0);
  const textLength = raw.readUInt32LE(4);
  if (8 + headLength + textLength > raw.length) throw new Error('cut short');
  let head: ModelCard & { format?: string; tags?: string[] };
  try {
    head = JSON.parse(raw.toString('utf8', 8, 8 + headLength)) as typeof head;
  } catch {
    throw new Error('its card is not JSON (written by an older kg? run npm run train again)');
  }
  if (head.format !== MAGIC) throw new Error(`its format is ${JSON.stringify(head.format)}, not ${MAGIC}`);
  if (head.tags?.join() !== TAGS.join()) throw new Error(`the model's tags (${head.tags?.length ?? 0}) are not this tagger's (${TAGS.length})`);
  const names = raw.toString('utf8', 8 + headLength, 8 + headLength + textLength).split('\n');
  const n = TAGS.length;
  const all = new Float32Array(names.length * n);
  const p = new AveragedPerceptron(TAGS);
  let o = 8 + headLength + textLength;
  for (let i = 0; i < names.length; i++) {
    if (o >= raw.length) throw new Error('cut short');
    const count = raw[o++]!;
    const w = all.subarray(i * n, (i + 1) * n);
    for (let k = 0; k < count; k++) {
      const c = raw[o]!;
      if (c >= n) throw new Error(`a weight for class ${c}`);
      w[c] = raw.readInt16LE(o + 1) / 100;
      o += 3;
    }
    p.weights.set(names[i]!, w);
  }
  const { tags: _tags, format: _format, ...card } = head;
  return { card, perceptron: p };
}
