#!/usr/bin/env node
// npm run eval: scores kg extract with the scorers of ../shared/eval on the seed gold,
// CoNLL-2003 eng.testa and wikigold, and prints one table. Corpora are read from ../shared; nothing is copied.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = process.env.KG_SHARED ?? join(root, '..', 'shared');
const out = join(root, 'out', 'eval');
const kg = join(root, 'packages', 'cli', 'bin', 'kg.js');
if (!existsSync(join(shared, 'eval', 'score.mjs'))) {
  console.error(`kg eval: no scorers at ${join(shared, 'eval')} (set KG_SHARED to the shared folder)`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const node = (args, opts = {}) => execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
// Extra arguments go to kg extract (npm run eval -- --ner-model FILE).
const extra = process.argv.slice(2);
const extract = (input, file) => {
  writeFileSync(file, node([kg, 'extract', ...[input].flat(), '--format', 'json', ...extra], { stdio: ['ignore', 'pipe', 'ignore'] }));
};

const rows = [];
// Seeds
const seedsOut = join(out, 'seeds.json');
extract(join(root, 'seeds'), seedsOut);
const s = JSON.parse(node([join(shared, 'eval', 'score.mjs'), join(shared, 'eval', 'gold', 'seeds.gold.json'), seedsOut, '--json']));
const pct = (x) => (100 * x).toFixed(1);
rows.push(['seeds entities (PER+ORG+LOC)', pct(s.entities.micro.precision), pct(s.entities.micro.recall), pct(s.entities.micro.f1), `duplicates ${s.entities.duplicates}, forbidden ${s.entities.forbidden.length}`]);
rows.push(['seeds relations', pct(s.relations.micro.precision), pct(s.relations.micro.recall), pct(s.relations.micro.f1), `quotes attributed ${s.quotes.attributed}/${s.quotes.gold}`]);
// news_dev: 20 recent articles on many topics
const newsDir = join(shared, 'corpora', 'news_dev');
if (existsSync(newsDir)) {
  const file = join(out, 'news_dev.json');
  extract(readdirSync(newsDir).filter((f) => /^\d.*\.txt$/.test(f)).sort().map((f) => join(newsDir, f)), file);
  const n = JSON.parse(node([join(shared, 'eval', 'score.mjs'), join(shared, 'eval', 'gold', 'news_dev.gold.json'), file, '--json']));
  const org = n.entities.byType?.Organization;
  rows.push(['news_dev entities (PER+ORG+LOC)', pct(n.entities.micro.precision), pct(n.entities.micro.recall), pct(n.entities.micro.f1), `duplicates ${n.entities.duplicates}, forbidden ${n.entities.forbidden.length}${org ? `, Org recall ${pct(org.recall)}` : ''}`]);
  rows.push(['news_dev relations', pct(n.relations.micro.precision), pct(n.relations.micro.recall), pct(n.relations.micro.f1), `quotes attributed ${n.quotes.attributed}/${n.quotes.gold}`]);
}
// Mention-level NER
for (const [name, file] of [['CoNLL-2003 eng.testa', join(shared, 'corpora', 'conll2003', 'eng.testa')], ['wikigold', join(shared, 'corpora', 'wikigold', 'wikigold.conll.txt')]]) {
  if (!existsSync(file)) {
    rows.push([name, '', '', '', `missing: ${file}`]);
    continue;
  }
  const dir = join(out, name.replace(/[^a-z0-9]+/gi, '-'));
  node([join(shared, 'eval', 'conll.mjs'), 'prepare', file, dir]);
  extract(dir, `${dir}.json`);
  const r = JSON.parse(node([join(shared, 'eval', 'conll.mjs'), 'score', join(dir, 'gold.json'), `${dir}.json`, '--json']));
  const by = Object.entries(r.byType).map(([t, v]) => `${t.slice(0, 3)} ${pct(v.f1)}`).join(', ');
  rows.push([`${name} mentions`, pct(r.micro.precision), pct(r.micro.recall), pct(r.micro.f1), by]);
}
// Copied stories (issue #12): the labelled BBC pairs of scripts/copies-eval.mjs, both halves, and the seeds.
if (existsSync(join(shared, 'corpora', 'bbc'))) {
  const c = JSON.parse(node([join(root, 'scripts', 'copies-eval.mjs'), '--json'], { stdio: ['ignore', 'pipe', 'ignore'] }));
  for (const [name, r] of [['COPIES, tuning half', c.tune], ['COPIES, held-back half', c.held]]) {
    rows.push([`${name} (${r.pairs} pairs)`, pct(r.precision), pct(r.recall), pct(2 * r.precision * r.recall / (r.precision + r.recall || 1)), `tp ${r.tp} fp ${r.fp} fn ${r.fn} tn ${r.tn}`]);
  }
  rows.push(['COPIES, seeds', '', '', '', `${c.seeds.links.join(', ') || 'none'} (${c.seeds.ok ? 'as labelled' : 'NOT as labelled'})`]);
}
// Event dates (issue #12): 175 hand-labelled date expressions of news_dev and BBC.
{
  const d = JSON.parse(node([join(root, 'scripts', 'dates-eval.mjs'), '--json']));
  rows.push([`event dates (${d.total} labelled)`, '', '', pct(d.right / d.total), `right ${d.right}/${d.total}, guessed without an article date ${d.guessed}`]);
}
const w = [36, 6, 6, 6];
console.log(['set'.padEnd(w[0]), 'P'.padStart(w[1]), 'R'.padStart(w[2]), 'F1'.padStart(w[3]), '  notes'].join(''));
for (const r of rows) console.log([r[0].padEnd(w[0]), r[1].padStart(w[1]), r[2].padStart(w[2]), r[3].padStart(w[3]), `  ${r[4]}`].join(''));
console.log(`(details: node ${join(shared, 'eval', 'score.mjs')} ... --explain; outputs in ${out})`);
