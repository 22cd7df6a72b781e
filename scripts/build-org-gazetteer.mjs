#!/usr/bin/env node
// Builds packages/extractor/data/organizations.tsv, the organization gazetteer the name tagger reads as a
// feature: football clubs from openfootball/clubs (CC0 1.0), the S&P 500 companies from
// datasets/s-and-p-500-companies (ODC-PDDL 1.0), both public-domain dedications, and the world's largest
// employers among Wikipedia's companies, from boberle/random-items (data/companies.csv, 1,555 companies
// read out of YAGO 3; CC BY 3.0, attribution in the file and in data/README.md).
//   node scripts/build-org-gazetteer.mjs CLUBS_GIT_DIR SP500_GIT_DIR RANDOM_ITEMS_GIT_DIR
// Each argument is a git directory (a bare clone or a mirror); the newest commit is read with git show.
// A one-word company name that is also an English word ("Target", "Visa", "Block": written in lowercase
// in the training treebanks, ../shared/corpora/train/ud-*) or a given name ("Taylor") is kept as kind
// `company-word`: a feature for the tagger, never alone a type for the rules. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [clubsGit, spGit, itemsGit] = process.argv.slice(2);
if (!clubsGit || !spGit || !itemsGit) {
  console.error('usage: node scripts/build-org-gazetteer.mjs CLUBS_GIT_DIR SP500_GIT_DIR RANDOM_ITEMS_GIT_DIR');
  process.exit(2);
}
const git = (dir, ...args) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const head = (dir) => git(dir, 'rev-parse', 'HEAD').trim();

/** A name worth keeping: Latin letters, no abbreviation dots inside ("R. Madrid"), 2 to 5 words. */
const usable = (n) => /^[\p{Script=Latin}0-9][\p{Script=Latin}0-9 &'’.-]*$/u.test(n) && /\p{L}{2}/u.test(n) && !/\b\p{L}{1,3}\.(?=\s|$)/u.test(n.replace(/\b(St|Ste)\./g, 'St')) && n.split(' ').length <= 5 && /^\p{Lu}|^\d/u.test(n);

const names = new Map(); // name -> kind
const add = (name, kind) => {
  const n = name.replace(/\s+/g, ' ').trim();
  if (usable(n) && !names.has(n)) names.set(n, kind);
};

// Clubs: "Arsenal FC, 1886, @ Emirates Stadium, London" then "  | Arsenal | FC Arsenal" lines of other names.
const files = git(clubsGit, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => /\.clubs\.txt$/.test(f));
for (const f of files) {
  for (const raw of git(clubsGit, 'show', `HEAD:${f}`).split('\n')) {
    const line = raw.replace(/#.*$/, '').replace(/\[[a-z]{2}\]/g, '').trimEnd();
    if (!line.trim() || /^\s*=/.test(line) || /^\s*ii+\)/.test(line)) continue;
    if (/^\s*\|/.test(line)) for (const alt of line.split('|').slice(1)) add(alt, 'club');
    else if (!/^\s/.test(line)) add(line.split(',')[0], 'club');
  }
}

// Companies: the Security column, legal forms and share classes taken off ("Apple Inc." -> "Apple").
const csv = git(spGit, 'show', 'HEAD:data/constituents.csv').split('\n').slice(1);
for (const row of csv) {
  const m = /^[^,]*,("([^"]*)"|[^,]*)/.exec(row);
  if (!m) continue;
  // ("Lilly (Eli)" is "Eli Lilly".)
  let name = (m[2] ?? m[1]).replace(/\s*\(Class [A-Z]\)/, '').replace(/\s*\(The\)$/, '').replace(/^(.+?) \(([^)]+)\)$/, '$2 $1');
  name = name.replace(/,?\s+(Inc\.|Corporation|Corp\.|Company|plc|Limited|Ltd\.|N\.V\.|Co\.)$/, '');
  add(name, 'company');
}

// Companies of Wikipedia (the name column of a CSV whose descriptions hold quotes, commas and line ends).
function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}
const variants = new Set();
const companies = csvRows(git(itemsGit, 'show', 'HEAD:data/companies.csv'));
const nameAt = companies[0].indexOf('name');
for (const row of companies.slice(1)) {
  const name = (row[nameAt] ?? '').replace(/,?\s+(Inc\.|Corporation|Corp\.|Company|plc|Limited|Ltd\.?|N\.V\.|S\.A\.|SA|AG|GmbH|Co\.)$/, '');
  add(name, 'company');
  // "Volkswagen Group" is "Volkswagen" in the news too (not a name of two letters, "SK Group", nor one
  // that is a word or a given name, "City Holdings", "Wanda Group": see `variants` below).
  const bare = name.replace(/\s+(Group|Holdings)$/, '');
  if (bare !== name && bare.length >= 3 && !names.has(bare)) {
    add(bare, 'company');
    variants.add(bare);
  }
}

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const train = join(process.env.KG_SHARED ?? join(root, '..', 'shared'), 'corpora', 'train');
const lowercase = new Set();
for (const f of ['ud-ewt/en_ewt-ud-train.conllu', 'ud-gum-permissive/en_gum-ud-train.permissive.conllu']) {
  for (const line of readFileSync(join(train, f), 'utf8').split('\n')) {
    const form = line.split('\t')[1];
    if (form && /^\p{Ll}+$/u.test(form)) lowercase.add(form);
  }
}
// A one-word company that is a given name too ("Taylor", "Hanson") is as weak alone: "Taylor" is mostly a person.
const { isGivenName } = await import(join(root, 'packages', 'extractor', 'dist', 'names-gazetteer.js'));
for (const [n, k] of names) if (k === 'company' && !n.includes(' ') && (lowercase.has(n.toLowerCase()) || isGivenName(n))) names.set(n, 'company-word');
for (const n of variants) if (names.get(n) === 'company-word') names.delete(n);
const out = join(root, 'packages', 'extractor', 'data', 'organizations.tsv');
const lines = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([n, k]) => `${k}\t${n}`);
const header = [
  '# kg organization gazetteer: kind<TAB>name, one a line. Built by scripts/build-org-gazetteer.mjs.',
  `# club: openfootball/clubs @ ${head(clubsGit)} (CC0 1.0 Universal, public domain dedication).`,
  `# company: datasets/s-and-p-500-companies @ ${head(spGit)} data/constituents.csv (ODC-PDDL 1.0).`,
  `# company: boberle/random-items @ ${head(itemsGit)} data/companies.csv (CC BY 3.0: company names from Wikipedia by way of YAGO 3, by Bruno Oberle).`,
];
writeFileSync(out, `${[...header, ...lines].join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length} names (${lines.filter((l) => l.startsWith('club')).length} clubs, ${lines.filter((l) => l.startsWith('company')).length} companies, ${lines.filter((l) => l.startsWith('company-word')).length} of them also words)`);
