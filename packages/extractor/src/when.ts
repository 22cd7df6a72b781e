/**
 * Dates and quantities as written in a sentence. A date is resolved to the calendar only against the
 * article's own date (given, or a date line in the file); without one it keeps its text and no value.
 */

export interface DateMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** "2025-11-19", "2025-10" (a month), "2025" (a year), or absent when it cannot be known. */
  readonly value?: string;
}

export interface QuantityMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const PATTERNS: { re: RegExp; kind: 'iso' | 'monthDay' | 'dayMonth' | 'weekday' | 'relative' | 'month' | 'year' }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, kind: 'iso' },
  { re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'), kind: 'monthDay' },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'), kind: 'dayMonth' },
  { re: /\b(?:on\s+|last\s+|next\s+|this\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, kind: 'weekday' },
  { re: /\b(yesterday|today|tomorrow|tonight|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month|year)|earlier this (?:week|month|year)|later this (?:week|month|year))\b/gi, kind: 'relative' },
  { re: new RegExp(`\\b(?:in\\s+)?(?:(?:early|late|mid)[-\\s])?${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'), kind: 'month' },
  { re: /\bin\s+((?:19|20)\d{2})\b/g, kind: 'year' },
];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthIndex = (m: string): number => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace(/\.$/, '').slice(0, 3)));

/** Parses "YYYY-MM-DD"; undefined when it is not a real date. */
export function parseDay(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return iso(d) === s ? d : undefined;
}

/** The article's date from a date line near its top ("BONN 1996-08-31", "Date: 2025-11-18"), if any. */
export function dateLine(text: string): string | undefined {
  for (const line of text.split('\n').slice(0, 4)) {
    const m = /(?:^|\s)(\d{4}-\d{2}-\d{2})(?:\s|$)/.exec(line);
    if (m && parseDay(m[1])) return m[1];
  }
  return undefined;
}

/**
 * Date expressions in `text` (offsets relative to it). `future` says the sentence speaks of what is
 * planned, so "on Wednesday" is the coming Wednesday rather than the last one.
 */
export function findDates(text: string, articleDate: Date | undefined, future: boolean): DateMention[] {
  const out: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue;
      // "May" alone is too often the verb.
      if (kind === 'month' && /^may$/i.test(m[0])) continue;
      taken.push([start, end]);
      const value = articleDate ? resolve(kind, m, articleDate, future) : kind === 'iso' ? m[0] : kind === 'year' ? m[1] : undefined;
      out.push({ text: m[0], start, end, ...(value ? { value } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function resolve(kind: string, m: RegExpExecArray, at: Date, future: boolean): string | undefined {
  const y = at.getUTCFullYear();
  const day = (yy: number, mm: number, dd: number): Date => new Date(Date.UTC(yy, mm, dd));
  const nearestYear = (mm: number, dd: number): string => {
    const candidates = [y - 1, y, y + 1].map((yy) => day(yy, mm, dd));
    candidates.sort((a, b) => Math.abs(a.getTime() - at.getTime()) - Math.abs(b.getTime() - at.getTime()));
    return iso(candidates[0]!);
  };
  switch (kind) {
    case 'iso':
      return parseDay(m[0]) ? m[0] : undefined;
    case 'monthDay': {
      const mm = monthIndex(m[1]!);
      const dd = Number(m[2]);
      return m[3] ? iso(day(Number(m[3]), mm, dd)) : nearestYear(mm, dd);
    }
    case 'dayMonth': {
      const mm = monthIndex(m[2]!);
      const dd = Number(m[1]);
      return m[3] ? iso(day(Number(m[3]), mm, dd)) : nearestYear(mm, dd);
    }
    case 'weekday': {
      const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const lead = m[0].toLowerCase();
      const today = at.getUTCDay();
      let delta: number;
      if (lead.startsWith('next')) delta = ((target - today + 7) % 7) + 7 * Number((target - today + 7) % 7 === 0);
      else if (lead.startsWith('last')) delta = -(((today - target + 7) % 7) || 7);
      else if (future) delta = (target - today + 7) % 7;
      else delta = -((today - target + 7) % 7);
      return iso(day(y, at.getUTCMonth(), at.getUTCDate() + delta));
    }
    case 'relative': {
      const r = m[1]!.toLowerCase();
      const month = (offset: number): string => {
        const d = day(y, at.getUTCMonth() + offset, 1);
        return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      };
      if (r === 'yesterday') return iso(day(y, at.getUTCMonth(), at.getUTCDate() - 1));
      if (r === 'today' || r === 'tonight') return iso(at);
      if (r === 'tomorrow') return iso(day(y, at.getUTCMonth(), at.getUTCDate() + 1));
      if (r === 'last month') return month(-1);
      if (r === 'next month') return month(1);
      if (r.endsWith('this month')) return month(0);
      if (r === 'last year') return String(y - 1);
      if (r === 'next year') return String(y + 1);
      if (r.endsWith('this year')) return String(y);
      return undefined; // weeks: left as written
    }
    case 'month': {
      const mm = monthIndex(m[1]!);
      if (m[2]) return `${m[2]}-${pad(mm + 1)}`;
      // The nearest such month on the side the sentence speaks of.
      let yy = y;
      if (!future && mm > at.getUTCMonth()) yy = y - 1;
      if (future && mm < at.getUTCMonth()) yy = y + 1;
      return `${yy}-${pad(mm + 1)}`;
    }
    case 'year':
      return m[1];
  }
  return undefined;
}

const NUMBER_WORDS = '(?:dozens|hundreds|thousands|tens of thousands|millions)';
const QUANTITY = new RegExp(
  String.raw`(?:(?:up to|about|around|nearly|almost|more than|over|at least|some|roughly)\s+)?` +
    String.raw`(?:[$€£]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|tn))?|\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|tn)\b)?|${NUMBER_WORDS})` +
    String.raw`(?:\s?(?:percent|per cent|%))?` +
    String.raw`(?:\s+(?!(?:and|or|of|in|on|to|from|for|the|a|an|by|at|with|than|since|as|while|after|before|during|until|because|if|that|which|who|when|where|but|per|worth|into|over|under|was|were|is|are|has|have|had|will|would)\b)[\p{L}][\p{L}-]*){0,3}(?:\s+each)?`,
  'gu',
);

/** Amounts as written: "$946 million", "up to 100 Rafale fighter jets", "185 prisoners each", "60 percent". */
export function findQuantities(text: string, dates: readonly DateMention[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const start = m.index;
    const t = m[0].replace(/[\s,.]+$/, '');
    const end = start + t.length;
    if (!/\d/.test(t) && !/^(?:up to|about|around|nearly|almost|more than|over|at least|some|roughly)\s/i.test(t) && !/\b(?:dozens?|hundreds|thousands)\b/i.test(t)) continue;
    if (dates.some((d) => start < d.end && d.start < end)) continue; // a date, not an amount
    if (/^(?:19|20)\d{2}\b/.test(t) && !/^\d{4}\s?(?:million|billion|percent|%)/.test(t)) continue; // a year ("2022 invasion")
    out.push({ text: t, start, end });
  }
  return out;
}
