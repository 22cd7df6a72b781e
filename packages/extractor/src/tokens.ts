/**
 * From wink-nlp's tokens to words with offsets into the original text.
 * wink-nlp is nearly lossless (precedingSpaces + value rebuild the text, but for a few characters it drops,
 * which are found again here), so offsets are exact; it splits some
 * non-ASCII words ("Erdo|ğ|an"), which are joined again here.
 */
import type { WinkMethods } from 'wink-nlp';

export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  readonly pos: string;
  /** Index of the sentence the word belongs to. */
  readonly sentence: number;
  /** True when whitespace separates this word from the one before. */
  readonly spaceBefore: boolean;
}

export interface SentenceSpan {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Word indexes [first, last). */
  readonly first: number;
  readonly last: number;
}

export interface Tokenized {
  readonly words: readonly Word[];
  readonly sentences: readonly SentenceSpan[];
}

const LETTERS = /^[\p{L}\p{M}]+$/u;
const NON_ASCII = /[^\x00-\x7f]/;
const POSSESSIVE = /^(\p{L}[\p{L}\p{M}.-]*)['\u2019]s$/u;
const CAPITAL = /^\p{Lu}/u;

/** Abbreviated titles before a name, after which a period does not end the sentence. */
const TITLE_ABBREVIATIONS = new Set('mr mrs ms dr prof gen lt col maj capt sgt cpl adm cmdr gov sen rep rev st hon pres supt insp brig'.split(' '));

export function tokenize(nlp: WinkMethods, text: string): Tokenized {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const sentenceOf = new Int32Array(values.length);
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  spans.forEach(([a, b], i) => {
    for (let t = a; t <= b; t++) sentenceOf[t] = i;
  });

  const words: Word[] = [];
  const sentences: SentenceSpan[] = [];
  let offset = 0;
  let sentence = -1;
  let winkSentence = -1;
  let breakPending = true;
  const closeSentence = (): void => {
    const open = sentences[sentences.length - 1];
    const lastWord = words[words.length - 1];
    if (open && open.last === -1 && lastWord) sentences[sentences.length - 1] = { ...open, last: words.length, end: lastWord.end };
  };

  for (let t = 0; t < values.length; t++) {
    const space = spaces[t] ?? '';
    const value = values[t] ?? '';
    let start = offset + space.length;
    // wink-nlp drops some characters (vertical tab, form feed, U+2028, U+2029, U+FEFF, U+3000, U+2000...):
    // the token is then found again in the text, past whitespace only.
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, offset);
      if (found >= 0 && /^\s*$/.test(text.slice(offset, found))) start = found;
    }
    const end = start + value.length;
    offset = end;
    if (space.includes('\n')) breakPending = true;
    if (value.trim() === '') {
      if (value.includes('\n')) breakPending = true;
      continue;
    }
    const prev = words[words.length - 1];
    if (prev && space === '' && prev.end === start && LETTERS.test(value) && LETTERS.test(prev.text) && (NON_ASCII.test(value) || NON_ASCII.test(prev.text))) {
      const text = prev.text + value;
      words[words.length - 1] = { ...prev, text, lower: text.toLowerCase(), end };
      continue;
    }
    // "Maj. Robert Brovdi", "Dr. Tedros": wink-nlp ends a sentence after some title abbreviations.
    const titled = !breakPending && prev && /^\p{Lu}/u.test(value) && (prev.text === '.' ? TITLE_ABBREVIATIONS.has(words[words.length - 2]?.lower ?? '') : prev.text.endsWith('.') && TITLE_ABBREVIATIONS.has(prev.lower.slice(0, -1)));
    if (titled && sentenceOf[t] !== winkSentence) winkSentence = sentenceOf[t] ?? winkSentence;
    if (breakPending || sentenceOf[t] !== winkSentence) {
      closeSentence();
      sentence += 1;
      sentences.push({ index: sentence, start, end, first: words.length, last: -1 });
      winkSentence = sentenceOf[t] ?? winkSentence;
      breakPending = false;
    }
    // wink-nlp splits "Blunkett's" into "Blunkett" and "'s", unless an earlier document made "Blunkett's"
    // a word of its lexicon (it learns as it reads): split here too, so the words never depend on what
    // was read before.
    const possessive = POSSESSIVE.exec(value);
    if (possessive) {
      const base = possessive[1]!;
      const mid = start + base.length;
      words.push({ text: base, lower: base.toLowerCase(), start, end: mid, pos: CAPITAL.test(base) ? 'PROPN' : 'NOUN', sentence, spaceBefore: space !== '' || t === 0 });
      words.push({ text: value.slice(base.length), lower: value.slice(base.length).toLowerCase(), start: mid, end, pos: 'PART', sentence, spaceBefore: false });
      continue;
    }
    words.push({ text: value, lower: value.toLowerCase(), start, end, pos: pos[t] ?? 'X', sentence, spaceBefore: space !== '' || t === 0 });
  }
  closeSentence();
  return { words, sentences };
}

/** A string as a regular expression that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
