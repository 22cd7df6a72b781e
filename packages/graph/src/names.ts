const folded = new Map<string, string>();

/** Folding used to compare names: case, diacritics, periods, curly apostrophes. Memoized: names repeat. */
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size > 200_000) folded.clear();
    f = foldUncached(s);
    folded.set(s, f);
  }
  return f;
}

function foldUncached(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\./g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A slug for ids: folded, ASCII letters and digits joined by single dashes. */
export function slug(s: string): string {
  const out = fold(s)
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'x';
}
