/**
 * Copied stories: which articles reuse each other's text or carry the same wire service's reporting,
 * and so how many independent sources stand behind a fact. A pair's decision reads only the two
 * articles (their sentences, dates, outlets and attributions), so it is the same in any load order.
 */
import { createHash } from 'node:crypto';
import type { ArticleDocument } from './contract.js';

/** A sentence counts toward copying when it has this many words (shorter ones repeat by chance). */
export const MIN_SENTENCE_WORDS = 6;
/** Two articles are copies when they share this many sentences ... */
export const MIN_SHARED_SENTENCES = 2;
/** ... making at least this part of the shorter article. */
export const MIN_SHARE = 0.3;

/** What the copy decision reads of an article. */
export interface CopyProfile {
  readonly id: string;
  readonly sha256: string;
  readonly date: string | null;
  /** The wire service it is, when it says so. */
  readonly outlet: string | null;
  /** The wire services whose reporting it carries: its outlet and those it attributes to, sorted. */
  readonly wires: readonly string[];
  /** Its distinct sentence keys (see sentenceKey), sorted. */
  readonly keys: readonly string[];
}

export interface CopyLink {
  /** The copy ... */
  readonly from: string;
  /** ... and the article it copies (the earlier one, or the wire's own story). */
  readonly to: string;
  /** Shared sentences over the shorter article's. */
  readonly share: number;
  readonly evidence: string;
}

/**
 * A sentence's key: its words lowercased, with quotes, dashes, punctuation and spacing normalized;
 * null when it is too short to say anything about copying.
 */
export function sentenceKey(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length < MIN_SENTENCE_WORDS) return null;
  return createHash('sha1').update(words.join(' ')).digest('base64url').slice(0, 16);
}

/** The profile of an article from its sentences' keys (sentenceKey of each). */
export function copyProfile(
  d: Pick<ArticleDocument, 'id' | 'sha256' | 'date' | 'outlet' | 'attributions'>,
  sentenceKeys: Iterable<string | null>,
): CopyProfile {
  const keys = new Set<string>();
  for (const k of sentenceKeys) if (k) keys.add(k);
  const wires = new Set((d.attributions ?? []).map((a) => a.agency));
  if (d.outlet) wires.add(d.outlet);
  return { id: d.id, sha256: d.sha256, date: d.date ?? null, outlet: d.outlet ?? null, wires: [...wires].sort(), keys: [...keys].sort() };
}

/** Whether `a` carries the reporting of the wire service that `b` is (and is not that service itself). */
const cites = (a: CopyProfile, b: CopyProfile): boolean => b.outlet !== null && a.outlet !== b.outlet && a.wires.includes(b.outlet);

/** The link between two articles that share `shared` sentence keys, or null when neither copies the other. */
export function copyBetween(a: CopyProfile, b: CopyProfile, shared: number): CopyLink | null {
  if (a.id === b.id) return null;
  const shorter = Math.min(a.keys.length, b.keys.length);
  const share = shorter ? shared / shorter : 0;
  const byText = shared >= MIN_SHARED_SENTENCES && share >= MIN_SHARE;
  const aCites = cites(a, b);
  const bCites = cites(b, a);
  if (!byText && !aCites && !bCites) return null;
  // Toward the wire's own story, else the earlier article, else the longer (copies trim), else by content.
  let aCopies: boolean;
  if (aCites !== bCites) aCopies = aCites;
  else if (a.date && b.date && a.date !== b.date) aCopies = a.date > b.date;
  else if (a.keys.length !== b.keys.length) aCopies = a.keys.length < b.keys.length;
  else aCopies = a.sha256 > b.sha256;
  const [from, to] = aCopies ? [a, b] : [b, a];
  const evidence = [
    byText ? `${shared} of ${shorter} sentences the same` : '',
    cites(from, to) ? `attributes its reporting to ${to.outlet}, whose story the other is` : '',
  ].filter(Boolean);
  return { from: from.id, to: to.id, share: Math.round(share * 1000) / 1000, evidence: evidence.join('; ') };
}

/** Sentence keys each pair of articles shares, through an index of keys (pairs that share none are absent). */
function sharedKeys(profiles: readonly CopyProfile[]): Map<string, number> {
  const byKey = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const k of p.keys) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const shared = new Map<string, number>();
  for (const list of byKey.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = `${list[x]} ${list[y]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return shared;
}

/** Every copy link among a set of articles, sorted; the same set gives the same links in any order. */
export function copyLinks(profiles: readonly CopyProfile[]): CopyLink[] {
  const list = [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const links: CopyLink[] = [];
  const shared = sharedKeys(list);
  const byOutlet = new Map<string, number[]>();
  list.forEach((p, i) => p.outlet && byOutlet.set(p.outlet, [...(byOutlet.get(p.outlet) ?? []), i]));
  const pairs = new Set(shared.keys());
  list.forEach((p, i) => {
    for (const w of p.wires) {
      if (w === p.outlet) continue;
      for (const j of byOutlet.get(w) ?? []) pairs.add(i < j ? `${i} ${j}` : `${j} ${i}`);
    }
  });
  for (const pair of pairs) {
    const [i, j] = pair.split(' ').map(Number) as [number, number];
    const link = copyBetween(list[i]!, list[j]!, shared.get(pair) ?? 0);
    if (link) links.push(link);
  }
  return links.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/** What a fact's count of independent sources reads of its articles. */
export interface Sourcing {
  /** The wire services whose reporting an article carries. */
  wiresOf(doc: string): readonly string[];
  outletOf(doc: string): string | null;
  /** The article's publication date, where known. */
  dateOf(doc: string): string | null;
  /** The articles this one copies or is copied by. */
  copiesOf(doc: string): readonly string[];
}

/**
 * Groups of articles that do not copy each other: articles are one group when one copies the other or
 * both carry the same wire service's reporting.
 */
export function independentGroups(docs: readonly string[], sourcing: Sourcing): number {
  const list = [...new Set(docs)].sort();
  const index = new Map(list.map((d, i) => [d, i]));
  const parent = list.map((_d, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (i: number, j: number): void => {
    const [a, b] = [root(i), root(j)];
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  const byWire = new Map<string, number>();
  list.forEach((d, i) => {
    for (const w of sourcing.wiresOf(d)) {
      const first = byWire.get(w);
      if (first === undefined) byWire.set(w, i);
      else join(first, i);
    }
    for (const c of sourcing.copiesOf(d)) {
      const j = index.get(c);
      if (j !== undefined) join(i, j);
    }
  });
  return new Set(list.map((_d, i) => root(i))).size;
}

/** A Sourcing over known profiles and links. */
export function sourcingOf(profiles: Iterable<Pick<CopyProfile, 'id' | 'outlet' | 'wires' | 'date'>>, links: Iterable<Pick<CopyLink, 'from' | 'to'>>): Sourcing {
  const byId = new Map([...profiles].map((p) => [p.id, p]));
  const linked = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = linked.get(a);
    if (list) list.push(b);
    else linked.set(a, [b]);
  };
  for (const l of links) {
    link(l.from, l.to);
    link(l.to, l.from);
  }
  return {
    wiresOf: (d) => byId.get(d)?.wires ?? [],
    outletOf: (d) => byId.get(d)?.outlet ?? null,
    dateOf: (d) => byId.get(d)?.date ?? null,
    copiesOf: (d) => linked.get(d) ?? [],
  };
}
