/**
 * What kg's rules decide for the words of a training corpus, so the tagger learns when to trust them:
 * each document is rebuilt as text (words joined by spaces, one sentence a line), read by wink-nlp and
 * the rules as an article would be, and the rules' tags are mapped back onto the corpus's words.
 */
import type { WinkMethods } from 'wink-nlp';
import { findEntities } from '../entities.js';
import { tokenize } from '../tokens.js';
import type { TrainingSentence } from './tagger.js';

/** The sentences with `rules` filled in; sentences without a document are read 20 at a time. */
export function withRuleTags<T extends TrainingSentence & { doc?: string }>(sentences: readonly T[], nlp: WinkMethods): T[] {
  const out: T[] = [];
  let i = 0;
  while (i < sentences.length) {
    const key = sentences[i]!.doc;
    let j = i + 1;
    while (j < sentences.length && (key === undefined ? j - i < 20 && sentences[j]!.doc === undefined : sentences[j]!.doc === key)) j++;
    out.push(...documentRuleTags(sentences.slice(i, j), nlp));
    i = j;
  }
  return out;
}

function documentRuleTags<T extends TrainingSentence>(doc: readonly T[], nlp: WinkMethods): T[] {
  let text = '';
  const spans: { start: number; end: number }[][] = [];
  for (const s of doc) {
    const list: { start: number; end: number }[] = [];
    s.words.forEach((w, k) => {
      if (k) text += ' ';
      list.push({ start: text.length, end: text.length + w.length });
      text += w;
    });
    text += '\n';
    spans.push(list);
  }
  const tok = tokenize(nlp, text);
  let ruleTags: readonly string[] = [];
  findEntities(text, tok, (tags) => {
    ruleTags = tags;
    return new Map();
  });
  // A corpus word takes the rules' tag of the wink word it starts with.
  const tagAt = new Map<number, string>();
  tok.words.forEach((w, k) => tagAt.set(w.start, ruleTags[k] ?? 'O'));
  return doc.map((s, k) => ({ ...s, rules: spans[k]!.map((sp) => tagAt.get(sp.start) ?? 'O') }));
}
