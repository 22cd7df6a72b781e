import { createHash } from 'node:crypto';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { checkExtraction, extractionSchema, fold, slug } from '@kg/graph/contract';
import type { Entity, EntityType, Evidence, Extraction, Quote, Relation } from '@kg/graph/contract';
import { findReporting } from './attribution.js';
import { findEntities, lookupPlace, type DocumentEntities, type NameTagger } from './entities.js';
import { tagSpans, type NameSpan, type NerModel } from './ner/tagger.js';
import { DESCRIBED, GAZETTEER, isEventHead, nationalBody, officeHolders } from './lexicon.js';
import { KgExtractorError } from './errors.js';
import { findQuotes, findRelations, isQuoteVerb, mayCarryFact, resolveReferences, typeFromGrammar } from './relations.js';
import { inClauseOf, parseDocument } from './grammar.js';
import type { DepModel } from './parse/parser.js';
import { tokenize, type Tokenized } from './tokens.js';
import { cityCountry } from './names-gazetteer.js';
import { dateLine, findDates, findQuantities, parseDay } from './when.js';

export interface ArticleInput {
  /** Where the text came from (a path as given); shown in the output and in errors. */
  readonly source: string;
  readonly text: string;
  /** Document id; by default derived from the text's SHA-256, so the same text gets the same id. */
  readonly id?: string;
  /**
   * The article's date (YYYY-MM-DD), against which "on Wednesday" or "last month" are resolved.
   * Without it, a date line near the top of the text is used; without that, dates keep only their text.
   */
  readonly date?: string;
}

export interface Extractor {
  /** One article to the extraction contract, validated. */
  extract(input: ArticleInput): Extraction;
}

/**
 * The wink-nlp stages the extractor reads (sentences and part-of-speech tags). Passing
 * `winkNLP(model, WINK_PIPE)` skips the stages it does not use and gives the same output, faster.
 */
export const WINK_PIPE = ['sbd', 'pos'];

export interface ExtractorOptions {
  /** A wink-nlp instance: `winkNLP(model, WINK_PIPE)` with wink-eng-lite-web-model (`winkNLP(model)` works too). */
  readonly nlp: WinkMethods;
  /**
   * kg's name tagger (`loadNerModel()` reads the one shipped in this package): it types the names the
   * rules find no evidence for. Without it, only the rules decide.
   */
  readonly model?: NerModel;
  /**
   * kg's dependency parser (`loadDepModel()` reads the one shipped in this package): relations and quotes
   * are then also read from the grammar of each sentence. Without it, only the word-order rules find them.
   */
  readonly parser?: DepModel;
}

export function createExtractor({ nlp, model, parser }: ExtractorOptions): Extractor {
  return {
    extract(input) {
      if (input.date !== undefined && !parseDay(input.date)) throw new KgExtractorError('INVALID_INPUT', `date "${input.date}" for ${input.source} is not a calendar date (YYYY-MM-DD)`, { source: input.source });
      const x = extractOne(nlp, input, model, parser);
      const parsed = extractionSchema.safeParse(x);
      if (!parsed.success) throw new KgExtractorError('INVALID_OUTPUT', `extraction of ${input.source} broke the contract: ${parsed.error.issues[0]?.message ?? 'unknown'}`, { source: input.source });
      const problems = checkExtraction(parsed.data);
      if (problems.length) throw new KgExtractorError('INVALID_OUTPUT', `extraction of ${input.source} is inconsistent: ${problems[0]}`, { source: input.source });
      return parsed.data;
    },
  };
}

let defaultNlp: WinkMethods | undefined;

/**
 * An extraction with one document and nothing found yet: the article as kg stores it (id from the text's
 * SHA-256, title, date line, sentences with offsets), for a custom or LLM extractor to fill in with
 * entities, relations and quotes before `buildGraph` or a store. Sentences come from wink-nlp as in
 * `createExtractor` (the NLP model is loaded on first use unless one is passed).
 */
