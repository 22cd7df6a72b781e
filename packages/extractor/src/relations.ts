/**
 * Relations and quotes from the words of one document, given its entities and references.
 * Triggers come from verb lexicons; arguments are the nearest references of an allowed type,
 * with pronouns and "the <nationality> leader" resolved to the person they stand for.
 */
import { fold, type EntityType, type RelationType } from '@kg/graph/contract';
import type { DocumentEntities, Ref } from './entities.js';
import { dependents, headWord, prepositionOf, withConjuncts, type Grammar } from './grammar.js';
import { addEntityMention, lookupDemonym } from './entities.js';
import { PARTY_NAMES, SPEECH_VERBS, TITLE_MODIFIERS, TITLE_WORDS } from './lexicon.js';
import { givenNameGender, orgKind } from './names-gazetteer.js';
import type { Tokenized, Word } from './tokens.js';

export type Modality = 'reported' | 'planned' | 'denied';

export interface LocalRelation {
  type: RelationType;
  source: string;
  target: string;
  sentence: number;
  role?: string;
  trigger: string;
  /** Word index of the trigger, when a word triggered it. */
  at?: number;
  modality: Modality;
  /** The words that gave the modality ("wouldn't be", "is expected to"). */
  cue?: string;
  /** HOLDS_ROLE: the sentence says the role is over ("X replaced Y as chief executive": Y's). */
  ended?: boolean;
}

