import { seeded } from './analytics.js';
import { clusterSurfaces, surfaceKeys, type Surface } from './resolve.js';

const person = (id: string, name: string): Surface => ({ id: `person:${id}`, type: 'Person', names: { [name]: 1 }, aliases: [], mentions: 1, merges: [] });
const org = (id: string, name: string): Surface => ({ id: `organization:${id}`, type: 'Organization', names: { [name]: 1 }, aliases: [], mentions: 1, merges: [] });

/** Surfaces reachable from `start` through shared keys: what a store recomputes when `start` changes. */
function closure(start: Surface, all: readonly Surface[]): Surface[] {
  const byKey = new Map<string, Surface[]>();
  for (const s of all) for (const k of surfaceKeys(s)) byKey.set(k, [...(byKey.get(k) ?? []), s]);
  const seen = new Set([start.id]);
  const queue = [start];
  while (queue.length) {
    for (const k of surfaceKeys(queue.pop()!)) {
      for (const t of byKey.get(k) ?? []) {
        if (!seen.has(t.id)) {
          seen.add(t.id);
          queue.push(t);
        }
      }
    }
  }
  return all.filter((s) => seen.has(s.id));
}

describe('surface keys', () => {
  // Names one or two edits apart, surnames alone, acronyms: the cases whose joins the keys must cover.
  const rand = seeded(42);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edit = (w: string): string => {
    const i = Math.floor(rand() * w.length);
    const c = letters[Math.floor(rand() * letters.length)]!;
    const op = Math.floor(rand() * 3);
    return op === 0 ? w.slice(0, i) + w.slice(i + 1) : op === 1 ? w.slice(0, i) + c + w.slice(i) : w.slice(0, i) + c + w.slice(i + 1);
  };
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const lasts = ['zelensky', 'witkoff', 'blair', 'bland', 'prescott', 'smith', 'beith', 'kowalczykowski', 'schwarzenegger', 'lee'];
  const firsts = ['Tony', 'Steve', 'Anna', 'Volodymyr'];
  const surfaces: Surface[] = [];
  for (let i = 0; i < 400; i++) {
    let last = lasts[Math.floor(rand() * lasts.length)]!;
    for (let e = Math.floor(rand() * 3); e > 0 && last.length > 2; e--) last = edit(last);
    const alone = rand() < 0.25;
    surfaces.push(person(String(i), alone ? cap(last) : `${firsts[Math.floor(rand() * firsts.length)]} ${cap(last)}`));
  }
  surfaces.push(org('afp', 'Agence France-Presse'), org('afp2', 'AFP'), org('nato', 'North Atlantic Treaty Organization'), org('nato2', 'NATO'));

  test('clustering what a surface reaches through shared keys gives it the entity clustering everything gives it', () => {
    const whole = new Map(clusterSurfaces(surfaces).flatMap((e) => e.surfaces.map((s) => [s, e.surfaces.join(',')] as const)));
    expect(new Set(whole.values()).size).toBeLessThan(surfaces.length - 50); // many joins are made
    for (const s of surfaces) {
      const local = clusterSurfaces(closure(s, surfaces)).find((e) => e.surfaces.includes(s.id))!;
      expect(local.surfaces.join(',')).toBe(whole.get(s.id));
    }
  });

  test('a long name has a handful of keys, not every two-letter deletion of its surname', () => {
    expect(surfaceKeys(person('k', 'Anna Kowalczykowski')).length).toBeLessThanOrEqual(20);
  });
});

describe('acronyms across articles', () => {
  const withAlias = (id: string, name: string, alias: string): Surface => ({ ...org(id, name), aliases: [alias] });
  const entities = (surfaces: Surface[]): string[] => clusterSurfaces(surfaces).map((e) => e.surfaces.join(',')).sort();

  test('the same acronym of two different names keeps them apart, and an article with the acronym alone joins neither', () => {
    const surfaces = [withAlias('ppp-kr', 'People Power Party', 'PPP'), withAlias('ppp-pk', 'Pakistan Peoples Party', 'PPP'), org('ppp', 'PPP')];
    expect(entities(surfaces)).toEqual(['organization:ppp', 'organization:ppp-kr', 'organization:ppp-pk']);
    // The keys still bring them together, so a store recomputes them as one question.
    expect(surfaceKeys(surfaces[0]!).filter((k) => surfaceKeys(surfaces[1]!).includes(k))).not.toHaveLength(0);
  });

  test('two spellings of one name with its acronym join, and so does the acronym alone, also not in capitals', () => {
    const surfaces = [withAlias('who-us', 'World Health Organization', 'WHO'), withAlias('who-uk', 'World Health Organisation', 'WHO'), org('who', 'WHO'), withAlias('wada', 'World Anti-Doping Agency', 'WADA'), org('wada2', 'Wada'), withAlias('wto', 'World Trade Organisation', 'WTO'), withAlias('wto2', 'World Tourism Organisation', 'WTO')];
    expect(entities(surfaces)).toEqual(['organization:wada,organization:wada2', 'organization:who,organization:who-uk,organization:who-us', 'organization:wto', 'organization:wto2']);
  });
});

describe('bodies that many countries have', () => {
  const entities = (surfaces: Surface[]): string[] => clusterSurfaces(surfaces).map((e) => e.surfaces.join(',')).sort();
  const inArticles = (s: Surface, n: number): Surface => ({ ...s, names: { [Object.keys(s.names)[0]!]: n } });

  test("Spain's High Court is not Britain's; articles that did not say which join the one most articles named", () => {
    const surfaces = [inArticles(org('high-court@united-kingdom', 'High Court'), 3), org('high-court@spain', 'High Court'), org('high-court', 'High Court'), org('labor-party@australia', 'Labor Party'), org('labor-party@nigeria', 'Labor Party')];
    expect(entities(surfaces)).toEqual(['organization:high-court,organization:high-court@united-kingdom', 'organization:high-court@spain', 'organization:labor-party@australia', 'organization:labor-party@nigeria']);
    // Any order of the same surfaces, and what a store recomputes from one of them, give the same bodies.
    expect(entities([...surfaces].reverse())).toEqual(entities(surfaces));
    for (const s of surfaces) {
      const local = clusterSurfaces(closure(s, surfaces)).find((e) => e.surfaces.includes(s.id))!;
      expect(local.surfaces).toEqual(clusterSurfaces(surfaces).find((e) => e.surfaces.includes(s.id))!.surfaces);
    }
  });

  test('no other rule joins two countries\' bodies: an acronym both gave stays with each', () => {
    const withAlias = (id: string, name: string, alias: string): Surface => ({ ...org(id, name), aliases: [alias] });
    expect(entities([withAlias('national-assembly@france', 'National Assembly', 'NA'), withAlias('national-assembly@pakistan', 'National Assembly', 'NA')])).toEqual(['organization:national-assembly@france', 'organization:national-assembly@pakistan']);
  });
});
