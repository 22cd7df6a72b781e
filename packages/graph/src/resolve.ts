/**
 * Entity resolution across articles, on surfaces: a surface is one extractor id ("person:volodymyr-zelensky")
 * with everything every article said of it (its names, aliases, mentions, merges). Surfaces that name the
 * same thing are clustered into one entity by rules of names only (same name after folding, spelling
 * variants, a surname joining the one full name it ends, acronyms), so:
 * - the result is a function of the set of surfaces, never of the order they came in;
 * - two surfaces can only ever be joined, or affect each other's joining, when they share a key of
 *   `surfaceKeys`: a store recomputes only the surfaces reachable through shared keys from what changed,
 *   and gets the result of clustering everything at once.
 */
import { distance } from 'fastest-levenshtein';
import type { Entity, EntityType } from './contract.js';
import { fold } from './names.js';

/** One extractor id and what the articles said of it, summed over articles. */
export interface Surface {
  readonly id: string;
  readonly type: EntityType;
  /** Names given to it as its main name, with the number of articles that gave each. */
  readonly names: Readonly<Record<string, number>>;
  /** Other names (surface forms) it had in some article. */
  readonly aliases: readonly string[];
  /** Mentions over all articles. */
  readonly mentions: number;
  /** Merges made inside articles, each as `mergeKey` writes it. */
  readonly merges: readonly string[];
}

/** What one article says of one surface: the unit a store adds and removes. */
export interface SurfaceRecord {
  readonly surface: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly mentions: number;
  readonly merges: readonly string[];
}

export interface ResolvedEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: string[];
  /** Why names were joined, sorted by alias and reason. */
  readonly merges: { alias: string; reason: string }[];
  /** The surfaces it is made of, sorted. */
  readonly surfaces: string[];
}

/** A merge as one string (a JSON pair), so sets of merges can be stored and compared. */
export const mergeKey = (m: { alias: string; reason: string }): string => JSON.stringify([m.alias, m.reason]);
/** A merge as analysts read it: "alias: reason". */
export const mergeLabel = (m: { alias: string; reason: string }): string => `${m.alias}: ${m.reason}`;
const parseMerge = (k: string): { alias: string; reason: string } => {
  const [alias, reason] = JSON.parse(k) as [string, string];
  return { alias, reason };
};

export function recordOf(e: Entity): SurfaceRecord {
  return { surface: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions.length, merges: (e.merges ?? []).map(mergeKey) };
}

