/**
 * Dates and quantities as written in a sentence. A date is resolved to the calendar only against the
 * article's own date (given, or a date line in the file); without one it keeps its text and no value.
 */
import { granularityOf, type Granularity } from '@kg/graph/contract';

export interface DateMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** "2025-11-19", "2025-10" (a month), "2025" (a year), or absent when it cannot be known. */
  readonly value?: string;
  readonly granularity?: Granularity;
}

export interface QuantityMention {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const MONTH_WORD = new RegExp(`^${MONTH}\\.?$`, 'i');
/** A month's name, whole or abbreviated ("March", "Sept."). */
export const isMonthName = (word: string): boolean => MONTH_WORD.test(word);
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Kind = 'iso' | 'monthDay' | 'dayMonth' | 'weekday' | 'relative' | 'ago' | 'month' | 'year';
const COUNT = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})';
const PATTERNS: { re: RegExp; kind: Kind }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, kind: 'iso' },
  { re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'g'), kind: 'monthDay' },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'), kind: 'dayMonth' },
  { re: /\b(?:on\s+|last\s+|next\s+|this\s+|until\s+|by\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?\b/g, kind: 'weekday' },
  {
    re: /\b(yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening)|last (?:week|month|year)|next (?:week|month|year)|this (?:week|month|year)|earlier this (?:week|month|year)|later this (?:week|month|year)|(?:earlier|later) (?:today|in the day))\b/gi,
    kind: 'relative',
  },
  { re: new RegExp(`\\b${COUNT}\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi'), kind: 'ago' },
  { re: new RegExp(`\\b(?:in\\s+)?(?:(?:early|late|mid)[-\\s])?${MONTH}(?:\\s+(\\d{4}))?\\b`, 'g'), kind: 'month' },
  // A year after a word that makes it a time ("in 2004", "since 2001", "by 2030", "the 2024 election" is not one).
  { re: /\b(?:in|since|by|until|till|during|from|before|after|of|early|late|mid-?|through|throughout)\s+((?:19|20)\d{2})\b(?![-–]\d)/gi, kind: 'year' },
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

/** "Published: 18 November 2025", "Nov. 18, 2025 10:02 AM", "Tuesday, 18 November 2025": a line that is a date. */
const WRITTEN_DATE_LINE = new RegExp(
  `^(?:(?:Published|Updated|Posted|Last updated|Date)(?:\\s+on)?:?\\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?` +
    `(?:${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4}))\\b`,
  'i',
);

/**
 * The article's date from a date line near its top ("BONN 1996-08-31", "Date: 2025-11-18",
 * "Published: 18 November 2025"), if any.
 */
export function dateLine(text: string): string | undefined {
  for (const line of text.split('\n').slice(0, 4)) {
    const m = /(?:^|\s)(\d{4}-\d{2}-\d{2})(?:\s|$)/.exec(line);
    if (m && parseDay(m[1])) return m[1];
    const w = WRITTEN_DATE_LINE.exec(line.trim());
    if (w && line.trim().split(/\s+/).length <= 10) {
      const value = w[1] ? checked(Number(w[3]), monthIndex(w[1]), Number(w[2])) : checked(Number(w[6]), monthIndex(w[5]!), Number(w[4]));
      if (value) return value;
    }
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
      const value = articleDate ? resolve(kind, m, articleDate, future) : absolute(kind, m);
      out.push({ text: m[0], start, end, ...(value ? { value, granularity: granularityOf(value) } : {}) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}


/** A date that says its own year ("19 November 2025", "October 2004", "in 2004"): no article date needed. */
function absolute(kind: Kind, m: RegExpExecArray): string | undefined {
  switch (kind) {
    case 'iso':
      return parseDay(m[0]) ? m[0] : undefined;
    case 'monthDay':
      return m[3] ? checked(Number(m[3]), monthIndex(m[1]!), Number(m[2])) : undefined;
    case 'dayMonth':
      return m[3] ? checked(Number(m[3]), monthIndex(m[2]!), Number(m[1])) : undefined;
    case 'month':
      return m[2] ? `${m[2]}-${pad(monthIndex(m[1]!) + 1)}` : undefined;
    case 'year':
      return m[1];
    default:
      return undefined;
  }
}

/** The day, when it exists ("30 February" does not). */
function checked(y: number, mm: number, dd: number): string | undefined {
  const d = new Date(Date.UTC(y, mm, dd));
  return d.getUTCMonth() === mm && d.getUTCDate() === dd ? iso(d) : undefined;
}

const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

function resolve(kind: Kind, m: RegExpExecArray, at: Date, future: boolean): string | undefined {
  const own = absolute(kind, m);
  if (own) return own;
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
    case 'monthDay':
      return m[3] ? undefined : nearestYear(monthIndex(m[1]!), Number(m[2]));
    case 'dayMonth':
      return m[3] ? undefined : nearestYear(monthIndex(m[2]!), Number(m[1]));
    case 'ago': {
      const n = COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = m[2]!.toLowerCase();
      if (unit === 'day') return iso(day(y, at.getUTCMonth(), at.getUTCDate() - n));
      if (unit === 'month') {
        const d = day(y, at.getUTCMonth() - n, 1);
        return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
      }
      if (unit === 'year') return String(y - n);
      return undefined; // weeks: left as written
    }
    case 'weekday': {
      const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const lead = m[0].toLowerCase();
      const today = at.getUTCDay();
      let delta: number;
      if (lead.startsWith('next') || lead.startsWith('until') || lead.startsWith('by')) delta = ((target - today + 7) % 7) + 7 * Number((target - today + 7) % 7 === 0);
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
      if (r === 'today' || r === 'tonight' || (r.startsWith('this ') && /morning|afternoon|evening/.test(r)) || / (?:today|in the day)$/.test(r)) return iso(at);
      if (r === 'last night') return iso(day(y, at.getUTCMonth(), at.getUTCDate() - 1));
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