/** Words before a title that say its holder no longer holds it: "former", "ex-", "the late". */
const ENDED_BEFORE = /(?:^|[^\p{L}])(?:(?:[Ff]ormer|[Ee]rstwhile|[Oo]ne-?time|[Oo]utgoing|[Ll]ate)\s+|(?:[Ee]x|[Tt]hen)-)(?:(?:[\p{Lu}][\p{L}'.-]*|and|of|the)\s+){0,3}$/u;

/** Whether the sentence says the role is over, where it writes the role nearest `anchor` (an offset in it). */
function roleEnded(sentence: string, role: string, anchor: number): boolean {
  const lower = sentence.toLowerCase();
  const want = role.toLowerCase();
  let best = -1;
  for (let at = lower.indexOf(want); at >= 0; at = lower.indexOf(want, at + 1)) if (best < 0 || Math.abs(at - anchor) < Math.abs(best - anchor)) best = at;
  return best >= 0 && ENDED_BEFORE.test(sentence.slice(Math.max(0, best - 40), best));
}

export function createDocument(text: string, source: string, { nlp }: { nlp?: WinkMethods } = {}): Extraction {
  nlp ??= defaultNlp ??= winkNLP(winkModel, WINK_PIPE);
  const { id, sha256 } = documentId(text);
  const tok = tokenize(nlp, text);
  const date = dateLine(text);
  return {
    documents: [
      {
        id,
        source,
        title: titleOf(text),
        sha256,
        ...(date ? { date } : {}),
        text,
        sentences: tok.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
      },
    ],
    entities: [],
    relations: [],
    quotes: [],
  };
}

/** An article's title: its first line that is not blank, cut at 200 characters. */
function titleOf(text: string): string {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

export function documentId(text: string): { id: string; sha256: string } {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { id: `d-${sha256.slice(0, 16)}`, sha256 };
}

const PREFIX: Record<EntityType, string> = { Person: 'person', Organization: 'organization', Location: 'location', Product: 'product' };

const NAME_TYPES: Record<string, EntityType | undefined> = { PER: 'Person', ORG: 'Organization', LOC: 'Location', PRD: 'Product', MISC: undefined };

/**
 * The tagger's words for a sentence: wink-nlp splits hyphenated words ("Yong - hyun", "al - Qaida") where
 * the training corpora keep one token, so words joined by a hyphen without spaces are read as one.
 * Returns, per tagger word, the range of wink words [first, last) it covers.
 */
export function taggerWords(words: readonly { text: string; spaceBefore: boolean }[], first: number, last: number): [number, number][] {
  const groups: [number, number][] = [];
  const letters = (t: string | undefined): boolean => !!t && /[\p{L}\p{N}]$/u.test(t) && /^[\p{L}\p{N}]/u.test(t);
  for (let k = first; k < last; k++) {
    const w = words[k]!;
    const g = groups.at(-1);
    // "-" glued to a word before and a word after; then the word after the hyphen.
    // Not a description glued to a name ("San Francisco-based", "Sharif-led"): the name stays apart.
    const hyphen = w.text === '-' && !w.spaceBefore && k + 1 < last && !words[k + 1]!.spaceBefore && letters(words[k - 1]?.text) && letters(words[k + 1]!.text) && !DESCRIBED.test(`x-${words[k + 1]!.text}`);
    const afterHyphen = k > first && words[k - 1]!.text === '-' && g !== undefined && g[1] === k && g[1] - g[0] > 1;
    if (g && (hyphen || afterHyphen)) g[1] = k + 1;
    else groups.push([k, k + 1]);
  }
  return groups;
}

/** One rule tag for a group of wink words (BILOU of the span they belong to, "C" or "O"). */
function groupTag(tags: readonly string[], a: number, b: number): string {
  const head = tags[a] ?? 'O';
  if (b - a === 1 || head === 'O' || head === 'C') return head;
  const tail = tags[b - 1] ?? 'O';
  const type = head.slice(2);
  const starts = head.startsWith('B-') || head.startsWith('U-');
  const ends = tail.startsWith('L-') || tail.startsWith('U-');
  return `${starts ? (ends ? 'U' : 'B') : ends ? 'L' : 'I'}-${type}`;
}

/** How sure each mention of an organization the article repeats must be, at least, as a share of the model's margin (see nameTagger). */
const POOL_FLOOR = 0.5;

/** The tagger over the sentences of a document worth tagging, with the rules' tags as features. */
function nameTagger(model: NerModel, tok: ReturnType<typeof tokenize>): NameTagger {
  const minMargin = model.card.minMargin ?? 0;
  return (ruleTags, worthTagging) => {
    const found: { key: string; name: string; margin: number; type: EntityType | undefined }[] = [];
    for (const s of tok.sentences) {
      if (!worthTagging(s.index)) continue;
      const groups = taggerWords(tok.words, s.first, s.last);
      const words = groups.map(([a, b]) => tok.words.slice(a, b).map((w) => w.text).join(''));
      const rules = groups.map(([a, b]) => groupTag(ruleTags, a, b));
      // A name wholly inside names the rules typed changes nothing (those keep their type and boundaries).
      const open = (span: NameSpan): boolean => rules.slice(span.first, span.last).some((t) => t === 'O' || t === 'C');
      for (const span of tagSpans(model, words, rules, open)) {
        // An event's or a law's name ("General Election", "Criminal Justice Act", "the Bill") is none of the four kinds.
        const event = (span.last - span.first > 1 || words[span.first - 1]?.toLowerCase() === 'the') && isEventHead(words[span.last - 1]!.toLowerCase());
        // Nor is a title in the plural ("Senators", "Foreign Ministers").
        const holders = officeHolders(words.slice(span.first, span.last).map((w) => w.toLowerCase()), words[span.first - 1]?.toLowerCase());
        const inside = words.slice(span.first, span.last);
        // No name runs over a semicolon ("Fanolua, Kiole; Paul, Gomarsall" is a team sheet).
        if (inside.includes(';')) continue;
        const name = inside.join(' ');
        found.push({ key: `${groups[span.first]![0]}:${groups[span.last - 1]![1]}`, name, margin: span.margin, type: event || holders ? undefined : NAME_TYPES[span.type] });
      }
    }
    // Names the tagger is not sure of are left to the rules (the margin is the model's, see its card),
    // except an organization the article names again and again: when the margins of its mentions add up
    // to the model's, each mention at least half of it, it is taken ("Peoplesoft", "Arsenal", "Unison"
    // without a cue; a brand named five times is surer than once). Not a name the rules typed somewhere
    // in the article, nor one the tagger reads two ways. Only organizations: pooled people and places
    // were companies and products half the time on BBC (Siemens, Parmalat as people; Crossrail as a
    // place) and cost precision on the held-out splits.
    const typed = new Set<string>();
    for (let k = 0, start = -1; k < ruleTags.length; k++) {
      const t = ruleTags[k]!;
      if (t.startsWith('B-') || t.startsWith('U-')) start = k;
      if ((t.startsWith('L-') || t.startsWith('U-')) && start >= 0) {
        typed.add(tok.words.slice(start, k + 1).map((w, i) => (i && w.spaceBefore ? ` ${w.text}` : w.text)).join(''));
        start = -1;
      }
    }
    const readings = new Map<string, Set<EntityType | undefined>>();
    for (const f of found) readings.set(f.name, (readings.get(f.name) ?? new Set()).add(f.type));
    const pooled = new Map<string, number>();
    for (const f of found) if (f.type === 'Organization' && !typed.has(f.name) && readings.get(f.name)!.size === 1) pooled.set(f.name, (pooled.get(f.name) ?? 0) + f.margin);
    const out = new Map<string, EntityType | undefined>();
    for (const f of found) if (f.margin >= minMargin || (f.margin >= POOL_FLOOR * minMargin && (pooled.get(f.name) ?? 0) >= minMargin)) out.set(f.key, f.type);
    return out;
  };
}

/**
 * The sentences whose parse can change the output (most of a long article's cannot, and parsing is most
 * of the extraction's time): two names or more with a word that can carry a fact (a trigger verb or noun,
 * a title: a fact or a role needs two names and one of them), one with a pronoun that may
 * stand for a person, any quotation mark (the speaker is read from the speech verb's subject), and a
 * person's sentence before a pronoun (whether the person was its subject decides who "he" is).
 */
function worthParsing(tok: Tokenized, refs: readonly { sentence: number; key?: string }[], typeOf: (key: string) => EntityType | undefined): (sentence: number) => boolean {
  const n = tok.sentences.length;
  const names = new Uint16Array(n);
  const persons = new Uint8Array(n);
  const pronoun = new Uint8Array(n);
  const quote = new Uint8Array(n);
  const speech = new Uint8Array(n);
  const cue = new Uint8Array(n);
  for (const r of refs) {
    names[r.sentence] = Math.min(65535, names[r.sentence]! + 1);
    if (r.key && typeOf(r.key) === 'Person') persons[r.sentence] = 1;
  }
  for (const w of tok.words) {
    if (/^(he|she|him|her)$/.test(w.lower)) pronoun[w.sentence] = 1;
    else if (/^[“”"«»]$/.test(w.text)) quote[w.sentence] = 1;
    else {
      if (cue[w.sentence] === 0 && mayCarryFact(w.lower)) cue[w.sentence] = 1;
      if (speech[w.sentence] === 0 && isQuoteVerb(w.lower)) speech[w.sentence] = 1;
    }
  }
  return (s) => (names[s]! >= 2 && cue[s] === 1) || (quote[s] === 1 && speech[s] === 1) || (names[s]! >= 1 && pronoun[s] === 1) || (persons[s] === 1 && s + 1 < n && pronoun[s + 1] === 1);
}

/**
 * The country of a body that many countries have ("Labor Party", "High Court"; see nationalBody), where
 * the text ties the two: a country, a place in it or a nationality just before the name ("Spain's High
 * Court", "Australia's Liberal Party", "the Nigerian Senate") or after "in" or "of" just after it ("the
 * High Court in London"). One country for all of an article's ties, else none; the country an article is
 * mostly about is no evidence (BBC's British parties are named in articles about Iraq or Australia).
 */
function bodyCountries(tok: Tokenized, found: DocumentEntities): Map<string, string> {
  const countryOfRef = (r: DocumentEntities['refs'][number]): string | undefined => {
    if (r.key.startsWith('country:')) return GAZETTEER.byName.get(r.key.slice('country:'.length))?.key;
    const e = found.entities.get(r.key);
    if (e?.type !== 'Location') return undefined;
    const region = lookupPlace(e.name)?.regionOf;
    if (region) return GAZETTEER.byName.get(fold(region))?.key;
    const city = cityCountry(e.name);
    return (GAZETTEER.capitals.get(fold(e.name)) ?? (city ? GAZETTEER.byCode.get(city) : undefined))?.key;
  };
  const before = new Map<number, string>(); // word a name may start at -> the country just before it
  const after = new Map<number, string>(); // word a name may end before ("in", "of") -> the country after it
  for (const r of found.refs) {
    const country = countryOfRef(r);
    if (!country) continue;
    before.set(r.last, country);
    if (tok.words[r.last]?.lower === "'s" || tok.words[r.last]?.lower === '’s') before.set(r.last + 1, country);
    if (/^(in|of)$/.test(tok.words[r.first - 1]?.lower ?? '')) after.set(r.first - 1, country);
  }
  const ties = new Map<string, Set<string>>();
  for (const r of found.refs) {
    const e = found.entities.get(r.key);
    if (r.kind !== 'name' || e?.type !== 'Organization' || !nationalBody(e.name)) continue;
    for (const c of [before.get(r.first), after.get(r.last)]) if (c) ties.set(r.key, (ties.get(r.key) ?? new Set()).add(c));
  }
  return new Map([...ties].filter(([, c]) => c.size === 1).map(([k, c]) => [k, [...c][0]!]));
}

function extractOne(nlp: WinkMethods, input: ArticleInput, model: NerModel | undefined, parser: DepModel | undefined): Extraction {
  const { text, source } = input;
  const hashed = documentId(text);
  const docId = input.id ?? hashed.id;
  const tok = tokenize(nlp, text);
  const found = findEntities(text, tok, model ? nameTagger(model, tok) : undefined);

  // A country named only by an adjective ("Russian strikes") becomes an entity when a fact needs it.
  const countryOf = (key: string) => (key.startsWith('country:') ? GAZETTEER.byName.get(key.slice('country:'.length)) : undefined);
  const typeOf = (key: string): EntityType | undefined => found.entities.get(key)?.type ?? (countryOf(key) ? 'Location' : undefined);
  // The parse reads each name as one word; pronouns are then resolved with it.
  const names = [...found.refs.filter((r) => r.kind === 'name'), ...found.untyped];
  const grammar = parser ? parseDocument(parser, tok, names, worthParsing(tok, [...found.refs, ...found.untyped], typeOf)) : undefined;
  // What a sentence does with a name can type it ("Joe Biden met Xi Jinping": a person).
  if (grammar) typeFromGrammar(text, tok, found, grammar, typeOf);
  const refs = resolveReferences(tok.words, found, typeOf, grammar);
  const relations = findRelations({ tok, doc: found, refs, typeOf, ...(grammar ? { grammar } : {}) });
  const quotes = findQuotes(text, tok, refs, typeOf, grammar);
  for (const key of [...relations.flatMap((r) => [r.source, r.target]), ...quotes.map((q) => q.speaker)]) {
    const country = key === undefined || found.entities.has(key) ? undefined : countryOf(key);
    if (country && key) found.entities.set(key, { key, type: 'Location', name: country.key, surfaces: new Set(), mentions: [], merges: [] });
  }

  // A body many countries have ("Labor Party", "Supreme Court") is the one of the country the text ties it to.
  const bodyCountry = bodyCountries(tok, found);
  const idOf = new Map<string, string>();
  for (const e of found.entities.values()) {
    const country = bodyCountry.get(e.key);
    idOf.set(e.key, `${PREFIX[e.type]}:${slug(e.name)}${country ? `@${slug(country)}` : ''}`);
  }

  const entities: Entity[] = [...found.entities.values()].map((e) => ({
    id: idOf.get(e.key)!,
    type: e.type,
    name: e.name,
    aliases: [...e.surfaces].filter((s) => s !== e.name).sort(),
    mentions: e.mentions
      .sort((a, b) => a.start - b.start)
      .map((m) => ({ doc: docId, start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
    merges: e.merges,
  }));
  const reporting = findReporting(text, found.bylines.flatMap((b) => (b.agency ? [b.agency] : [])));
  const articleDate = input.date ?? dateLine(text);
  const day = parseDay(articleDate);
  // Dates and amounts are read once per sentence (a sentence can carry many facts).
  const dateCache = new Map<string, ReturnType<typeof findDates>>();
  const datesIn = (sentence: number, sentenceText: string, future: boolean): ReturnType<typeof findDates> => {
    const k = `${sentence}|${future}`;
    let d = dateCache.get(k);
    if (!d) dateCache.set(k, (d = findDates(sentenceText, day, future)));
    return d;
  };
  const quantityCache = new Map<string, ReturnType<typeof findQuantities>>();
  const quantitiesIn = (sentence: number, sentenceText: string, future: boolean, dates: ReturnType<typeof findDates>): ReturnType<typeof findQuantities> => {
    const k = `${sentence}|${future}`;
    let q = quantityCache.get(k);
    if (!q) quantityCache.set(k, (q = findQuantities(sentenceText, dates)));
    return q;
  };
  /** The word at a character offset (the first that ends after it). */
  const wordAt = (offset: number): number => {
    let a = 0;
    let b = tok.words.length - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if (tok.words[m]!.end <= offset) a = m + 1;
      else b = m;
    }
    return a;
  };
  /** Where a fact stands in the text: its trigger word, else its subject's mention in its sentence. */
  const anchorOf = (r: (typeof relations)[number]): number =>
    r.at !== undefined ? tok.words[r.at]!.start : (found.entities.get(r.source)?.mentions.find((m) => m.sentence === r.sentence)?.start ?? tok.sentences[r.sentence]!.start);
  const evidence = (r: (typeof relations)[number]): Evidence => {
    const s = tok.sentences[r.sentence]!;
    const sentenceText = text.slice(s.start, s.end);
    // Facts without a trigger word (roles, "Kyiv, Ukraine") carry no date or amount of their own.
    const trigger = r.at === undefined ? undefined : tok.words[r.at]!.start;
    const dates = trigger === undefined ? [] : datesIn(r.sentence, sentenceText, r.modality === 'planned');
    // With a parse, a date of the trigger's own clause; without one, the date nearest the trigger. The
    // amounts that follow the trigger closely.
    const own = grammar && r.at !== undefined && grammar.parsed(r.sentence) ? dates.filter((d) => inClauseOf(grammar, wordAt(s.start + d.start), r.at!)) : dates;
    const date = trigger === undefined ? undefined : [...own].sort((a, b) => Math.abs(s.start + a.start - trigger) - Math.abs(s.start + b.start - trigger))[0];
    const quantities = trigger === undefined ? [] : quantitiesIn(r.sentence, sentenceText, r.modality === 'planned', dates).filter((q) => s.start + q.start >= trigger && s.start + q.start - trigger <= 80).map((q) => q.text);
    return {
      doc: docId,
      start: s.start,
      end: s.end,
      modality: r.modality,
      ...(r.cue ? { cue: r.cue } : {}),
      ...(date ? { date: { text: date.text, ...(date.value ? { value: date.value, granularity: date.granularity } : {}) } } : {}),
      ...(quantities.length ? { quantities } : {}),
      ...(r.type === 'HOLDS_ROLE' && (r.ended || (r.role && roleEnded(sentenceText, r.role, anchorOf(r) - s.start))) ? { ended: true } : {}),
    };
  };
  const rels: Relation[] = relations.map((r) => ({
    type: r.type,
    source: idOf.get(r.source)!,
    target: idOf.get(r.target)!,
    evidence: [evidence(r)],
    trigger: r.trigger,
    ...(r.role === undefined ? {} : { role: r.role }),
  }));
  const qs: Quote[] = quotes.map((q) => ({
    ...(q.speaker && idOf.has(q.speaker) ? { speaker: idOf.get(q.speaker)! } : {}),
    text: q.text,
    doc: docId,
    start: q.start,
    end: q.end,
  }));
  return {
    documents: [
      {
        id: docId,
        source,
        title: titleOf(text),
        sha256: hashed.sha256,
        ...(parseDay(articleDate) ? { date: articleDate! } : {}),
        ...(found.bylines.length ? { bylines: found.bylines.map((b) => ({ ...b })) } : {}),
        ...(reporting.outlet ? { outlet: reporting.outlet } : {}),
        ...(reporting.attributions.length
          ? {
              attributions: reporting.attributions.map((a) => {
                const entity = entities.find((e) => e.mentions.some((m) => m.start < a.nameEnd && a.nameStart < m.end));
                return { agency: a.agency, text: a.text, start: a.start, end: a.end, ...(entity ? { entity: entity.id } : {}) };
              }),
            }
          : {}),
        text,
        sentences: tok.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
      },
    ],
    entities,
    relations: rels,
    quotes: qs,
  };
}
