// The seeds' real copies: 000 is AFP's story, 001 and 002 carry AFP's reporting, 003 is a spun copy of a
// BBC story that is not among them, 004 is AP's own reporting.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, isFactEdge, type KgGraph } from '@kg/graph';
import { extractFiles } from './corpus.js';

let g: KgGraph;
const attr = (id: string): Record<string, unknown> => g.getNodeAttributes(id) as unknown as Record<string, unknown>;
const seed = (id: string): string => String(attr(id).source).split('/').pop()!.slice(0, 3);

beforeAll(() => {
  g = buildGraph(extractFiles(readdirSync('seeds').sort().map((f) => join('seeds', f))));
});

it('links the seeds that carry AFP reporting to AFP story, and leaves AP own story independent', () => {
  const links: string[] = [];
  g.forEachEdge((_e, a, s, t) => void (a.type === 'COPIES' && links.push(`${seed(s)}->${seed(t)}`)));
  expect(links.sort()).toEqual(['001->000', '002->000']);
  const attributed: string[] = [];
  g.forEachEdge((_e, a, s, t) => void (a.type === 'ATTRIBUTES_TO' && attributed.push(`${seed(s)} ${String(attr(t).name)}`)));
  expect(attributed).toEqual(expect.arrayContaining(['000 AFP', '001 AFP', '002 AFP', '004 Associated Press']));
});

it('counts the Witkoff-Zelensky meeting as five articles, three independent', () => {
  const meets = g.filterEdges((_e, a) => isFactEdge(a) && a.type === 'MEETS' && a.fact.includes('steve-witkoff') && a.fact.includes('volodymyr-zelensky'));
  expect(meets).toHaveLength(1);
  expect(g.getEdgeAttributes(meets[0]!)).toMatchObject({ sources: 5, independentSources: 3, outlets: ['AFP', 'AP'] });
});
