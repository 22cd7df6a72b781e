/**
 * `kg view`: the graph as one self-contained HTML page for people without Neo4j. Entities are drawn with
 * sigma.js (graphology's renderer), placed by ForceAtlas2 here, so the page needs no server and no network;
 * a search box finds an entity by any name, and its panel lists its facts with their sentences and sources.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import type { KgGraph } from '@kg/graph';

const require = createRequire(import.meta.url);
// CommonJS whose types describe ES default exports: loaded the way Node does.
const forceAtlas2 = require('graphology-layout-forceatlas2') as (typeof import('graphology-layout-forceatlas2'))['default'];
const circular = require('graphology-layout/circular') as (typeof import('graphology-layout/circular.js'))['default'];

export interface ViewNode {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  x: number;
  y: number;
  size: number;
  pagerank: number;
  community: number;
}

export interface ViewFact {
  source: string;
  target: string;
  type: string;
  role: string | null;
  sources: number;
  /** Groups of those articles that do not copy each other. */
  independentSources: number;
  /** One article denies what another reports or plans. */
  contested: boolean;
  /** The sentences that state it (indexes into ViewModel.sentences), each with how it states it. */
  sentences: { sentence: number; modality: string }[];
}

export interface ViewModel {
  nodes: ViewNode[];
  facts: ViewFact[];
  /** Each sentence once, with the title and source of its article. */
  sentences: { text: string; article: string; title: string }[];
  /** Quotes with a speaker, by entity id. */
  quotes: { speaker: string; text: string; title: string; article: string }[];
  articles: number;
}

/** The data the page shows: entities with a layout, facts with their sentences. Deterministic. */
export function viewModel(g: KgGraph): ViewModel {
  const sentences: ViewModel['sentences'] = [];
  const sentenceIndex = new Map<string, number>();
  const sourceOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  let articles = 0;
  g.forEachNode((id, a) => {
    if (a.label === 'Article') {
      articles++;
      sourceOf.set(id, a.source);
      titleOf.set(id, a.title);
    }
  });
  const sentenceOf = (sid: string): number => {
    let i = sentenceIndex.get(sid);
    if (i === undefined) {
      const s = g.getNodeAttributes(sid);
      i = sentences.length;
      const art = s.label === 'Sentence' ? s.article : '';
      sentences.push({ text: s.label === 'Sentence' ? s.text : '', article: sourceOf.get(art) ?? '', title: titleOf.get(art) ?? '' });
      sentenceIndex.set(sid, i);
    }
    return i;
  };
  // Each fact with the sentences one STATES hop away, and what each says of it.
  const facts: ViewFact[] = [];
  g.forEachNode((id, a) => {
    if (a.label !== 'Fact') return;
    const said = new Map<string, string>();
    g.forEachInEdge(id, (_e, ea, sid) => {
      if (ea.type === 'STATES' && !said.has(sid)) said.set(sid, ea.modality);
    });
    const list = [...said.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([sid, modality]) => ({ sentence: sentenceOf(sid), modality }));
    facts.push({ source: a.subject, target: a.object, type: a.type, role: a.role, sources: a.sources, independentSources: a.independentSources, contested: a.contested, sentences: list });
  });

  // Quotes by speaker: the quote's sentence gives its article.
  const quotes: ViewModel['quotes'] = [];
  g.forEachNode((id, a) => {
    if (a.label !== 'Quote') return;
    let speaker: string | undefined;
    let art = '';
    g.forEachOutEdge(id, (_e, ea, _s, t) => {
      const ta = g.getNodeAttributes(t);
      if (ea.type === 'SAID_BY') speaker = t;
      if (ea.type === 'IN' && ta.label === 'Sentence') art = ta.article;
    });
    if (speaker) quotes.push({ speaker, text: a.text, title: titleOf.get(art) ?? '', article: sourceOf.get(art) ?? '' });
  });
  quotes.sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0));

  const layout = new UndirectedGraph();
  const entities = g.filterNodes((_n, a) => a.label === 'Entity').sort();
  for (const id of entities) layout.addNode(id);
  for (const f of facts) if (!layout.hasEdge(f.source, f.target) && f.source !== f.target) layout.addEdge(f.source, f.target);
  circular.assign(layout);
  if (layout.size > 0) forceAtlas2.assign(layout, { iterations: 150, settings: { ...forceAtlas2.inferSettings(layout), barnesHutOptimize: layout.order > 2000 } });

  const nodes: ViewNode[] = entities.map((id) => {
    const a = g.getNodeAttributes(id);
    const p = layout.getNodeAttributes(id) as { x: number; y: number };
    if (a.label !== 'Entity') throw new Error('unreachable');
    return {
      id,
      name: a.name,
      type: a.type,
      aliases: a.aliases,
      x: Number(p.x.toFixed(3)),
      y: Number(p.y.toFixed(3)),
      size: Number((3 + Math.sqrt(a.pagerank) * 40).toFixed(2)),
      pagerank: a.pagerank,
      community: a.community,
    };
  });
  return { nodes, facts, sentences, quotes, articles };
}