const DENIAL = /^(not|n't|n’t|never|no|cannot|cancelled|canceled|scrapped|ruled|denied|refused|barred|banned|prevented|wouldn't|wouldn’t|won't|won’t|didn't|didn’t|doesn't|doesn’t|don't|don’t|isn't|isn’t|wasn't|wasn’t|weren't|weren’t|can't|can’t)$/;
const PLAN = /^(will|'ll|’ll|would|shall|to|expected|due|scheduled|set|plans|plan|planned|planning|going|about|could|may|might|hopes|hoping|seeks|seeking|aims|wants|intends|possible|potential|proposed|prospective|upcoming|future)$/;

/** Reported, planned ("will meet", "is expected to join") or denied ("wouldn't be coming"), from the words before the trigger. */
export function modalityAt(ws: readonly Word[], t: number, sentenceFirst: number): { modality: Modality; cue?: string } {
  const cue: string[] = [];
  let modality: Modality = 'reported';
  for (let k = t - 1; k >= Math.max(sentenceFirst, t - 6); k--) {
    const w = ws[k]!;
    if (/^[,;:.—–"“”]$/.test(w.text)) break;
    if (DENIAL.test(w.lower)) {
      modality = 'denied';
      cue.unshift(w.text);
    } else if (PLAN.test(w.lower)) {
      if (modality !== 'denied') modality = 'planned';
      cue.unshift(w.text);
    } else if (/^(be|been|is|are|was|were|has|have|had|also|still|now|then)$/.test(w.lower) && cue.length) {
      cue.unshift(w.text);
    } else if (!cue.length && (LIGHT_VERBS.has(w.lower) || SUPPORT_VERBS.has(w.lower) || /^(a|an|the|new|fresh|further|more)$/.test(w.lower))) {
      // "denied holding talks", "will impose new sanctions": the verb the noun rides on is part of the trigger.
      continue;
    } else if (cue.length || /^(VERB|NOUN|PROPN|PRON)$/.test(w.pos)) break;
  }
  return cue.length ? { modality, cue: cue.join(' ') } : { modality };
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
  /** "Witkoff wouldn't be coming": with no destination after it, the place named earlier in the sentence. */
  ellipsis?: boolean;
}

const words = (list: string, t: Trigger): [string, Trigger][] => list.trim().split(/\s+/).map((w) => [w, t]);

const TRIGGERS = new Map<string, Trigger[]>();
for (const [w, t] of [
  ...words('meet meets met host hosts hosted hosting', { type: 'MEETS' }),
  ...words('meeting', { type: 'MEETS', verb: true }),
  ...words('meeting meetings talks conferences summit', { type: 'MEETS', next: ['with'] }),
  ...words('visit visits visited visiting', { type: 'VISITS', verb: true }),
  ...words('travel travels traveled travelled traveling travelling head heads headed trip flew fly flies', { type: 'VISITS', next: ['to'] }),
  ...words('arrive arrives arrived', { type: 'VISITS', next: ['in'] }),
  ...words('was were', { type: 'VISITS', next: ['in'] }),
  ...words('come comes coming came', { type: 'VISITS', ellipsis: true }),
  ...words('join joins joined joining', { type: 'MEETS' }),
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

/**
 * Where the object may stand: right after the trigger (within `near` words, titles included), or after one
 * of `via` (a preposition at most `viaGap` words after the trigger), within `far` words of the trigger.
 * Objects elsewhere in the sentence belong to other words.
 */
const OBJECT_RULES: Record<RelationType, { near: number; via: readonly string[]; viaGap: number; far: number }> = {
  MEETS: { near: 6, via: ['with'], viaGap: 2, far: 8 },
  VISITS: { near: 3, via: ['to', 'in'], viaGap: 1, far: 4 },
  SANCTIONS: { near: 3, via: ['on', 'against'], viaGap: 2, far: 7 },
  ATTACKS: { near: 6, via: ['on', 'against', 'of', 'in'], viaGap: 2, far: 12 },
  PROVIDES_AID: { near: 3, via: ['to'], viaGap: 8, far: 12 },
  CRITICIZES: { near: 4, via: [], viaGap: 0, far: 0 },
  NEGOTIATES_WITH: { near: 0, via: ['with'], viaGap: 1, far: 6 },
  SIGNS_AGREEMENT: { near: 0, via: ['with', 'from'], viaGap: 12, far: 14 },
  HOLDS_ROLE: { near: 0, via: [], viaGap: 0, far: 0 },
  LOCATED_IN: { near: 0, via: [], viaGap: 0, far: 0 },
};

const PREPOSITIONS = new Set(['in', 'to', 'of', 'for', 'from', 'at', 'with', 'on', 'by', 'about', 'into', 'over', 'against', 'between', 'among', 'toward', 'towards', 'than']);
const SKIPPABLE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', "'s", '’s']);

/** True when a reference is the object of a preposition ("frustration with Putin"), which never makes it a subject. */
function isPrepObject(ws: readonly Word[], r: Ref): boolean {
  let k = r.first - 1;
  let modifiers = 0;
  while (k >= 0 && ws[k]!.sentence === ws[r.first]!.sentence) {
    const w = ws[k]!;
    if (PREPOSITIONS.has(w.lower)) return true;
    if (SKIPPABLE.has(w.lower) || TITLE_WORDS.has(w.lower.replace(/\.$/, '')) || /^\p{Lu}/u.test(w.text)) {
      k--;
      continue;
    }
    // "by billionaire George Soros": a couple of modifiers between the preposition and the name.
    if (modifiers < 2 && (w.pos === 'ADJ' || w.pos === 'NOUN')) {
      modifiers++;
      k--;
      continue;
    }
    return false;
  }
  return false;
}

/** Verbs whose object noun carries the relation: "launched an attack", "imposed sanctions", "held talks". */
const LIGHT_VERBS = new Set(['launched', 'launch', 'launches', 'carried', 'conducted', 'imposed', 'impose', 'imposes', 'imposing', 'slapped', 'staged', 'held', 'hold', 'holds', 'join', 'joined', 'joins', 'began', 'started', 'continued', 'intensified', 'stepped']);

/** "Moscow's troops shelled": the nouns whose possessor acts through them. Other possessors ("Zelensky's statement came") do not. */
const ACTOR_NOUNS = new Set(['troops', 'forces', 'army', 'military', 'navy', 'air', 'drones', 'missiles', 'jets', 'artillery', 'government', 'officials', 'police', 'president', 'leader', 'minister', 'envoy', 'regime', 'authorities']);

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const POSSESSIVE_MARK = new Set(["'s", '’s', "'", '’']);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const MAX_GAP = 14;

export interface RelationInput {
  tok: Tokenized;
  doc: DocumentEntities;
  /** References with pronouns and descriptions resolved (resolveReferences). */
  refs: readonly Ref[];
  /** The type of an entity key, including countries named only by an adjective. */
  typeOf: (key: string) => EntityType | undefined;
  /** The parser's trees: facts are also read from subjects, objects and their prepositions. */
  grammar?: Grammar;
}

export function findRelations({ tok, doc, refs, typeOf, grammar }: RelationInput): LocalRelation[] {
  const { words: ws, sentences } = tok;
  const out: LocalRelation[] = [];
  const seen = new Set<string>();
  const add = (partial: Omit<LocalRelation, 'modality'>): void => {
    const m = partial.at === undefined ? { modality: 'reported' as Modality } : modalityAt(ws, partial.at, sentences[partial.sentence]!.first);
    let r: LocalRelation = { ...partial, ...m };
    // A predecessor whose succession is only planned or denied holds the role still.
    if (r.ended && r.modality !== 'reported') {
      const { ended: _e, cue: _c, ...rest } = r;
      r = { ...rest, modality: 'reported' };
    }
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

  // References by sentence, in word order; a trigger reads only those within MAX_GAP words (found by
  // binary search), so a very long sentence costs time linear in its length.
  const bySentence = new Map<number, Ref[]>();
  for (const r of [...refs].sort((a, b) => a.first - b.first)) {
    const list = bySentence.get(r.sentence);
    if (list) list.push(r);
    else bySentence.set(r.sentence, [r]);
  }
  const nearby = (list: readonly Ref[], t: number): Ref[] => {
    let a = 0;
    let b = list.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (list[m]!.first < t - 3 * MAX_GAP) a = m + 1; // a name is shorter than 2 * MAX_GAP words
      else b = m;
    }
    const out: Ref[] = [];
    for (let k = a; k < list.length && list[k]!.first - t < MAX_GAP; k++) out.push(list[k]!);
    return out;
  };
  let lastSanctioner: string | undefined;
  for (const s of sentences) {
    const inSentence = bySentence.get(s.index) ?? [];
    for (let t = s.first; t < s.last; t++) {
      const w = ws[t]!;
      for (const trig of TRIGGERS.get(w.lower) ?? []) {
        if (trig.verb && w.pos !== 'VERB') continue;
        // "American-supplied", "Russian-appointed": part of a compound, not a trigger.
        const prevWord = ws[t - 1];
        if (prevWord?.text === '-' && !w.spaceBefore) continue;
        const nextWord = ws[t + 1]?.lower;
        if (trig.next && !(nextWord && trig.next.includes(nextWord))) continue;
        if (trig.type === 'PROVIDES_AID' && nextWord === 'for') continue; // "provides for": stipulates
        // "struck a deal", "strike a balance": not attacks.
        if (trig.type === 'ATTACKS' && ws.slice(t + 1, t + 4).some((x) => /^(deal|deals|agreement|accord|balance|chord|note|tone|bargain|pose)$/.test(x.lower))) continue;
        const allowed = ALLOWED[trig.type];
        const isNoun = w.pos === 'NOUN' || w.pos === 'PROPN';
        const passive = ws[t + 1]?.lower === 'by' && /^(was|were|been|being|is|are)$/.test(ws[t - 1]?.lower ?? '');
        const near = nearby(inSentence, t);
        const before = near.filter((r) => r.last <= t && t - r.last < MAX_GAP).reverse();
        const after = near.filter((r) => r.first > t && r.first - t < MAX_GAP);
        const fits = (r: Ref, types: EntityType[]): boolean => {
          const ty = typeOf(r.key);
          return !!ty && types.includes(ty);
        };

        // "talks between Russia and Ukraine", "Russia-Ukraine talks"
        if (trig.type === 'NEGOTIATES_WITH') {
          const pair = between(ws, t, after) ?? hyphenPair(ws, t, before);
          if (pair) {
            add({ type: 'NEGOTIATES_WITH', source: pair[0].key, target: pair[1].key, sentence: s.index, trigger: w.text, at: t });
            continue;
          }
        }

        const rule = OBJECT_RULES[trig.type];
        // "Russian strikes hit railway infrastructure in the city of Dnipro": a trigger noun that is the
        // subject of a verb reaches its target through that verb's clause.
        const subjectNoun = isNoun && ws[t + 1]?.pos === 'VERB';
        const linked = (r: Ref): boolean => {
          const gap = ws.slice(t + 1, r.first);
          if (subjectNoun) return r.first - t <= 20 && !gap.some((x) => /^[;:]$/.test(x.text));
          if (!isNoun && r.first - t <= rule.near && !gap.some((x) => /^[,;:.]$/.test(x.text) && r.first - t > 2)) return true;
          if (r.first - t > rule.far) return false;
          for (let k = t + 1; k < r.first && k <= t + rule.viaGap; k++) if (rule.via.includes(ws[k]!.lower)) return true;
          return false;
        };
        let subject: Ref | undefined;
        let objects: Ref[] = [];
        if (passive) {
          subject = after.find((r) => fits(r, allowed.subject));
          const o = before.find((r) => fits(r, allowed.object));
          objects = o ? [o] : [];
        } else {
          // A noun ("Russian strikes", "Moscow's attacks") takes its actor from right before it;
          // a verb from the nearest reference before it that is not the object of a preposition.
          const clauseSubject = (): Ref | undefined => {
            // "Zelensky, who accused him": the relative pronoun's antecedent.
            const who = ws.slice(Math.max(s.first, t - 3), t).findIndex((x) => x.lower === 'who');
            if (who >= 0) {
              const at = Math.max(s.first, t - 3) + who;
              const ante = before.find((r) => r.last <= at && at - r.last <= 2);
              if (ante && fits(ante, allowed.subject)) return ante;
            }
            return before.find((r) => fits(r, allowed.subject) && !isPrepObject(ws, r) && (!POSSESSIVE_MARK.has(ws[r.last]?.text ?? '') || ACTOR_NOUNS.has(ws[r.last + 1]?.lower ?? '')));
          };
          const adjacent = before.find((r) => fits(r, allowed.subject) && t - r.last <= 3 && (r.kind === 'demonym' || POSSESSIVE_MARK.has(ws[r.last]?.text ?? '')));
          const light = ws.slice(Math.max(s.first, t - 4), t).some((x) => LIGHT_VERBS.has(x.lower));
          subject = !isNoun || trig.type === 'MEETS' || trig.next?.includes('with') ? clauseSubject() : (adjacent ?? (light ? clauseSubject() : undefined));
          // A nationality adjective stands for its country as a target of attacks ("bombarding Ukrainian cities"), not as a visit's place or an aid's recipient.
          const firstObject = after.find((r) => fits(r, allowed.object) && r.key !== subject?.key && linked(r) && (r.kind === 'name' || trig.type === 'ATTACKS'));
          objects = firstObject ? coordinated(ws, firstObject, after).filter((r) => fits(r, allowed.object)) : [];
        }
        // "talks with" between states or organizations is a negotiation; between people, a meeting.
        if (trig.type === 'NEGOTIATES_WITH' && w.lower === 'talks' && (!subject || typeOf(subject.key) === 'Person' || objects.some((o) => typeOf(o.key) === 'Person'))) continue;
        if (trig.type === 'MEETS' && w.lower === 'talks' && subject && typeOf(subject.key) !== 'Person') continue;
        if (trig.type === 'SANCTIONS') {
          if (!subject && /^the$/i.test(ws[t - 1]?.text ?? '') && lastSanctioner) subject = { key: lastSanctioner, first: t, last: t, sentence: s.index, kind: 'name' };
          if (subject) lastSanctioner = subject.key;
        }
        if (!subject) continue;
        if (trig.ellipsis) {
          // Only "X wouldn't be coming" with nothing after: "came close", "come forward to" are not visits.
          const bare = !ws[t + 1] || /^[.,;:!?”"]$/.test(ws[t + 1]!.text);
          if (!bare || !subject || t - subject.last > 4) continue;
          const place = before.find((r) => r.key !== subject!.key && typeOf(r.key) === 'Location' && r.kind === 'name');
          objects = place ? [place] : [];
        }
        for (const o of objects) add({ type: trig.type, source: subject.key, target: o.key, sentence: s.index, trigger: w.text, at: t });
      }
    }
    locatedIn(ws, inSentence, typeOf, doc, s.index, add);
    placedIn(ws, inSentence, typeOf, s.index, add);
  }
  if (grammar) {
    // Where the tree gives a trigger's facts, they replace what word order guessed at that trigger
    // ("Zelensky, who met Erdogan on Tuesday, will visit Spain": Zelensky visits, not the nearer Erdogan).
    // The rules' list reading stays where the tree agrees on the actor ("he visits Manchester, Liverpool,
    // Leicester" when the tree attached only the first place).
    const byRules = new Set(out);
    const actors = new Map<string, Set<string>>();
    const addFromTree = (r: Omit<LocalRelation, 'modality'>): void => {
      if (r.at !== undefined) {
        const k = `${r.type}|${r.at}`;
        const a = actors.get(k) ?? new Set<string>();
        a.add(r.source);
        if (SYMMETRIC.has(r.type)) a.add(r.target);
        actors.set(k, a);
      }
      add(r);
    };
    const at = refsByWord(refs);
    grammarRelations(ws, grammar, at, typeOf, addFromTree);
    grammarNominals(ws, grammar, at, typeOf, addFromTree);
    grammarRoles(ws, grammar, refs, at, typeOf, addFromTree);
    return out.filter((r) => {
      const a = r.at === undefined ? undefined : actors.get(`${r.type}|${r.at}`);
      return !(byRules.has(r) && a && !a.has(r.source) && !(SYMMETRIC.has(r.type) && a.has(r.target)));
    });
  }
  return out;
}

/** The reference a phrase names: its head word's, or a name beside a title head ("political editor Charles Croucher", "Attorney Danielle Sassoon"). */
export function phraseRef(g: Grammar, refAt: Map<number, Ref>, i: number): Ref | undefined {
  const own = refAt.get(i);
  if (own) return own;
  // The name the title describes before the one compounded with it: "Kremlin spokesman Dmitry Peskov" is Peskov.
  for (const rel of ['flat', 'appos', 'nmod:desc', 'compound']) {
    for (const c of g.children(i)) {
      if (g.labels[c] !== rel) continue;
      const r = refAt.get(c);
      if (r && r.kind === 'name') return r;
    }
  }
  return undefined;
}

/**
 * Roles from the parse: a title that stands in apposition to a person or describes one ("Mahmood Yakubu,
 * INEC's chief", "Ali Shamkhani, the secretary of Iran's Supreme National Security Council", "INEC chief
 * Mahmood Yakubu"), with the holder its possessor, its "of"/"at" phrase or the name compounded with it.
 */
function grammarRoles(ws: readonly Word[], g: Grammar, refs: readonly Ref[], refAt: Map<number, Ref>, typeOf: (k: string) => EntityType | undefined, add: (r: Omit<LocalRelation, 'modality'>) => void): void {
  const isTitle = (i: number): boolean => TITLE_WORDS.has(ws[i]!.lower.replace(/\.$/, '')) && (g.pos[i] === 'NOUN' || g.pos[i] === 'PROPN');
  const holderOf = (t: number, person: Ref): Ref | undefined => {
    const fits = (r: Ref | undefined): Ref | undefined => {
      const ty = r && typeOf(r.key);
      return r && ty && r.key !== person.key && ALLOWED.HOLDS_ROLE.object.includes(ty) ? r : undefined;
    };
    for (const c of g.children(t)) {
      const rel = g.labels[c]!;
      const r = rel === 'nmod:poss' || (rel === 'compound' && !(c >= person.first && c < person.last)) ? refAt.get(c) : rel === 'nmod' && /^(of|at|for)$/.test(dependents(g, c, 'case').map((k) => ws[k]!.lower)[0] ?? '') ? phraseRef(g, refAt, c) : undefined;
      const ok = fits(r);
      if (ok && (ok.kind === 'name' || rel === 'nmod:poss')) return ok;
    }
    return undefined;
  };
  /** The words a word governs, as one range [first, last] (its leftmost and rightmost descendants). */
  const span = (t: number): [number, number] => {
    let a = t;
    let b = t;
    const todo = [t];
    while (todo.length) {
      const x = todo.pop()!;
      for (const c of g.children(x)) {
        if (c < a) a = c;
        if (c > b) b = c;
        todo.push(c);
      }
    }
    return [a, b];
  };
  const roleText = (t: number): string => {
    let a = t;
    while (a - 1 >= 0 && g.heads[a - 1] === t && (TITLE_MODIFIERS.has(ws[a - 1]!.lower) || TITLE_WORDS.has(ws[a - 1]!.lower))) a--;
    return ws.slice(a, t + 1).map((w) => w.text).join(' ');
  };
  // "Barnier has been named as the French prime minister", "Sheinbaum was sworn in as Mexico's first
  // female president", "Carney became prime minister of Canada": a verb that gives a person a title.
  const caseOf = (i: number): string | undefined => prepositionOf(g, ws, i);
  const person = (i: number): Ref | undefined => {
    const r = refAt.get(i) ?? phraseRef(g, refAt, i);
    return r && r.kind === 'name' && typeOf(r.key) === 'Person' ? r : undefined;
  };
  for (let t = 0; t < ws.length; t++) {
    const lower = ws[t]!.lower;
    // "Brian Niccol, who's led Chipotle since 2018", "X, who heads Y": the verb is the role.
    if (g.pos[t] === 'VERB' && LEADING_VERBS.test(lower)) {
      // "led Spain to victory" leads a side somewhere; it does not head it.
      if (dependents(g, t, 'obl').some((c) => caseOf(c) === 'to')) continue;
      for (const p of clauseSubjects(g, t, 0, ws).map(person)) {
        if (!p) continue;
        for (const o of dependents(g, t, 'obj').flatMap((x) => coordination(g, x))) {
          const r = refAt.get(o);
          const ty = r && typeOf(r.key);
          if (r && r.kind === 'name' && (ty === 'Organization' || ty === 'Location')) add({ type: 'HOLDS_ROLE', source: p.key, target: r.key, sentence: p.sentence, role: ws[t]!.text, trigger: ws[t]!.text, at: t });
        }
      }
      continue;
    }
    // "X replaced Y as chief executive of Fiat Auto", "X will succeed Y as president of Vodafone": both
    // hold the title, Y until X takes it.
    if (g.pos[t] === 'VERB' && SUCCESSION_VERBS.test(lower)) {
      const titles = dependents(g, t, 'obl').filter((c) => caseOf(c) === 'as' && isTitle(c));
      const before = dependents(g, t, 'obj').map(person).filter((r): r is Ref => !!r);
      for (const p of clauseSubjects(g, t, 0, ws).map(person)) {
        if (!p) continue;
        for (const r of titles) {
          const holder = holderOf(r, p);
          if (!holder) continue;
          add({ type: 'HOLDS_ROLE', source: p.key, target: holder.key, sentence: p.sentence, role: roleText(r), trigger: ws[t]!.text, at: t });
          for (const y of before) if (y.key !== p.key) add({ type: 'HOLDS_ROLE', source: y.key, target: holder.key, sentence: p.sentence, role: roleText(r), trigger: ws[t]!.text, at: t, ended: true });
        }
      }
      continue;
    }
    // "Thomas Tuchel's appointment as England head coach": a noun that gives its possessor a title.
    const noun = g.pos[t] === 'NOUN' && ROLE_NOUNS.test(lower);
    if (!noun && (g.pos[t] !== 'VERB' || !ROLE_VERBS.test(lower))) continue;
    const people = (noun ? dependents(g, t, 'nmod:poss') : [...dependents(g, t, 'nsubj:pass'), ...clauseSubjects(g, t, 0, ws)]).map(person).filter((r): r is Ref => !!r);
    const titles = (noun
      ? dependents(g, t, 'nmod').filter((c) => caseOf(c) === 'as')
      : [...dependents(g, t, 'xcomp'), ...dependents(g, t, 'obl').filter((c) => caseOf(c) === 'as'), ...(/^becom|^became/.test(lower) ? dependents(g, t, 'obj') : [])]
    ).filter(isTitle);
    for (const p of people) {
      for (const r of titles) {
        const nationality = g.children(r).map((c) => (g.labels[c] === 'amod' ? refAt.get(c) : undefined)).find((x) => x?.kind === 'demonym' && typeOf(x.key) === 'Location');
        const holder = holderOf(r, p) ?? nationality;
        if (holder) add({ type: 'HOLDS_ROLE', source: p.key, target: holder.key, sentence: p.sentence, role: roleText(r), trigger: ws[t]!.text, at: t });
      }
    }
  }
  for (const p of refs) {
    if (p.kind !== 'name' || typeOf(p.key) !== 'Person') continue;
    // The name's head word: the one whose head lies outside the name.
    const h = headWord(g, p.first, p.last);
    // The title below the name, or the name below the title ("X, a law professor at Y": the parser may hang
    // the name on the title as an apposition or, less well, as a loose dependent).
    const up = g.heads[h]!;
    const under = up >= 0 && isTitle(up) && /^(appos|discourse|dep|list|vocative|dislocated|parataxis)$/.test(g.labels[h]!);
    const titles = [...dependents(g, h, 'appos', 'nmod:desc', 'compound').filter(isTitle), ...(under ? [up] : [])];
    for (const t of titles) {
      if (t >= p.first && t < p.last) continue;
      // The title stands next to the name: "X, INEC's chief", "the prime minister, X", "INEC chief X".
      const [a, b] = span(t);
      if (t > h ? a > p.last + 1 || ws[p.last]?.text !== ',' && a !== p.last : b < p.first - 2) continue;
      const holder = holderOf(t, p);
      if (holder) add({ type: 'HOLDS_ROLE', source: p.key, target: holder.key, sentence: p.sentence, role: roleText(t), trigger: roleText(t) });
    }
  }
}

/** True when a name is the subject of its clause, itself or as the name a subject title stands for ("Kremlin spokesman Dmitry Peskov said"). */
function isSubject(g: Grammar, r: Ref): boolean {
  const h = headWord(g, r.first, r.last);
  const isSubj = (k: number): boolean => /^nsubj/.test(g.labels[k]!);
  if (isSubj(h)) return true;
  const up = g.heads[h]!;
  return up >= 0 && /^(flat|appos|nmod:desc)$/.test(g.labels[h]!) && isSubj(up);
}

/** Verbs whose subject holds a post in their object ("heads", "has led", "chairs", "coaches"). */
const LEADING_VERBS = /^(heads|headed|leads|led|chairs|chaired|manages|managed|coaches|coached|captains|captained)$/;
/** Verbs by which a person takes another's title ("replaced X as", "will succeed X as"). */
const SUCCESSION_VERBS = /^(replaced|replaces|replace|replacing|succeeded|succeeds|succeed|succeeding)$/;
/** Nouns that give their possessor a title ("X's appointment as ..."). */
const ROLE_NOUNS = /^(appointment|election|re-election|selection|confirmation|naming|installation|inauguration)$/;

/** Verbs that give a person a title ("named as", "sworn in as", "became"); "served as" is a past one, left out. */
const ROLE_VERBS = /^(named|appointed|elected|re-elected|sworn|installed|chosen|selected|became|become|becomes|becoming)$/;

/** Each word's reference (a name's words, a resolved pronoun), the name rather than an adjective. */
export function refsByWord(refs: readonly Ref[]): Map<number, Ref> {
  const at = new Map<number, Ref>();
  for (const r of refs) {
    for (let i = r.first; i < r.last; i++) {
      const had = at.get(i);
      if (!had || (had.kind === 'demonym' && r.kind === 'name') || (had.kind === r.kind && r.last - r.first > had.last - had.first)) at.set(i, r);
    }
  }
  return at;
}

/** The relations that hold both ways. */
const SYMMETRIC = new Set<RelationType>(['MEETS', 'NEGOTIATES_WITH', 'SIGNS_AGREEMENT']);

/** Verbs the grammar reads that the word-order rules do not (they need the parse to find both sides). */
const GRAMMAR_TRIGGERS = new Map<string, RelationType>([...'agree agrees agreed'.split(' ').map((w) => [w, 'SIGNS_AGREEMENT'] as const)]);

/** Words that head a time phrase ("on Friday", "last week", "in the morning"). */
const TIME_WORDS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|tonight|morning|afternoon|evening|night|day|days|week|weeks|weekend|month|months|year|years|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;

/** Prepositions that carry each relation's object on a verb ("met with", "travelled to", "sanctions on"). */
const GRAMMAR_VIA: Record<RelationType, readonly string[]> = {
  MEETS: ['with'],
  VISITS: ['to', 'in'],
  SANCTIONS: ['on', 'against'],
  ATTACKS: ['on', 'against'],
  PROVIDES_AID: ['to'],
  CRITICIZES: [],
  NEGOTIATES_WITH: ['with'],
  SIGNS_AGREEMENT: ['with'],
  HOLDS_ROLE: [],
  LOCATED_IN: [],
};

/**
 * Facts from the parse: a trigger verb's subject (or, without one, the subject it shares with the verb it
 * depends on: "agreed to meet", "arrived and met", "Zelensky, who met"), its objects and the objects of
 * its prepositions, each with its conjuncts; passives swap them ("was sanctioned by").
 */
function grammarRelations(ws: readonly Word[], g: Grammar, refAt: Map<number, Ref>, typeOf: (k: string) => EntityType | undefined, add: (r: Omit<LocalRelation, 'modality'>) => void): void {
  const caseOf = (i: number): string | undefined => prepositionOf(g, ws, i);
  const subjectsOf = (v: number): number[] => clauseSubjects(g, v, 0, ws);
  // The verb's obliques, and the phrases the parser hung on a time phrase among them: in "met on Friday
  // with X", "criticized on Friday by X", "with X" and "by X" belong to the verb, not to Friday.
  const obliques = (v: number): number[] =>
    dependents(g, v, 'obl', 'obl:agent').flatMap((c) => [c, ...(TIME_WORDS.test(ws[c]!.lower) ? dependents(g, c, 'nmod') : [])]);
  for (let t = 0; t < ws.length; t++) {
    const w = ws[t]!;
    const own = GRAMMAR_TRIGGERS.get(w.lower);
    const triggers = own ? [{ type: own }] : TRIGGERS.get(w.lower);
    if (!triggers || g.pos[t] !== 'VERB') continue;
    if (ws.slice(t + 1, t + 4).some((x) => /^(deal|deals|agreement|accord|balance|chord|note|tone|bargain|pose)$/.test(x.lower))) continue;
    for (const type of new Set(triggers.filter((tr) => !tr.ellipsis && !(tr.next && !tr.next.some((n) => GRAMMAR_VIA[tr.type].includes(n)))).map((tr) => tr.type))) {
      if (type === 'VISITS' && /^(was|were)$/.test(w.lower)) continue;
      const allowed = ALLOWED[type];
      // A participle on a noun with no object of its own is passive: "Rosneft, sanctioned by the US".
      const reduced = g.labels[t] === 'acl' && g.heads[t]! >= 0 && dependents(g, t, 'obj').length === 0;
      const passive = reduced || dependents(g, t, 'nsubj:pass', 'aux:pass').length > 0;
      let subjects = passive ? obliques(t).filter((c) => caseOf(c) === 'by') : subjectsOf(t);
      let objects = [...(reduced ? [g.heads[t]!] : passive ? dependents(g, t, 'nsubj:pass') : dependents(g, t, 'obj')), ...obliques(t).filter((c) => GRAMMAR_VIA[type].includes(caseOf(c) ?? ''))];
      subjects = subjects.flatMap((x) => coordination(g, x));
      objects = objects.flatMap((x) => coordination(g, x));
      const fits = (i: number, types: EntityType[]): Ref | undefined => {
        // A title that heads the phrase stands for the name beside it ("the Minister of Foreign Affairs Sergei Lavrov visited").
        const r = refAt.get(i) ?? (/^(NOUN|PROPN)$/.test(g.pos[i]!) ? phraseRef(g, refAt, i) : undefined);
        const ty = r && typeOf(r.key);
        return r && ty && types.includes(ty) ? r : undefined;
      };
      for (const si of subjects) {
        const sr = fits(si, allowed.subject);
        if (!sr) continue;
        for (const oi of objects) {
          // "criticized Yoon's actions", "condemned Moscow's decision": the criticism is of the possessor.
          const possessor = type === 'CRITICIZES' && !refAt.get(oi) && g.pos[oi] === 'NOUN' && !phraseRef(g, refAt, oi) ? dependents(g, oi, 'nmod:poss')[0] : undefined;
          const or = fits(possessor ?? oi, allowed.object);
          if (or && or.kind === 'name' || (or && type === 'ATTACKS')) add({ type, source: sr.key, target: or.key, sentence: w.sentence, trigger: w.text, at: t });
        }
      }
      // "Zelensky and Erdogan met", "Iran and Saudi Arabia agreed to restore ties": a relation both ways
      // between the members of a coordinated subject, when the verb names no other party.
      if (SYMMETRIC.has(type) && !objects.length && !passive) {
        const sides = subjects.map((i) => fits(i, allowed.subject)).filter((r): r is Ref => !!r && r.kind === 'name' && allowed.object.includes(typeOf(r.key)!));
        for (let a = 0; a < sides.length; a++) for (let b = a + 1; b < sides.length; b++) add({ type, source: sides[a]!.key, target: sides[b]!.key, sentence: w.sentence, trigger: w.text, at: t });
      }
    }
  }
}

/** A verb's active subjects, or the ones it shares with the verb it depends on ("agreed to meet", "arrived and met", "Zelensky, who met"). */
function clauseSubjects(g: Grammar, v: number, depth = 0, ws?: readonly Word[]): number[] {
  const h = g.heads[v]!;
  const rel = g.labels[v]!;
  const own = dependents(g, v, 'nsubj').filter((c) => g.labels[c] !== 'nsubj:pass');
  // "Zelensky, who met Erdogan": the relative pronoun stands for the noun the clause describes.
  if (own.length && h >= 0 && rel === 'acl:relcl' && own.every((c) => g.pos[c] === 'PRON' && (!ws || /^(who|which|that)$/.test(ws[c]!.lower)))) return [h];
  if (own.length || depth > 3) return own;
  if (h < 0) return [];
  if (rel === 'acl:relcl' || rel === 'acl') return [h];
  if (rel === 'xcomp' || rel === 'conj' || rel === 'advcl') return clauseSubjects(g, h, depth + 1, ws);
  return [];
}

/** Nouns that name a relation, with the prepositions that carry its object ("sanctions on", "talks with"). */
const NOMINAL_TRIGGERS = new Map<string, { type: RelationType; via: readonly string[] }[]>();
for (const [list, type, via] of [
  ['meeting meetings summit encounter talks', 'MEETS', ['with', 'between']],
  ['talks negotiations', 'NEGOTIATES_WITH', ['with', 'between']],
  ['visit visits trip trips tour journey', 'VISITS', ['to', 'in']],
  ['sanctions sanction embargo embargoes', 'SANCTIONS', ['on', 'against']],
  ['attack attacks strike strikes airstrike airstrikes raid raids assault offensive', 'ATTACKS', ['on', 'against']],
  ['invasion bombing bombings shelling bombardment', 'ATTACKS', ['on', 'against', 'of']],
  ['aid assistance', 'PROVIDES_AID', ['to', 'for']],
  ['criticism condemnation', 'CRITICIZES', ['of']],
] as [string, RelationType, string[]][]) {
  for (const w of list.split(' ')) NOMINAL_TRIGGERS.set(w, [...(NOMINAL_TRIGGERS.get(w) ?? []), { type, via }]);
}

/** Verbs whose subject does what their object noun names: "imposed sanctions", "held talks", "paid a visit". */
const SUPPORT_VERBS = new Set(
  `impose imposed imposes imposing slap slapped slaps announce announced announces announcing hold held holds holding
  have has had having launch launched launches launching carry carried carries carrying conduct conducted conducts
  stage staged stages pay paid pays make made makes making begin began begun begins start started starts open opened
  opens resume resumed resumes expand expanded expands extend extended extends unveil unveiled unveils order ordered
  orders mount mounted mounts step stepped intensify intensified intensifies level levelled leveled levels voice voiced
  voices express expressed expresses send sent sends deliver delivered delivers host hosted hosts plan planned plans
  propose proposed proposes continue continued continues approve approved approves`.split(/\s+/),
);

/**
 * Facts named by a noun: "the US imposed sanctions on Rosneft" (the subject of the light verb),
 * "Putin's visit to India" (the possessor), "Russian strikes on Kyiv" (a nationality or name before it),
 * "the meeting between X and Y" (each pair of the coordination).
 */
function grammarNominals(ws: readonly Word[], g: Grammar, refAt: Map<number, Ref>, typeOf: (k: string) => EntityType | undefined, add: (r: Omit<LocalRelation, 'modality'>) => void): void {
  const caseOf = (i: number): string | undefined => prepositionOf(g, ws, i);
  const fits = (i: number, types: EntityType[], names = true): Ref | undefined => {
    const r = refAt.get(i);
    const ty = r && typeOf(r.key);
    return r && ty && types.includes(ty) && (!names || r.kind === 'name') ? r : undefined;
  };
  for (let t = 0; t < ws.length; t++) {
    const kinds = NOMINAL_TRIGGERS.get(ws[t]!.lower);
    if (!kinds || g.pos[t] !== 'NOUN') continue;
    const v = g.heads[t]!;
    const light = v >= 0 && SUPPORT_VERBS.has(ws[v]!.lower) && g.pos[v] === 'VERB' && /^(obj|nsubj:pass)$/.test(g.labels[t]!);
    // "a possible meeting", "potential sanctions": what may happen is not a fact, planned or not.
    if (g.children(t).some((c) => g.labels[c] === 'amod' && /^(possible|potential|hypothetical|rumou?red|alleged)$/.test(ws[c]!.lower))) continue;
    for (const { type, via } of kinds) {
      const allowed = ALLOWED[type];
      const own = g.children(t);
      const poss = own.filter((c) => g.labels[c] === 'nmod:poss');
      let subjects: number[] = poss;
      if (!subjects.length && light) {
        const passive = g.labels[t] === 'nsubj:pass';
        subjects = passive ? dependents(g, v, 'obl', 'obl:agent').filter((c) => caseOf(c) === 'by') : clauseSubjects(g, v, 0, ws);
      }
      if (!subjects.length) subjects = own.filter((c) => /^(amod|compound)$/.test(g.labels[c]!) && c < t);
      const objects = [
        ...own.filter((c) => g.labels[c] === 'nmod' && via.includes(caseOf(c) ?? '') && caseOf(c) !== 'between'),
        ...(light ? dependents(g, v, 'obl').filter((c) => via.includes(caseOf(c) ?? '') && caseOf(c) !== 'between') : []),
      ].flatMap((x) => coordination(g, x));
      const at = light ? v : t;
      const trigger = ws[t]!.text;
      for (const si of subjects.flatMap((x) => coordination(g, x))) {
        const sr = fits(si, allowed.subject, false);
        if (!sr) continue;
        for (const oi of objects) {
          const or = fits(oi, allowed.object);
          if (or) add({ type, source: sr.key, target: or.key, sentence: ws[t]!.sentence, trigger, at });
        }
      }
      // "the meeting between X and Y", "talks between Kyiv and Moscow": each pair, when the sides allow both ways.
      if (!via.includes('between')) continue;
      for (const b of own.filter((c) => g.labels[c] === 'nmod' && caseOf(c) === 'between')) {
        const sides = coordination(g, b).map((i) => fits(i, allowed.subject)).filter((r): r is Ref => !!r && allowed.object.includes(typeOf(r.key)!));
        for (let a = 0; a < sides.length; a++) for (let c = a + 1; c < sides.length; c++) add({ type, source: sides[a]!.key, target: sides[c]!.key, sentence: ws[t]!.sentence, trigger, at });
      }
    }
  }
}

/** Whether a word can carry a fact the tree reads: a trigger verb or noun, or a title. */
export function mayCarryFact(lower: string): boolean {
  const w = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return TRIGGERS.has(w) || NOMINAL_TRIGGERS.has(w) || GRAMMAR_TRIGGERS.has(w) || TITLE_WORDS.has(w);
}

/** Whether a word can name a quote's speaker beside it: a speech verb, "according (to)", "accused"... */
export function isQuoteVerb(lower: string): boolean {
  return SPEECH_VERBS.has(lower) || /^(slammed|accused|called|according|per)$/.test(lower);
}

/** Verbs whose both sides are people ("met", "meets"): who meets a person, or whom a person meets, is one. */
const MEETING_VERBS = /^(meet|meets|met|meeting)$/;

/**
 * Types names the rules left open (`doc.untyped`) by what the sentence does with them: the one a person
 * meets, or who meets a person, is a person ("Joe Biden met Xi Jinping in Lima"). Every mention of that
 * name in the article follows, with the reason kept.
 */
export function typeFromGrammar(text: string, tok: Tokenized, doc: DocumentEntities, g: Grammar, typeOf: (k: string) => EntityType | undefined): void {
  const ws = tok.words;
  const refAt = refsByWord(doc.refs);
  const caseOf = (i: number): string | undefined => prepositionOf(g, ws, i);
  const isPerson = (i: number): boolean => {
    const r = refAt.get(i) ?? (/^(NOUN|PROPN)$/.test(g.pos[i]!) ? phraseRef(g, refAt, i) : undefined);
    return !!r && r.kind === 'name' && typeOf(r.key) === 'Person';
  };
  const people = new Set<string>();
  for (const u of doc.untyped) {
    const h = headWord(g, u.first, u.last);
    const v = g.heads[h]!;
    if (v < 0 || g.pos[v] !== 'VERB' || !MEETING_VERBS.test(ws[v]!.lower)) continue;
    const rel = g.labels[h]!;
    const others =
      rel === 'obj' || (rel === 'obl' && caseOf(h) === 'with')
        ? clauseSubjects(g, v, 0, ws)
        : rel === 'nsubj'
          ? [...dependents(g, v, 'obj'), ...dependents(g, v, 'obl').filter((c) => caseOf(c) === 'with')]
          : [];
    if (others.flatMap((x) => coordination(g, x)).some(isPerson)) people.add(fold(u.name));
  }
  for (const u of doc.untyped) {
    if (people.has(fold(u.name))) addEntityMention(doc, text, ws, { key: `name:${fold(u.name)}`, type: 'Person', name: u.name }, u.first, u.last, u.sentence, 'one a person meets');
  }
}

/** Every member of the coordination a word is in ("the US and the EU" from either). */
function coordination(g: Grammar, i: number): number[] {
  let top = i;
  for (let k = 0; k < 12 && g.labels[top] === 'conj' && g.heads[top]! >= 0; k++) top = g.heads[top]!;
  return withConjuncts(g, top);
}

/** Name references plus pronouns and "the Ukrainian leader" resolved to the person they stand for. */
export function resolveReferences(ws: readonly Word[], doc: DocumentEntities, typeOf: (k: string) => EntityType | undefined, grammar?: Grammar): Ref[] {
  const refs = [...doc.refs];
  const roleHolders = new Map<string, Set<string>>();
  // Who holds a role for a country now: a "former" president is not "the Ukrainian leader".
  for (const r of doc.roles) if (r.holder && !/\b(former|ex|late|then)\b/i.test(r.role)) roleHolders.set(r.holder, (roleHolders.get(r.holder) ?? new Set()).add(r.person));
  // People mentioned so far, in order; a mention inside a prepositional phrase is a weaker antecedent.
  const persons = doc.refs.filter((r) => typeOf(r.key) === 'Person').sort((a, b) => a.first - b.first);
  const seen: { key: string; first: number; strong: boolean; subject?: boolean }[] = [];
  let p = 0;
  const advance = (i: number): void => {
    while (p < persons.length && persons[p]!.first < i) {
      const r = persons[p]!;
      seen.push({ key: r.key, first: r.first, strong: !isPrepObject(ws, r), ...(grammar ? { subject: isSubject(grammar, r) } : {}) });
      p++;
    }
  };
  // "he" is not Margaret Thatcher, "she" not Tony Blair: a given name listed with one gender only.
  const genderOf = (key: string): 'female' | 'male' | undefined => {
    const first = doc.entities.get(key)?.name.split(' ')[0];
    return first ? givenNameGender(first) : undefined;
  };
  const antecedent = (i: number, not?: string): string | undefined => {
    advance(i);
    const want = /^(he|him)$/.test(ws[i]!.lower) ? 'male' : 'female';
    const fits = (k: number): boolean => {
      const x = seen[k]!;
      if (x.key === not) return false;
      const g = genderOf(x.key);
      return !g || g === want;
    };
    // With the parse, "he" continues the subject of this or the last sentence ("Zelensky is expected to
    // meet Erdogan. He stated: ..." is Zelensky's), the center of the discourse, before a nearer object.
    if (grammar) {
      const from = ws[i]!.sentence - 1;
      for (let k = seen.length - 1; k >= 0 && ws[seen[k]!.first]!.sentence >= from; k--) if (seen[k]!.subject && fits(k)) return seen[k]!.key;
    }
    for (let k = seen.length - 1; k >= 0; k--) if (seen[k]!.strong && fits(k)) return seen[k]!.key;
    for (let k = seen.length - 1; k >= 0; k--) if (fits(k)) return seen[k]!.key;
    return undefined;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (SUBJECT_PRONOUNS.has(w.lower)) {
      const key = antecedent(i);
      if (key) refs.push({ key, first: i, last: i + 1, sentence: w.sentence, kind: 'name' });
    } else if (OBJECT_PRONOUNS.has(w.lower)) {
      const subjectOfSentence = refs.find((r) => r.sentence === w.sentence && r.first < i && typeOf(r.key) === 'Person');
      const key = antecedent(i, subjectOfSentence?.key);
      if (key) refs.push({ key, first: i, last: i + 1, sentence: w.sentence, kind: 'name' });
    } else if (w.lower === 'the') {
      // "the Ukrainian leader": the one person this document gives a role for that country.
      const adj = ws[i + 1];
      const title = ws[i + 2];
      if (adj && title && TITLE_WORDS.has(title.lower) && !/^\p{Lu}/u.test(ws[i + 3]?.text ?? '')) {
        // The holder is a country named by its adjective, or an organization named as it is ("the Kremlin spokesman").
        const country = lookupDemonym(adj.text);
        const named = [...doc.entities.values()].find((e) => e.type !== 'Person' && [...e.surfaces].some((x) => x === adj.text));
        const holderKey = country?.key ?? named?.key;
        const holders = holderKey ? roleHolders.get(holderKey) : undefined;
        if (holders && holders.size === 1) {
          const key = [...holders][0]!;
          refs.push({ key, first: i, last: i + 3, sentence: w.sentence, kind: 'name' });
          advance(i);
          seen.push({ key, first: i, strong: true });
          continue;
        }
      }
      // "the Prime Minister said", "the president": the one person the article gives that title now.
      let j = i + 1;
      while (j < ws.length && j - i <= 3 && (TITLE_WORDS.has(ws[j]!.lower) || TITLE_MODIFIERS.has(ws[j]!.lower))) j++;
      const phrase = ws.slice(i + 1, j).map((x) => x.lower).join(' ');
      const next = ws[j];
      if (j > i + 1 && TITLE_WORDS.has(ws[j - 1]!.lower) && !HONORIFIC_TITLES.test(phrase) && !(next && (/^\p{Lu}/u.test(next.text) || next.lower === 'of'))) {
        // The title itself, with at most the holder's name or adjective before it ("South African
        // President"), never another office ("Deputy Prime Minister", "shadow chancellor").
        const holds = (role: string): boolean => {
          const words = role.toLowerCase().split(/\s+/);
          const own = phrase.split(' ').length;
          return words.slice(-own).join(' ') === phrase && !words.slice(0, -own).some((x) => OTHER_OFFICE.test(x));
        };
        const named = new Set(doc.roles.filter((r) => holds(r.role)).map((r) => r.person));
        if (named.size === 1) {
          const key = [...named][0]!;
          refs.push({ key, first: i, last: j, sentence: w.sentence, kind: 'name' });
          advance(i);
          seen.push({ key, first: i, strong: true });
        }
        continue;
      }
      // "the club said", "said the company", "the network's spokesman": the body of that kind the article
      // has named most so far, when it named it twice as often as any other and also last; only as a
      // speaker or an employer (what else a body does is read from its name).
      const noun = ws[i + 1];
      const speaks = (k: number): boolean => !!ws[k] && SPEECH_VERBS.has(ws[k]!.lower);
      const employs = (ws[i + 2]?.lower === "'s" || ws[i + 2]?.lower === '’s') && !!ws[i + 3] && TITLE_WORDS.has(ws[i + 3]!.lower);
      if (noun && BODY_NOUNS.has(noun.lower) && (speaks(i + 2) || speaks(i - 1) || employs)) {
        const fits = bodyOf(noun.lower);
        const counts = new Map<string, number>();
        let last: string | undefined;
        let lastAt = -1;
        for (const r of doc.refs) {
          if (r.first >= i || r.kind !== 'name' || typeOf(r.key) !== 'Organization' || !fits(doc.entities.get(r.key)?.name ?? '')) continue;
          counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
          if (!last || r.first > lastAt) [last, lastAt] = [r.key, r.first];
        }
        const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
        if (first && first[0] === last && first[1] >= 2 && (!second || first[1] >= 2 * second[1])) refs.push({ key: first[0], first: i, last: i + 2, sentence: w.sentence, kind: 'name' });
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

const PLACE_NOUNS = new Set(['city', 'town', 'village', 'capital', 'port', 'region', 'province', 'district', 'oblast']);

/**
 * Places inside countries, as news writes them: "the central Ukrainian city of Dnipro",
 * "Ukraine's northeastern Kharkiv region", "the Donetsk region of Ukraine".
 */
function placedIn(ws: readonly Word[], refs: readonly Ref[], typeOf: (k: string) => EntityType | undefined, sentence: number, add: (r: Omit<LocalRelation, 'modality'>) => void): void {
  const places = refs.filter((r) => r.kind === 'name' && typeOf(r.key) === 'Location' && !r.key.startsWith('country:'));
  const countries = refs.filter((r) => r.key.startsWith('country:'));
  // Countries by where they end and start, so each place looks only at the few words around it.
  const byLast = new Map<number, number[]>();
  const byFirst = new Map<number, number[]>();
  countries.forEach((c, i) => {
    byLast.set(c.last, [...(byLast.get(c.last) ?? []), i]);
    byFirst.set(c.first, [...(byFirst.get(c.first) ?? []), i]);
  });
  /** The first country, in sentence order, ending at one of `lasts` (or starting at one of `firsts`) that passes `ok`. */
  const first = (index: Map<number, number[]>, at: number[], ok: (c: Ref) => boolean): Ref | undefined => {
    const hits = at.flatMap((k) => index.get(k) ?? []).filter((i) => ok(countries[i]!));
    return hits.length ? countries[Math.min(...hits)] : undefined;
  };
  for (const p of places) {
    // "... Ukrainian city of Dnipro": a country (or its adjective) up to three words before "<noun> of".
    if (ws[p.first - 1]?.lower === 'of' && PLACE_NOUNS.has(ws[p.first - 2]?.lower ?? '')) {
      const c = first(byLast, [p.first - 4, p.first - 3, p.first - 2], () => true);
      if (c) add({ type: 'LOCATED_IN', source: p.key, target: c.key, sentence, trigger: ws[p.first - 2]!.text });
    }
    // "Ukraine's northeastern Kharkiv region": a country's possessive up to two words before the place and its noun.
    if (PLACE_NOUNS.has(ws[p.last]?.lower ?? '')) {
      const c = first(byLast, [p.first - 3, p.first - 2, p.first - 1], (c) => c.kind === 'name' && /^['’]s$/.test(ws[c.last]?.text ?? ''));
      if (c) add({ type: 'LOCATED_IN', source: p.key, target: c.key, sentence, trigger: ws[p.last]!.text });
      // "the Donetsk region of Ukraine"
      const after = ws[p.last + 1]?.lower === 'of' ? first(byFirst, [p.last + 2], () => true) : undefined;
      if (after) add({ type: 'LOCATED_IN', source: p.key, target: after.key, sentence, trigger: ws[p.last]!.text });
    }
  }
}

/** "Kyiv, Ukraine": a place followed by a comma and a country. */
function locatedIn(ws: readonly Word[], refs: readonly Ref[], typeOf: (k: string) => EntityType | undefined, doc: DocumentEntities, sentence: number, add: (r: Omit<LocalRelation, 'modality'>) => void): void {
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

const OPENERS: Record<string, string> = { '“': '”"', '"': '"”', '«': '»' };

/** Direct quotes of three words or more, with the speaker named next to a speech verb. */
export function findQuotes(text: string, tok: Tokenized, resolved: readonly Ref[], typeOf: (k: string) => EntityType | undefined, grammar?: Grammar): LocalQuote[] {
  const ws = tok.words;
  const refs = resolved.filter((r) => {
    const ty = typeOf(r.key);
    return ty === 'Person' || ty === 'Organization' || ty === 'Location';
  });
  // Quotes close on their line, also with the other kind of mark ("...” as well as “..."). A paragraph
  // that opens with a quote and does not close it is quoted to its end: news runs a long quote over
  // several paragraphs, each opening with a quotation mark, and closes only the last.
  const spans: { start: number; end: number; paragraph: boolean; line: number }[] = [];
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
      continue;
    }
    const closers = OPENERS[text[i]!];
    if (!closers) continue;
    let j = i + 1;
    while (j < text.length && !closers.includes(text[j]!) && text[j] !== '\n' && !(text[i] !== '"' && text[j] === '"' && !closers.includes('"'))) j++;
    const closed = j < text.length && closers.includes(text[j]!);
    const opensLine = text.slice(lineStart, i).trim() === '';
    if (!closed && !(opensLine && (j >= text.length || text[j] === '\n'))) continue;
    let end = j;
    while (!closed && end > i + 1 && /\s/.test(text[end - 1]!)) end--;
    const inner = text.slice(i + 1, end);
    if (inner.trim().split(/\s+/).length >= 3) spans.push({ start: i + 1, end, paragraph: opensLine, line });
    i = closed ? j : j - 1;
  }
  // References in word order, found near a quote by binary search.
  const byFirst = [...refs].sort((a, b) => a.first - b.first);
  const refsBetween = (from: number, to: number): Ref[] => {
    let a = 0;
    let b = byFirst.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (byFirst[m]!.first < from) a = m + 1;
      else b = m;
    }
    const out: Ref[] = [];
    for (let k = a; k < byFirst.length && byFirst[k]!.first < to; k++) out.push(byFirst[k]!);
    return out;
  };
  const refAt = grammar ? refsByWord(refs) : undefined;
  const quotes: LocalQuote[] = [];
  let previous: { speaker: string | undefined; sentence: number; line: number } | undefined;
  for (const q of spans) {
    // The quote's words (a contiguous run found by binary search), then the words around it in its
    // first and last sentences: only those are read, not the whole article.
    let lo = 0;
    let hi = ws.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ws[mid]!.start < q.start - 1) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < ws.length && ws[end]!.end <= q.end + 1) end++;
    const firstWord = lo < end ? ws[lo] : undefined;
    const lastWord = lo < end ? ws[end - 1] : undefined;
    if (!firstWord || !lastWord) continue;
    // At most WINDOW words on each side: a speaker stands near the quote, and a very long sentence
    // (a page without full stops) is then read in time linear in its length.
    const outside: { w: Word; i: number }[] = [];
    for (const si of new Set([firstWord.sentence, lastWord.sentence])) {
      const sp = tok.sentences[si]!;
      for (let i = Math.max(sp.first, lo - WINDOW); i < Math.min(sp.last, end + WINDOW); i++) {
        const w = ws[i]!;
        if (w.end <= q.start - 1 || w.start >= q.end + 1) outside.push({ w, i });
      }
    }
    const near = refsBetween(lo - WINDOW - 8, end + WINDOW + 8);
    const verbs = outside
      .filter(({ w }) => isQuoteVerb(w.lower))
      .sort((a, b) => distance(a.w, q) - distance(b.w, q));
    let speaker: string | undefined;
    for (const { i } of verbs) {
      // With the parse: the speech verb's subject speaks ("Zelensky said", "said Zelensky", "he told
      // Reuters"); the one told, or a subject that is not a name ("the official said"), never does.
      if (grammar && refAt) {
        const subject = dependents(grammar, i, 'nsubj')[0];
        // A subject inside the quote is a misparse (the quote does not speak): the word order decides.
        const quoted = subject !== undefined && ws[subject]!.start >= q.start && ws[subject]!.end <= q.end;
        if (subject !== undefined && !quoted) {
          // "Mr Macron's office said": an office or a spokesman speaks for its possessor.
          const speaksFor = SPEAKS_FOR.test(ws[subject]!.lower) ? dependents(grammar, subject, 'nmod:poss').map((c) => phraseRef(grammar, refAt, c)).find((x) => x?.kind === 'name') : undefined;
          const r = phraseRef(grammar, refAt, subject) ?? speaksFor;
          if (r && (ws[r.first]!.end <= q.start - 1 || ws[r.first]!.start >= q.end + 1)) {
            speaker = r.key;
            break;
          }
          continue;
        }
      }
      const isOutside = (r: Ref): boolean => ws[r.first]!.end <= q.start - 1 || ws[r.first]!.start >= q.end + 1;
      const beforeRef = near.filter((r) => r.last <= i && i - r.last <= 2 && isOutside(r)).at(-1);
      const afterRef = near.find((r) => r.first > i && r.first - i <= 4 && isOutside(r));
      const chosen = beforeRef ?? (/^(according|per)$/.test(ws[i]!.lower) ? near.find((r) => r.first > i && r.first - i <= 3) : afterRef);
      if (chosen) {
        speaker = chosen.key;
        break;
      }
    }
    const sentence = firstWord.sentence;
    // A quote that goes on: in the next sentence, or a paragraph opening with a quote right after a quoted one.
    const continues = previous && (sentence - previous.sentence <= 1 || (q.paragraph && q.line - previous.line <= 1));
    if (!speaker && verbs.length === 0 && previous && continues) speaker = previous.speaker;
    quotes.push({ speaker, text: text.slice(q.start, q.end), start: q.start, end: q.end });
    previous = { speaker, sentence: lastWord.sentence, line: q.line + (text.slice(q.start, q.end).match(/\n/g)?.length ?? 0) };
  }
  return quotes;
}

const WINDOW = 60;
/** Nouns by which news names again the body it is about ("the club said"). */
const BODY_NOUNS = new Set(['company', 'firm', 'club', 'bank', 'carrier', 'airline', 'retailer', 'insurer', 'lender', 'broadcaster', 'network', 'manufacturer', 'carmaker', 'giant', 'team', 'party', 'ministry', 'agency', 'union', 'commission', 'organisation', 'organization', 'institute', 'university']);
const PARTY_LIKE = /\b(party|front|alliance|coalition|movement|league|congress)\b/i;
const PUBLIC_BODY = /\b(ministry|department|office|commission|council|committee|agency|authority|union|court|parliament|assembly|senate|government|police|army|forces|nations|organi[sz]ation|federation|association|institute|university|bank)\b/i;
/** Which organizations "the club", "the party", "the company" can name (by the name and the gazetteer's kind). */
function bodyOf(noun: string): (name: string) => boolean {
  switch (noun) {
    case 'party':
      return (name) => PARTY_LIKE.test(name) || PARTY_NAMES.has(name.toLowerCase());
    case 'club':
    case 'team':
      return (name) => orgKind(name) === 'club' || /\b(fc|cf|afc|united|city|rovers|athletic|club)\b/i.test(name);
    case 'bank':
    case 'ministry':
    case 'agency':
    case 'union':
    case 'commission':
    case 'university':
    case 'institute': {
      const own = new RegExp(`\\b${noun}\\b`, 'i');
      return (name) => own.test(name);
    }
    case 'organisation':
    case 'organization':
      return (name) => /\borgani[sz]ation\b/i.test(name);
    default:
      // A company, a firm, a carrier, a retailer: a business, not a party or a public body.
      return (name) => {
        const kind = orgKind(name);
        return kind === 'company' || kind === 'company-word' || (!PARTY_LIKE.test(name) && !PUBLIC_BODY.test(name) && !(kind === undefined && /^[A-Z]{2,4}$/.test(name)));
      };
  }
}

/** Words before a title that make it another office, or not the present one. */
const OTHER_OFFICE = /^(deputy|vice|shadow|assistant|junior|former|ex|then|late|acting|interim|first|second|under|associate|co|outgoing|incoming|designate|elect)$/;
/** Titles that are only honorifics or name no one in particular ("the lady", "the official"). */
const HONORIFIC_TITLES = /^(mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|official|officer|analyst|economist|aide|adviser|advisor|counterpart|leader|head|chief|boss)$/;
/** Nouns whose possessor is the one who speaks through them. */
const SPEAKS_FOR = /^(office|spokesman|spokeswoman|spokesperson|spokespeople|campaign|administration|government|ministry|press)$/;

function distance(w: Word, q: { start: number; end: number }): number {
  return w.end <= q.start ? q.start - w.end : w.start - q.end;
}
