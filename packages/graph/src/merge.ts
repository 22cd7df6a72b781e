/**
 * Many extractions (one per article) into one corpus-level extraction: the same thing becomes one
 * entity whatever the input order, with the reasons for each merge kept on the entity.
 */
import { distance } from 'fastest-levenshtein';
import { SYMMETRIC_RELATIONS, type Entity, type Extraction, type Quote, type Relation } from './contract.js';
import { fold } from './names.js';

interface Group {
  members: Entity[];
  reasons: { alias: string; reason: string }[];
}

const tokens = (name: string): string[] => fold(name).split(/[\s-]+/).filter(Boolean);
const isAcronym = (s: string): boolean => /^[A-Z][A-Z0-9&]{1,6}$/.test(s);
const initials = (s: string): string =>
  s
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** Entities with the same id are one; then names, spelling variants, surnames and acronyms join them. */
export function mergeExtractions(extractions: readonly Extraction[]): Extraction {
  const documents = extractions.flatMap((x) => x.documents);
  const byId = new Map<string, Entity[]>();
  for (const x of extractions) for (const e of x.entities) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);

  const ids = [...byId.keys()].sort();
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  const why = new Map<string, { alias: string; reason: string }[]>();
  const union = (a: string, b: string, alias: string, reason: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent.set(child, root);
    why.set(root, [...(why.get(root) ?? []), ...(why.get(child) ?? []), { alias, reason }]);
  };

  const firstOf = new Map(ids.map((id) => [id, byId.get(id)![0]!]));
  const first = (id: string): Entity => firstOf.get(id)!;
  const namesOf = (id: string): Set<string> => new Set(byId.get(id)!.flatMap((e) => [e.name, ...e.aliases]));
  const toks = new Map(ids.map((id) => [id, tokens(first(id).name)]));

  // Same type and the same multi-word name (or a single-word name of a place or organization) after folding.
  const byName = new Map<string, string[]>();
  for (const id of ids) {
    const e = first(id);
    for (const n of namesOf(id)) {
      if (e.type === 'Person' && !n.includes(' ')) continue;
      const k = `${e.type}|${fold(n)}`;
      byName.set(k, [...(byName.get(k) ?? []), id]);
    }
  }
  for (const [k, group] of [...byName.entries()].sort()) {
    for (const other of group.slice(1)) union(group[0]!, other, k.split('|')[1]!, 'same name after folding case and diacritics');
  }

  // People: the same first name and a last name one or two letters apart ("Zelensky", "Zelenskyy").
  const people = ids.filter((id) => first(id).type === 'Person');
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
        if (la !== lb && Math.min(la.length, lb.length) >= 5 && Math.abs(la.length - lb.length) <= 2 && distance(la, lb) <= 2) {
          union(group[i]!, group[j]!, first(group[j]!).name, 'spelling variant of the same full name');
        }
      }
    }
  }

  // A surname alone joins the one full name it ends (or nearly ends) across the corpus; never two people.
  // Last names are indexed by themselves and by each one-letter deletion, which finds edit distance 1.
  const deletions = (w: string): string[] => [...Array(w.length).keys()].map((i) => w.slice(0, i) + w.slice(i + 1));
  const byLast = new Map<string, Set<string>>();
  const index = (k: string, id: string): void => void byLast.set(k, (byLast.get(k) ?? new Set()).add(id));
  for (const id of full) {
    const last = toks.get(id)!.at(-1)!;
    index(`=${last}`, id);
    if (last.length >= 5) {
      index(`~${last}`, id);
      for (const d of deletions(last)) index(`~${d}`, id);
    }
  }
  for (const id of people) {
    const t = toks.get(id)!;
    if (t.length !== 1) continue;
    const s0 = t[0]!;
    const candidates = new Set(byLast.get(`=${s0}`) ?? []);
    if (s0.length >= 4) for (const k of [s0, ...deletions(s0)]) for (const c of byLast.get(`~${k}`) ?? []) if (distance(toks.get(c)!.at(-1)!, s0) <= 1) candidates.add(c);
    const owners = new Set([...candidates].map(find));
    if (owners.size === 1) union([...owners][0]!, id, first(id).name, 'surname of a full name in another article');
  }

  // Acronyms of organizations ("AFP" for "Agence France-Presse").
  const orgs = ids.filter((id) => first(id).type === 'Organization');
  for (const a of orgs) {
    if (!isAcronym(first(a).name)) continue;
    const owners = new Set(orgs.filter((o) => o !== a && initials(first(o).name) === first(a).name).map(find));
    if (owners.size === 1) union([...owners][0]!, a, first(a).name, 'acronym of the full name');
  }

  // Build one entity per group; the canonical member is chosen by content, never by input order.
  const groups = new Map<string, Group>();
  for (const id of ids) {
    const root = find(id);
    const g = groups.get(root) ?? { members: [], reasons: why.get(root) ?? [] };
    g.members.push(...byId.get(id)!);
    groups.set(root, g);
  }
  const newId = new Map<string, string>();
  const entities: Entity[] = [];
  for (const g of groups.values()) {
    const weight = new Map<string, number>();
    for (const m of g.members) weight.set(m.id, (weight.get(m.id) ?? 0) + m.mentions.length + 1);
    const canonical = [...g.members].sort((a, b) => {
      const words = Number(b.name.includes(' ')) - Number(a.name.includes(' '));
      if (a.type === 'Person' && words !== 0) return words;
      return weight.get(b.id)! - weight.get(a.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    })[0]!;
    for (const m of g.members) newId.set(m.id, canonical.id);
    const names = new Set(g.members.flatMap((m) => [m.name, ...m.aliases]));
    names.delete(canonical.name);
    const merges = new Map<string, { alias: string; reason: string }>();
    for (const m of [...g.members.flatMap((x) => x.merges ?? []), ...g.reasons]) merges.set(`${m.alias}|${m.reason}`, m);
    const mentions = g.members.flatMap((m) => m.mentions);
    mentions.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
    entities.push({
      id: canonical.id,
      type: canonical.type,
      name: canonical.name,
      aliases: [...names].sort(),
      mentions: dedupeBy(mentions, (m) => `${m.doc}|${m.start}|${m.end}`),
      merges: [...merges.values()].sort((a, b) => (a.alias + a.reason < b.alias + b.reason ? -1 : 1)),
    });
  }
  entities.sort((a, b) => (a.id < b.id ? -1 : 1));

  // Relations: one per (source, type, target); symmetric ones in a fixed direction.
  const relations = new Map<string, Relation>();
  for (const r of extractions.flatMap((x) => x.relations)) {
    let source = newId.get(r.source) ?? r.source;
    let target = newId.get(r.target) ?? r.target;
    if (source === target) continue;
    if (SYMMETRIC_RELATIONS.has(r.type) && target < source) [source, target] = [target, source];
    const key = `${source}|${r.type}|${target}`;
    const prev = relations.get(key);
    if (!prev) relations.set(key, { ...r, source, target, evidence: [...r.evidence] });
    else prev.evidence = dedupeBy([...prev.evidence, ...r.evidence], (e) => `${e.doc}|${e.start}|${e.end}`);
  }
  const sortedRelations = [...relations.values()].sort((a, b) => {
    const ka = `${a.source}|${a.type}|${a.target}`;
    const kb = `${b.source}|${b.type}|${b.target}`;
    return ka < kb ? -1 : 1;
  });
  for (const r of sortedRelations) r.evidence.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));

  const quotes: Quote[] = extractions.flatMap((x) =>
    x.quotes.map((q) => (q.speaker === undefined ? q : { ...q, speaker: newId.get(q.speaker) ?? q.speaker })),
  );
  return { documents, entities, relations: sortedRelations, quotes };
}

function dedupeBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