/** JSON safe inside a <script> element: no "<" can close it, whatever the text holds. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A browser bundle shipped next to a package's main file (its "exports" do not list it). */
function inlineScript(pkg: string, file: string): string {
  return readFileSync(join(dirname(require.resolve(pkg)), file), 'utf8').replace(/<\/script/gi, '<\\/script');
}

export function renderView(model: ViewModel, { title = 'kg view' }: { title?: string } = {}): string {
  const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
  header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd; background: #fafafa; }
  header h1 { font-size: 16px; margin: 0; }
  #search { flex: 0 1 320px; padding: 6px 8px; font-size: 14px; }
  #stats { color: #666; }
  main { display: flex; height: calc(100% - 49px); }
  #graph { flex: 1; position: relative; }
  #panel { width: 380px; overflow: auto; border-left: 1px solid #ddd; padding: 12px; }
  #panel h2 { margin: 0 0 4px; font-size: 18px; }
  .type { display: inline-block; padding: 1px 6px; border-radius: 8px; color: #fff; font-size: 12px; }
  .fact { margin: 10px 0; padding-top: 8px; border-top: 1px solid #eee; }
  .fact b { font-family: ui-monospace, monospace; font-size: 12px; }
  .sentence { margin: 4px 0 0 10px; color: #444; }
  .sentence small { color: #888; }
  #notice { position: absolute; top: 8px; left: 8px; color: #a00; }
  a.entity { color: #2870c2; cursor: pointer; text-decoration: underline; }
  #legend { display: flex; gap: 10px; color: #555; font-size: 12px; }
  #legend i { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; vertical-align: -1px; }
  .quote { margin: 6px 0 0 10px; font-style: italic; color: #333; }
  mark { background: #fff3b0; padding: 0 1px; }
  .mark { color: #a05a00; font-size: 12px; }
</style>
</head>
<body>
<header>
  <h1>${esc(title)}</h1>
  <input id="search" list="names" placeholder="Search an entity (any name or alias), then Enter" autocomplete="off">
  <datalist id="names"></datalist>
  <span id="stats"></span>
  <span id="legend"><span><i style="background:#4C8EDA"></i>Person</span><span><i style="background:#F79767"></i>Organization</span><span><i style="background:#57C7E3"></i>Location</span><span><i style="background:#8DCC93"></i>Product</span><span>size: PageRank; entities without facts: search only</span></span>
</header>
<main>
  <div id="graph"><div id="notice"></div></div>
  <aside id="panel"><p>Search an entity or click a node to see its facts and the sentences that say them.</p></aside>
</main>
<script id="kg-data" type="application/json">${scriptJson(model)}</script>
<script>${inlineScript('graphology', 'graphology.umd.min.js')}</script>
<script>${inlineScript('sigma', 'sigma.min.js')}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('kg-data').textContent);
  var COLORS = { Person: '#4C8EDA', Organization: '#F79767', Location: '#57C7E3', Product: '#8DCC93' };
  var byId = {}, byName = {};
  data.nodes.forEach(function (n) {
    byId[n.id] = n;
    [n.name].concat(n.aliases).forEach(function (s) { byName[s.toLowerCase()] = n.id; });
  });
  document.getElementById('stats').textContent = data.articles + ' articles, ' + data.nodes.length + ' entities, ' + data.facts.length + ' facts';
  var list = document.getElementById('names');
  data.nodes.slice().sort(function (a, b) { return b.pagerank - a.pagerank; }).forEach(function (n) {
    var o = document.createElement('option'); o.value = n.name; list.appendChild(o);
  });

  var selected = null, neighbours = {}, renderer = null;
  try {
    var g = new graphology.Graph({ multi: true });
    var linked = {};
    data.facts.forEach(function (f) { linked[f.source] = linked[f.target] = true; });
    // Entities without facts are found by search, not drawn as a ring of loose dots.
    data.nodes.forEach(function (n) { if (linked[n.id]) g.addNode(n.id, { x: n.x, y: n.y, size: n.size, label: n.name, color: COLORS[n.type] || '#999' }); });
    data.facts.forEach(function (f) { if (f.source !== f.target) g.addEdge(f.source, f.target, { size: 1 + Math.min(4, f.sources), color: '#ccc', label: f.type }); });
    renderer = new Sigma(g, document.getElementById('graph'), {
      renderEdgeLabels: false,
      nodeReducer: function (node, attrs) {
        if (!selected) return attrs;
        if (node === selected || neighbours[node]) return Object.assign({}, attrs, { highlighted: node === selected, zIndex: 1 });
        return Object.assign({}, attrs, { color: '#eee', label: '' });
      },
      edgeReducer: function (edge, attrs) {
        if (!selected) return attrs;
        var ends = g.extremities(edge);
        return ends.indexOf(selected) >= 0 ? attrs : Object.assign({}, attrs, { hidden: true });
      }
    });
    renderer.on('clickNode', function (e) { select(e.node); });
  } catch (err) {
    document.getElementById('notice').textContent = 'The drawing needs WebGL (' + err.message + '); search and facts still work.';
  }

  function text(tag, s, cls) { var el = document.createElement(tag); el.textContent = s; if (cls) el.className = cls; return el; }

  // The names of the given entities (any alias), marked in a sentence; the rest stays plain text.
  function highlight(el, s, entities) {
    var names = [];
    entities.forEach(function (e) { [e.name].concat(e.aliases).forEach(function (x) { if (x) names.push(x); }); });
    names.sort(function (a, b) { return b.length - a.length; });
    var i = 0;
    while (i < s.length) {
      var best = -1, hit = '';
      names.forEach(function (x) { var k = s.indexOf(x, i); if (k >= 0 && (best < 0 || k < best || (k === best && x.length > hit.length))) { best = k; hit = x; } });
      if (best < 0) { el.appendChild(document.createTextNode(s.slice(i))); break; }
      el.appendChild(document.createTextNode(s.slice(i, best)));
      el.appendChild(text('mark', hit));
      i = best + hit.length;
    }
  }

  function select(id) {
    var n = byId[id]; if (!n) return;
    selected = id; neighbours = {};
    var panel = document.getElementById('panel');
    panel.textContent = '';
    panel.appendChild(text('h2', n.name));
    var t = text('span', n.type, 'type'); t.style.background = COLORS[n.type] || '#999'; panel.appendChild(t);
    if (n.aliases.length) panel.appendChild(text('p', 'Also: ' + n.aliases.join(', ')));
    var facts = data.facts.filter(function (f) { return f.source === id || f.target === id; });
    facts.sort(function (a, b) { return b.independentSources - a.independentSources || b.sources - a.sources; });
    panel.appendChild(text('p', facts.length + ' facts'));
    facts.forEach(function (f) {
      var other = byId[f.source === id ? f.target : f.source];
      neighbours[other.id] = true;
      var div = document.createElement('div'); div.className = 'fact';
      div.appendChild(text('b', f.source === id ? f.type + ' \\u2192 ' : '\\u2190 ' + f.type + ' '));
      var a = text('a', other.name, 'entity'); a.onclick = function () { select(other.id); }; div.appendChild(a);
      div.appendChild(text('span', (f.role ? ' (' + f.role + ')' : '') + ' \\u00b7 ' + f.sources + (f.sources === 1 ? ' article' : ' articles') + (f.independentSources < f.sources ? ', ' + f.independentSources + ' independent' : '') + (f.contested ? ' \\u00b7 contested' : '')));
      f.sentences.forEach(function (x) {
        var s = data.sentences[x.sentence]; var p = text('div', x.modality === 'reported' ? '' : '[' + x.modality + '] ', 'sentence');
        highlight(p, s.text, [n, other]);
        p.appendChild(document.createElement('br')); p.appendChild(text('small', (s.title ? s.title + ' \\u00b7 ' : '') + s.article)); div.appendChild(p);
      });
      panel.appendChild(div);
    });
    var quotes = data.quotes.filter(function (q) { return q.speaker === id; });
    if (quotes.length) {
      panel.appendChild(text('p', quotes.length + (quotes.length === 1 ? ' quote' : ' quotes')));
      quotes.forEach(function (q) {
        var p = text('div', '\u201c' + q.text + '\u201d', 'quote');
        p.appendChild(document.createElement('br')); p.appendChild(text('small', (q.title ? q.title + ' \u00b7 ' : '') + q.article)); panel.appendChild(p);
      });
    }
    if (renderer) {
      renderer.refresh();
      var pos = g.hasNode(id) ? renderer.getNodeDisplayData(id) : null;
      if (pos) renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.5 }, { duration: 400 });
    }
  }

  document.getElementById('search').addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var q = e.target.value.trim().toLowerCase();
    var id = byName[q];
    if (!id) {
      var hit = data.nodes.filter(function (n) { return [n.name].concat(n.aliases).some(function (s) { return s.toLowerCase().indexOf(q) >= 0; }); })
        .sort(function (a, b) { return b.pagerank - a.pagerank; })[0];
      id = hit && hit.id;
    }
    if (id) select(id); else document.getElementById('panel').textContent = 'No entity named "' + e.target.value + '".';
  });
  window.kgSelect = select;
})();
</script>
</body>
</html>
`;
}
