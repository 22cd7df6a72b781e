/**
 * Relations and quotes from the words of one document, given its entities and references.
 * Triggers come from verb lexicons; arguments are the nearest references of an allowed type,
 * with pronouns and "the <nationality> leader" resolved to the person they stand for.
 */
import type { EntityType, RelationType } from '@kg/graph/contract';
import type { DocumentEntities, Ref } from './entities.js';
import { lookupDemonym } from './entities.js';
import { SPEECH_VERBS, TITLE_WORDS } from './lexicon.js';
import type { Tokenized, Word } from './tokens.js';

export interface LocalRelation {
  type: RelationType;
  source: string;
  target: string;
  sentence: number;
  role?: string;
  trigger: string;
}

export interface LocalQuote {
  speaker: string | undefined;
  text: string;
  start: number;
  end: number;
}

interface Trigger {
  type: RelationType;
  /** The next word must be one of these (lowercase) for the trigger to fire. */
  next?: readonly string[];
  /** Only when tagged as a verb. */
  verb?: boolean;
}

const words = (list: string, t: Trigger): [string, Trigger][] => list.trim().split(/\s+/).map((w) => [w, t]);

const TRIGGERS = new Map<string, Trigger[]>();
for (const [w, t] of [
  ...words('meet meets met', { type: 'MEETS' }),
  ...words('meeting', { type: 'MEETS', verb: true }),
  ...words('meeting meetings talks conferences summit', { type: 'MEETS', next: ['with'] }),
  ...words('visit visits visited visiting', { type: 'VISITS', verb: true }),
  ...words('travel travels traveled travelled traveling travelling head heads headed trip flew fly flies', { type: 'VISITS', next: ['to'] }),
  ...words('arrive arrives arrived', { type: 'VISITS', next: ['in'] }),
  ...words('sanction sanctions sanctioned sanctioning', { type: 'SANCTIONS' }),
  ...words('slapped slaps slap', { type: 'SANCTIONS' }),
  ...words('attack attacks attacked attacking strike strikes struck striking bombed bombing bombard bombarded bombarding bombardment bombardments shelled shelling invade invaded invading invasion target targeted targeting targets raid raids', { type: 'ATTACKS' }),
  ...words('provide provides provided providing supply supplies supplied supplying pledge pledged pledges donate donated deliver delivered', { type: 'PROVIDES_AID' }),
  ...words('aid assistance', { type: 'PROVIDES_AID', next: ['to'] }),
  ...words('accuse accused accuses condemn condemned condemns slam slammed slams blame blamed blames criticize criticized criticizes criticise criticised criticises denounce denounced rebuked', { type: 'CRITICIZES' }),
  ...words('negotiate negotiates negotiated negotiating negotiations talks', { type: 'NEGOTIATES_WITH', next: ['with', 'between'] }),
  ...words('sign signs signed signing', { type: 'SIGNS_AGREEMENT' }),
] as [string, Trigger][]) {
  TRIGGERS.set(w, [...(TRIGGERS.get(w) ?? []), t]);
}

const P: EntityType = 'Person';
const O: EntityType = 'Organization';
const L: EntityType = 'Location';
const ALLOWED: Record<RelationType, { subject: EntityType[]; object: EntityType[] }> = {
  MEETS: { subject: [P], object: [P] },
  VISITS: { subject: [P, O], object: [L] },
  SANCTIONS: { subject: [P, O, L], object: [O, L, P] },
  ATTACKS: { subject: [L, O], object: [L, O] },
  PROVIDES_AID: { subject: [L, O, P], object: [L, O] },
  CRITICIZES: { subject: [P, O, L], object: [P, O, L] },
  NEGOTIATES_WITH: { subject: [L, O, P], object: [L, O, P] },
  SIGNS_AGREEMENT: { subject: [P, L, O], object: [L, O, P] },
  HOLDS_ROLE: { subject: [P], object: [O, L, P] },
  LOCATED_IN: { subject: [L], object: [L] },
};

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const MAX_GAP = 14;

export interface RelationInput {
  tok: Tokenized;
  doc: DocumentEntities;
  /** The type of an entity key, including countries named only by an adjective. */
  typeOf: (key: string) => EntityType | undefined;
}