/** Sums the records of each surface (any order gives the same surfaces). */
export function aggregateSurfaces(records: Iterable<SurfaceRecord>): Surface[] {
  const acc = new Map<string, { type: EntityType; names: Record<string, number>; aliases: Set<string>; mentions: number; merges: Set<string> }>();
  for (const r of records) {
    let a = acc.get(r.surface);
    if (!a) acc.set(r.surface, (a = { type: r.type, names: {}, aliases: new Set(), mentions: 0, merges: new Set() }));
    a.names[r.name] = (a.names[r.name] ?? 0) + 1;
    for (const x of r.aliases) a.aliases.add(x);
    a.mentions += r.mentions;
    for (const m of r.merges) a.merges.add(m);
  }
  return [...acc.entries()]
    .sort((x, y) => cmp(x[0], y[0]))
    .map(([id, a]) => ({ id, type: a.type, names: sortedRecord(a.names), aliases: [...a.aliases].sort(cmp), mentions: a.mentions, merges: [...a.merges].sort(cmp) }));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedRecord = (r: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(r).sort((a, b) => cmp(a[0], b[0])));
const isAllCaps = (s: string): boolean => /\p{L}/u.test(s) && s === s.toUpperCase() && s !== s.toLowerCase() && s.length > 4;

/** The surface's own name: the one most articles gave it; a word in capitals only when nothing else; then by text. */
export function displayName(s: Surface): string {
  return Object.entries(s.names).sort((a, b) => b[1] - a[1] || Number(isAllCaps(a[0])) - Number(isAllCaps(b[0])) || cmp(a[0], b[0]))[0]![0];
}

const tokens = (name: string): string[] => fold(name).split(/[\s-]+/).filter(Boolean);
const isAcronym = (s: string): boolean => /^[A-Z][A-Z0-9&]{1,6}$/.test(s);
const initials = (s: string): string =>
  s
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
const deletions = (w: string): string[] => [...Array(w.length).keys()].map((i) => w.slice(0, i) + w.slice(i + 1));
/**
 * Two spellings of one organization's name: as many words, each the same, nearly the same or starting
 * alike (five letters, or all of the shorter: "World Health Organization"/"Organisation", "Societies"/"Society", "Corp"/
 * "Corporation"); not "World Trade Organisation"/"World Tourism Organisation".
 */
function nearlySameName(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length) return false;
  return ta.every((x, i) => {
    const y = tb[i]!;
    let common = 0;
    while (common < x.length && x[common] === y[common]) common++;
    return x === y || distance(x, y) <= 2 || (Math.min(x.length, y.length) >= 4 && common >= Math.min(5, x.length, y.length));
  });
}
/** The country an article gave a body that many countries have ("organization:labor-party@australia"), or "". */
const countryOf = (id: string): string => {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(at + 1) : '';
};
const allNames = (s: Surface): string[] => [...new Set([...Object.keys(s.names), ...s.aliases])].sort(cmp);

/**
 * Keys under which a surface can be joined with another: any two surfaces that the rules of
 * `clusterSurfaces` could join, or whose joining could depend on each other, share a key.
 */
export function surfaceKeys(s: Surface): string[] {
  const keys = new Set<string>();
  for (const n of allNames(s)) if (s.type !== 'Person' || n.includes(' ')) keys.add(`n|${s.type}|${fold(n)}`);
  const name = displayName(s);
  if (s.type === 'Person') {
    const t = tokens(name);
    const last = t.at(-1) ?? '';
    if (t.length >= 2) {
      // Spelling variants one edit apart share an `s|~` key below. Two edits apart are joined only when
      // both last names have eight letters or more, the same first name and as many words: a key of
      // those and the length in buckets of five, given for the lengths n and n + 2, which any two
      // lengths at most two apart share (far fewer keys than every two-letter deletion).
      if (last.length >= 8) for (const n of [last.length, last.length + 2]) keys.add(`v|${t[0]}|${t.length}|${Math.floor(n / 5)}`);
      keys.add(`s|=${last}`);
      if (last.length >= 5) for (const d of [last, ...deletions(last)]) keys.add(`s|~${d}`);
    } else if (t.length === 1) {
      keys.add(`s|=${last}`);
      if (last.length >= 4) for (const d of [last, ...deletions(last)]) keys.add(`s|~${d}`);
    }
  }
  if (s.type === 'Organization') {
    if (isAcronym(name)) keys.add(`a|${name}`);
    const i = initials(name);
    if (i.length >= 2) keys.add(`a|${i}`);
  }
  return [...keys].sort(cmp);
}

/**
 * Spellings of one surname keep its first letter unless the name is long ("Gaddafi"/"Qaddafi"): "Terry"
 * and "Kerry", "Perry" and "Berry" are other people.
 */
const sameOpening = (a: string, b: string): boolean => a[0] === b[0] || Math.min(a.length, b.length) >= 7;

