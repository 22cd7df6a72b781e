/**
 * A fact is one (subject, type, object) across all articles; each sentence that states it is an
 * assertion with what that sentence says of it. A fact's totals are derived from its assertions only,
 * by the one function below, in memory and in Neo4j alike.
 */
import { granularityOf, type Evidence, type Granularity, type Modality, type Relation, type RelationType } from './contract.js';
import { independentGroups, type Sourcing } from './copies.js';

/** What one sentence says of one fact: the STATES hop from a Sentence to its Fact. */
export interface Assertion {
  readonly sentence: string;
  readonly doc: string;
  /** Extractor ids of the subject and object as the article named them. */
  readonly subject: string;
  readonly object: string;
  readonly modality: Modality;
  readonly cue: string | null;
  /** The date as written, and its calendar value when the article's date is known. */
  readonly date: string | null;
  readonly dateValue: string | null;
  readonly quantities: string[];
  /** HOLDS_ROLE: the sentence says the role is over. */
  readonly ended: boolean;
  readonly trigger: string | null;
  readonly role: string | null;
}

export interface FactTotals {
  /** Ids of the sentences that say it, sorted. */
  evidence: string[];
  /** Distinct articles that say it. */
  sources: number;
  /** Groups of those articles that do not copy each other (nor carry the same wire's reporting). */
  independentSources: number;
  /** The wire services or outlets those articles are, where known. */
  outlets: string[];
  role: string | null;
  triggers: string[];
  /** Sentences by modality. */
  reported: number;
  planned: number;
  denied: number;
  /** One article denies what another reports or plans. */
  contested: boolean;
  cues: string[];
  dates: string[];
  /** When it happened, where sentences say: the value most of them give (the most precise, then the earliest, on a tie). */
  eventDate: string | null;
  eventGranularity: Granularity | null;
  /** The first and last publication dates of its articles, where known. */
  firstReported: string | null;
  lastReported: string | null;
  /** HOLDS_ROLE: sentences that say the role is over ("former"). */
  ended: number;
  quantities: string[];
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const uniq = (xs: readonly (string | null | undefined)[]): string[] => [...new Set(xs.filter((v): v is string => !!v))].sort(cmp);

/** The assertions of one relation of an extraction; `sentenceAt` finds the sentence id of an evidence span. */
export function assertionsOf(r: Relation, sentenceAt: (e: Evidence) => string | undefined): Assertion[] {
  const out: Assertion[] = [];
  for (const e of r.evidence) {
    const sentence = sentenceAt(e);
    if (!sentence) continue;
    out.push({
      sentence,
      doc: e.doc,
      subject: r.source,
      object: r.target,
      modality: e.modality ?? 'reported',
      cue: e.cue ?? null,
      date: e.date?.text ?? null,
      dateValue: e.date?.value ?? null,
      quantities: [...(e.quantities ?? [])],
      ended: e.ended ?? false,
      trigger: r.trigger ?? null,
      role: r.role ?? null,
    });
  }
  return out;
}

/** Identity of an assertion: two equal ones from the same sentence are one. */
export const assertionKey = (a: Assertion): string =>
  JSON.stringify([a.sentence, a.subject, a.object, a.modality, a.cue, a.date, a.dateValue, a.quantities, a.trigger, a.role, a.ended]);

export function factId(source: string, type: RelationType, target: string): string {
  return `${source}|${type}|${target}`;
}

/**
 * How Browser captions a fact: its type (a role for HOLDS_ROLE), marked when no sentence reports it as
 * having happened ("MEETS (planned)", "VISITS (denied)") or when articles disagree ("(contested)").
 */
export function factCaption(type: RelationType, t: FactTotals): string {
  const base = type === 'HOLDS_ROLE' && t.role ? t.role : type;
  if (t.contested) return `${base} (contested)`;
  if (type === 'HOLDS_ROLE' && t.ended > 0 && t.ended === t.evidence.length) return `${base} (former)`;
  if (t.reported > 0) return base;
  const marks = [t.planned > 0 ? 'planned' : '', t.denied > 0 ? 'denied' : ''].filter(Boolean);
  return marks.length ? `${base} (${marks.join(', ')})` : base;
}

/** With no `sourcing`, every article counts as independent. */
export function factTotals(assertions: readonly Assertion[], sourcing?: Sourcing): FactTotals {
  const sorted = [...assertions].sort((a, b) => cmp(a.sentence, b.sentence) || cmp(assertionKey(a), assertionKey(b)));
  const sentencesBy = (m: Modality): number => new Set(sorted.filter((a) => a.modality === m).map((a) => a.sentence)).size;
  const docsBy = (m: Modality): Set<string> => new Set(sorted.filter((a) => a.modality === m).map((a) => a.doc));
  const denying = docsBy('denied');
  const affirming = new Set([...docsBy('reported'), ...docsBy('planned')]);
  const docs = [...new Set(sorted.map((a) => a.doc))];
  return {
    evidence: uniq(sorted.map((a) => a.sentence)),
    sources: docs.length,
    independentSources: sourcing ? independentGroups(docs, sourcing) : docs.length,
    outlets: sourcing ? uniq(docs.map((d) => sourcing.outletOf(d))) : [],
    role: sorted.find((a) => a.role)?.role ?? null,
    triggers: uniq(sorted.map((a) => a.trigger)),
    reported: sentencesBy('reported'),
    planned: sentencesBy('planned'),
    denied: sentencesBy('denied'),
    contested: [...denying].some((d) => [...affirming].some((a) => a !== d)),
    cues: uniq(sorted.map((a) => a.cue)),
    dates: uniq(sorted.map((a) => (a.date ? (a.dateValue ? `${a.date} = ${a.dateValue}` : a.date) : null))),
    ...eventDateOf(sorted),
    ...reportedBetween(docs, sourcing),
    ended: new Set(sorted.filter((a) => a.ended).map((a) => a.sentence)).size,
    quantities: uniq(sorted.flatMap((a) => a.quantities)),
  };
}

/** The date most sentences give a fact (each sentence once): the most precise, then the earliest, on a tie. */
function eventDateOf(sorted: readonly Assertion[]): Pick<FactTotals, 'eventDate' | 'eventGranularity'> {
  const votes = new Map<string, Set<string>>();
  for (const a of sorted) if (a.dateValue && a.modality !== 'denied') votes.set(a.dateValue, (votes.get(a.dateValue) ?? new Set()).add(a.sentence));
  const best = [...votes.entries()].sort((x, y) => y[1].size - x[1].size || y[0].length - x[0].length || cmp(x[0], y[0]))[0]?.[0] ?? null;
  return { eventDate: best, eventGranularity: best === null ? null : granularityOf(best) };
}

function reportedBetween(docs: readonly string[], sourcing: Sourcing | undefined): Pick<FactTotals, 'firstReported' | 'lastReported'> {
  const dates = uniq(docs.map((d) => sourcing?.dateOf(d)));
  return { firstReported: dates[0] ?? null, lastReported: dates[dates.length - 1] ?? null };
}
