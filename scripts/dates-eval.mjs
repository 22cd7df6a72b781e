#!/usr/bin/env node
// Event dates (issue #12): how kg resolves the dates of 175 hand-labelled date expressions in
// ../shared (news_dev with its articles' dates from SOURCES.tsv; BBC files, which have none). The
// labels are in packages/extractor/src/__fixtures__/dates.json: the expression as it stands at `at` in
// `file`, the article's date, whether the sentence speaks of a plan, and the day, month or year it
// means (null when it cannot be known: a weekday without the article's date, "last week", "this season").
//   node scripts/dates-eval.mjs [--json] [--explain]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const shared = process.env.KG_SHARED ?? join(root, '..', 'shared');
const when = await import(process.env.KG_WHEN ?? join(root, 'packages', 'extractor', 'dist', 'when.js'));
const fixture = JSON.parse(readFileSync(join(root, 'packages', 'extractor', 'src', '__fixtures__', 'dates.json'), 'utf8'));

export function scoreDates(findDates, parseDay, read) {
  const rows = fixture.map((f) => {
    const text = read(f.file);
    const from = text.lastIndexOf('\n', f.at) + 1;
    const to = text.indexOf('\n', f.at) < 0 ? text.length : text.indexOf('\n', f.at);
    const at = f.at - from;
    const found = findDates(text.slice(from, to), parseDay(f.articleDate ?? undefined), !!f.future).find((d) => d.start < at + f.phrase.length && at < d.end);
    const got = found?.value ?? null;
    return { ...f, got, right: got === f.expect, guessed: !f.articleDate && got !== null && f.expect === null };
  });
  return { total: rows.length, right: rows.filter((r) => r.right).length, guessed: rows.filter((r) => r.guessed).length, withDate: rows.filter((r) => r.articleDate).length, rows };
}

const r = scoreDates(when.findDates, when.parseDay, (file) => readFileSync(join(shared, file), file.includes('/bbc/') ? 'latin1' : 'utf8'));
if (process.argv.includes('--json')) console.log(JSON.stringify({ ...r, rows: undefined }));
else {
  console.log(`event dates: ${r.right} of ${r.total} right (${((100 * r.right) / r.total).toFixed(1)}%), ${r.guessed} guessed without an article date; ${r.withDate} have one`);
  if (process.argv.includes('--explain')) for (const x of r.rows.filter((x) => !x.right)) console.log(`  ${x.file}@${x.at} "${x.phrase}" (${x.articleDate ?? 'no date'}${x.future ? ', planned' : ''}): want ${x.expect}, got ${x.got}`);
}