/** Clusters surfaces into entities; the same set of surfaces always gives the same entities and ids. */
export function clusterSurfaces(input: readonly Surface[]): ResolvedEntity[] {
  const surfaces = [...input].sort((a, b) => cmp(a.id, b.id));
  const byId = new Map(surfaces.map((s) => [s.id, s]));
  const ids = surfaces.map((s) => s.id);
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const why = new Map<string, string[]>();
  // The country of the bodies in a cluster ("organization:labor-party@australia"): two countries' are never one.
  const country = new Map(ids.map((id) => [id, countryOf(id)]));
  const union = (a: string, b: string, alias: string, reason: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [ca, cb] = [country.get(ra)!, country.get(rb)!];
    if (ca && cb && ca !== cb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    country.set(root, ca || cb);
    why.set(root, [...(why.get(root) ?? []), ...(why.get(child) ?? []), mergeKey({ alias, reason })]);
  };
  const surface = (id: string): Surface => byId.get(id)!;
  const name = new Map(surfaces.map((s) => [s.id, displayName(s)]));
  const toks = new Map(surfaces.map((s) => [s.id, tokens(name.get(s.id)!)]));

  // Same type and the same multi-word name (or a single-word name of a place or organization) after folding.
  // An acronym one article gave as an alias joins only names close enough to be one ("World Health
  // Organization"/"Organisation", both "WHO"); "PPP" is the People Power Party in Seoul and the Pakistan
  // Peoples Party in Karachi.
  const byName = new Map<string, string[]>();
  /** Folded acronym -> the acronym and the surfaces that gave it as the initials of their name. */
  const byAcronymAlias = new Map<string, { acronym: string; ids: string[] }>();
  for (const s of surfaces) {
    for (const n of allNames(s)) {
      if (s.type === 'Person' && !n.includes(' ')) continue;
      if (s.type === 'Organization' && isAcronym(n) && n !== name.get(s.id) && initials(name.get(s.id)!) === n) {
        const g = byAcronymAlias.get(fold(n));
        if (g) g.ids.push(s.id);
        else byAcronymAlias.set(fold(n), { acronym: n, ids: [s.id] });
        continue;
      }
      const k = `${s.type}|${fold(n)}`;
      byName.set(k, [...(byName.get(k) ?? []), s.id]);
    }
  }
  for (const [k, group] of [...byName.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    // Bodies of one name in several countries ("Supreme Court") stay apart; articles that did not say
    // which country join the one most articles named.
    const byCountry = new Map<string, string[]>();
    for (const id of group) byCountry.set(countryOf(id), [...(byCountry.get(countryOf(id)) ?? []), id]);
    const articles = (members: string[]): number => members.reduce((n, id) => n + Object.values(surface(id).names).reduce((a, b) => a + b, 0), 0);
    const [most] = [...byCountry].filter(([c]) => c !== '').sort((a, b) => articles(b[1]) - articles(a[1]) || cmp(a[0], b[0]));
    const unsaid = byCountry.get('') ?? [];
    for (const [c, members] of byCountry) {
      const all = c === '' || c === most?.[0] ? [...(most?.[1] ?? []), ...unsaid] : members;
      for (const other of all.slice(1)) union(all[0]!, other, k.split('|')[1]!, 'same name after folding case and diacritics');
    }
  }
  for (const [, { acronym, ids: group }] of [...byAcronymAlias.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (nearlySameName(name.get(group[i]!)!, name.get(group[j]!)!)) union(group[i]!, group[j]!, acronym, 'same acronym of nearly the same name');
      }
    }
  }

  // People: the same first name and a last name one letter apart (two in a long name): "Zelensky", "Zelenskyy".
  const people = ids.filter((id) => surface(id).type === 'Person');
  const full = people.filter((id) => toks.get(id)!.length >= 2);
  const byFirstName = new Map<string, string[]>();
  for (const id of full) {
    const t = toks.get(id)!;
    const k = `${t[0]}|${t.length}`;
    byFirstName.set(k, [...(byFirstName.get(k) ?? []), id]);
  }
  for (const group of byFirstName.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const la = toks.get(group[i]!)!.at(-1)!;
        const lb = toks.get(group[j]!)!.at(-1)!;
        // One letter apart, or two in long names: "Zelensky"/"Zelenskyy", never "Blair"/"Bland" or "Smith"/"Beith".
        const near = distance(la, lb) <= (Math.min(la.length, lb.length) >= 8 ? 2 : 1) && sameOpening(la, lb);
        if (la !== lb && Math.min(la.length, lb.length) >= 5 && Math.abs(la.length - lb.length) <= 2 && near) {
          union(group[i]!, group[j]!, name.get(group[j]!)!, 'spelling variant of the same full name');
        }
      }
    }
  }

  // A surname alone joins the one full name it ends (or nearly ends); never two people.
  const byLast = new Map<string, Set<string>>();
  const index = (k: string, id: string): void => void byLast.set(k, (byLast.get(k) ?? new Set()).add(id));
  for (const id of full) {
    const last = toks.get(id)!.at(-1)!;
    index(`=${last}`, id);
    if (last.length >= 5) for (const d of [last, ...deletions(last)]) index(`~${d}`, id);
  }
  for (const id of people) {
    const t = toks.get(id)!;
    if (t.length !== 1) continue;
    const s0 = t[0]!;
    const candidates = new Set(byLast.get(`=${s0}`) ?? []);
    if (s0.length >= 4) for (const k of [s0, ...deletions(s0)]) for (const c of byLast.get(`~${k}`) ?? []) if (distance(toks.get(c)!.at(-1)!, s0) <= 1 && sameOpening(toks.get(c)!.at(-1)!, s0)) candidates.add(c);
    const owners = new Set([...candidates].map(find));
    if (owners.size === 1) union([...owners][0]!, id, name.get(id)!, 'surname of a full name in another article');
  }

  // Acronyms of organizations ("AFP" for "Agence France-Presse"): the one organization articles gave that
  // acronym ("European Union (EU)"), else the one whose initials it is; never one of several.
  const orgs = ids.filter((id) => surface(id).type === 'Organization');
  const byInitials = new Map<string, string[]>();
  for (const o of orgs) {
    const i = initials(name.get(o)!);
    if (i) byInitials.set(i, [...(byInitials.get(i) ?? []), o]);
  }
  for (const a of orgs) {
    const acronym = name.get(a)!;
    // "Wada" is "WADA" where an article gave it as the acronym of "World Anti-Doping Agency".
    const declared = (byAcronymAlias.get(fold(acronym))?.ids ?? []).filter((o) => o !== a);
    if (!isAcronym(acronym) && !declared.length) continue;
    const owners = new Set((declared.length ? declared : (byInitials.get(acronym) ?? []).filter((o) => o !== a)).map(find));
    if (owners.size === 1) union([...owners][0]!, a, acronym, 'acronym of the full name');
  }

  // One entity per cluster; its id and name are those of the member chosen by content, never by order.
  const clusters = new Map<string, string[]>();
  for (const id of ids) clusters.set(find(id), [...(clusters.get(find(id)) ?? []), id]);
  const out: ResolvedEntity[] = [];
  for (const [root, members] of clusters) {
    const weight = (id: string): number => surface(id).mentions + Object.values(surface(id).names).reduce((a, b) => a + b, 0);
    const canonical = [...members].sort((a, b) => {
      const words = Number(name.get(b)!.includes(' ')) - Number(name.get(a)!.includes(' '));
      if (surface(a).type === 'Person' && words !== 0) return words;
      return weight(b) - weight(a) || cmp(a, b);
    })[0]!;
    const entityName = name.get(canonical)!;
    const names = new Set(members.flatMap((m) => allNames(surface(m))));
    names.delete(entityName);
    const merges = new Set([...members.flatMap((m) => surface(m).merges), ...(why.get(root) ?? [])]);
    out.push({
      id: canonical,
      type: surface(canonical).type,
      name: entityName,
      aliases: [...names].sort(cmp),
      merges: [...merges].sort(cmp).map(parseMerge),
      surfaces: members,
    });
  }
  return out.sort((a, b) => cmp(a.id, b.id));
}