export function findRelations({ tok, doc, typeOf }: RelationInput): LocalRelation[] {
  const { words: ws, sentences } = tok;
  const refs = withReferences(ws, doc, typeOf);
  const out: LocalRelation[] = [];
  const seen = new Set<string>();
  const add = (r: LocalRelation): void => {
    if (r.source === r.target) return;
    const k = `${r.type}|${r.source}|${r.target}|${r.sentence}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(r);
  };

  for (const role of doc.roles) {
    if (!role.holder) continue;
    const t = typeOf(role.holder);
    if (t && ALLOWED.HOLDS_ROLE.object.includes(t)) add({ type: 'HOLDS_ROLE', source: role.person, target: role.holder, sentence: role.sentence, role: role.role, trigger: role.role });
  }

  let lastSanctioner: string | undefined;
  for (const s of sentences) {
    const inSentence = refs.filter((r) => r.sentence === s.index);
    for (let t = s.first; t < s.last; t++) {
      const w = ws[t]!;
      for (const trig of TRIGGERS.get(w.lower) ?? []) {
        if (trig.verb && w.pos !== 'VERB') continue;
        const nextWord = ws[t + 1]?.lower;
        if (trig.next && !(nextWord && trig.next.includes(nextWord))) continue;
        const allowed = ALLOWED[trig.type];
        const passive = ws[t + 1]?.lower === 'by' && /^(was|were|been|being|is|are)$/.test(ws[t - 1]?.lower ?? '');
        const before = inSentence.filter((r) => r.last <= t && t - r.last < MAX_GAP).reverse();
        const after = inSentence.filter((r) => r.first > t && r.first - t < MAX_GAP);
        const fits = (r: Ref, types: EntityType[]): boolean => {
          const ty = typeOf(r.key);
          return !!ty && types.includes(ty);
        };

        // "talks between Russia and Ukraine", "Russia-Ukraine talks"
        if (trig.type === 'NEGOTIATES_WITH' || (w.lower === 'talks' && trig.type === 'MEETS')) {
          const pair = between(ws, t, after) ?? hyphenPair(ws, t, before);
          if (pair && trig.type === 'NEGOTIATES_WITH') {
            add({ type: 'NEGOTIATES_WITH', source: pair[0].key, target: pair[1].key, sentence: s.index, trigger: w.text });
            continue;
          }
        }
        if (w.lower === 'talks' && trig.type === 'NEGOTIATES_WITH') {
          const pair = hyphenPair(ws, t, before);
          if (pair) add({ type: 'NEGOTIATES_WITH', source: pair[0].key, target: pair[1].key, sentence: s.index, trigger: w.text });
        }

        let subject: Ref | undefined;
        let objects: Ref[] = [];
        if (passive) {
          subject = after.find((r) => fits(r, allowed.subject));
          const o = before.find((r) => fits(r, allowed.object));
          objects = o ? [o] : [];
        } else {
          subject = before.find((r) => fits(r, allowed.subject));
          const firstObject = after.find((r) => fits(r, allowed.object) && r.key !== subject?.key);
          objects = firstObject ? coordinated(ws, firstObject, after).filter((r) => fits(r, allowed.object)) : [];
        }
        if (trig.type === 'SANCTIONS') {
          if (!subject && /^the$/i.test(ws[t - 1]?.text ?? '') && lastSanctioner) subject = { key: lastSanctioner, first: t, last: t, sentence: s.index, kind: 'name' };
          if (subject) lastSanctioner = subject.key;
        }
        if (!subject) continue;
        for (const o of objects) add({ type: trig.type, source: subject.key, target: o.key, sentence: s.index, trigger: w.text });
      }
    }
    locatedIn(ws, inSentence, typeOf, doc, s.index, add);
  }
  return out;
}

/** Name references plus pronouns and "the Ukrainian leader" resolved to the person they stand for. */
function withReferences(ws: readonly Word[], doc: DocumentEntities, typeOf: (k: string) => EntityType | undefined): Ref[] {
  const refs = [...doc.refs];
  const persons = doc.refs.filter((r) => typeOf(r.key) === 'Person');
  const roleHolders = new Map<string, Set<string>>();
  for (const r of doc.roles) if (r.holder) roleHolders.set(r.holder, (roleHolders.get(r.holder) ?? new Set()).add(r.person));
  const lastPersonBefore = (i: number, not?: string): string | undefined => {
    for (let k = persons.length - 1; k >= 0; k--) {
      const p = persons[k]!;
      if (p.first < i && p.key !== not) return p.key;
    }
    return undefined;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (SUBJECT_PRONOUNS.has(w.lower)) {
      const key = lastPersonBefore(i);
      if (key) refs.push({ key, first: i, last: i + 1, sentence: w.sentence, kind: 'name' });
    } else if (OBJECT_PRONOUNS.has(w.lower)) {
      const subjectOfSentence = refs.find((r) => r.sentence === w.sentence && r.first < i && typeOf(r.key) === 'Person');
      const key = lastPersonBefore(i, subjectOfSentence?.key);
      if (key) refs.push({ key, first: i, last: i + 1, sentence: w.sentence, kind: 'name' });
    } else if (w.lower === 'the') {
      // "the Ukrainian leader": the one person this document gives a role for that country.
      const adj = ws[i + 1];
      const title = ws[i + 2];
      if (adj && title && TITLE_WORDS.has(title.lower) && !/^\p{Lu}/u.test(ws[i + 3]?.text ?? '')) {
        const country = lookupDemonym(adj.text);
        const holders = country ? roleHolders.get(country.key) : undefined;
        if (holders && holders.size === 1) refs.push({ key: [...holders][0]!, first: i, last: i + 3, sentence: w.sentence, kind: 'name' });
      }
    }
  }
  return refs.sort((a, b) => a.first - b.first);
}

/** The references joined to `first` by "and" or commas: "Rosneft and Lukoil". */
function coordinated(ws: readonly Word[], first: Ref, after: readonly Ref[]): Ref[] {
  const out = [first];
  let cur = first;
  for (const r of after) {
    if (r.first <= cur.first) continue;
    const gap = ws.slice(cur.last, r.first).map((w) => w.lower);
    if (gap.length >= 1 && gap.length <= 2 && gap.every((g) => g === 'and' || g === ',' || g === 'or')) {
      out.push(r);
      cur = r;
    } else break;
  }
  return out;
}

/** "between Russia and Ukraine" right after the trigger. */
function between(ws: readonly Word[], t: number, after: readonly Ref[]): [Ref, Ref] | undefined {
  if (ws[t + 1]?.lower !== 'between') return undefined;
  const a = after[0];
  const b = after[1];
  if (!a || !b || a.key === b.key) return undefined;
  const gap = ws.slice(a.last, b.first).map((w) => w.lower);
  return gap.length === 1 && gap[0] === 'and' ? [a, b] : undefined;
}

/** "Russia-Ukraine talks": two references joined by a hyphen just before the trigger. */
function hyphenPair(ws: readonly Word[], t: number, before: readonly Ref[]): [Ref, Ref] | undefined {
  const b = before[0];
  const a = before[1];
  if (!a || !b || a.key === b.key || b.last < t - 2) return undefined;
  const gap = ws.slice(a.last, b.first);
  return gap.length === 1 && gap[0]!.text === '-' ? [a, b] : undefined;
}

/** "Kyiv, Ukraine": a place followed by a comma and a country. */
function locatedIn(ws: readonly Word[], refs: readonly Ref[], typeOf: (k: string) => EntityType | undefined, doc: DocumentEntities, sentence: number, add: (r: LocalRelation) => void): void {
  for (let k = 0; k + 1 < refs.length; k++) {
    const a = refs[k]!;
    const b = refs[k + 1]!;
    if (a.kind !== 'name' || b.kind !== 'name' || typeOf(a.key) !== 'Location' || typeOf(b.key) !== 'Location') continue;
    if (a.key.startsWith('country:') || !b.key.startsWith('country:')) continue;
    if (b.first !== a.last + 1 || ws[a.last]?.text !== ',') continue;
    if (!doc.entities.has(a.key)) continue;
    add({ type: 'LOCATED_IN', source: a.key, target: b.key, sentence, trigger: ',' });
  }
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '«': '»' };

/** Direct quotes of three words or more, with the speaker named next to a speech verb. */
export function findQuotes(text: string, tok: Tokenized, doc: DocumentEntities, typeOf: (k: string) => EntityType | undefined): LocalQuote[] {
  const ws = tok.words;
  const refs = withReferences(ws, doc, typeOf).filter((r) => {
    const ty = typeOf(r.key);
    return ty === 'Person' || ty === 'Organization' || ty === 'Location';
  });
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = OPENERS[text[i]!];
    if (!close) continue;
    let j = i + 1;
    while (j < text.length && text[j] !== close && text[j] !== '\n' && !(close !== '"' && text[j] === '"')) j++;
    if (j >= text.length || text[j] !== close) continue;
    const inner = text.slice(i + 1, j);
    if (inner.trim().split(/\s+/).length >= 3) spans.push({ start: i + 1, end: j });
    i = j;
  }
  const quotes: LocalQuote[] = [];
  let previous: { speaker: string | undefined; sentence: number } | undefined;
  for (const q of spans) {
    const qWords = ws.filter((w) => w.start >= q.start - 1 && w.end <= q.end + 1);
    const firstWord = qWords[0];
    const lastWord = qWords.at(-1);
    if (!firstWord || !lastWord) continue;
    const sentences = new Set([firstWord.sentence, lastWord.sentence]);
    const outside = ws
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => sentences.has(w.sentence) && (w.end <= q.start - 1 || w.start >= q.end + 1));
    const verbs = outside
      .filter(({ w }) => SPEECH_VERBS.has(w.lower) || /^(slammed|accused|called|according)$/.test(w.lower))
      .sort((a, b) => distance(a.w, q) - distance(b.w, q));
    let speaker: string | undefined;
    for (const { i } of verbs) {
      const isOutside = (r: Ref): boolean => ws[r.first]!.end <= q.start - 1 || ws[r.first]!.start >= q.end + 1;
      const beforeRef = refs.filter((r) => r.last <= i && i - r.last <= 2 && isOutside(r)).at(-1);
      const afterRef = refs.find((r) => r.first > i && r.first - i <= 4 && isOutside(r));
      const chosen = beforeRef ?? (ws[i]!.lower === 'according' ? refs.find((r) => r.first > i && r.first - i <= 3) : afterRef);
      if (chosen) {
        speaker = chosen.key;
        break;
      }
    }
    const sentence = firstWord.sentence;
    if (!speaker && verbs.length === 0 && previous && sentence - previous.sentence <= 1) speaker = previous.speaker;
    quotes.push({ speaker, text: text.slice(q.start, q.end), start: q.start, end: q.end });
    previous = { speaker, sentence: lastWord.sentence };
  }
  return quotes;
}

function distance(w: Word, q: { start: number; end: number }): number {
  return w.end <= q.start ? q.start - w.end : w.start - q.end;
}
