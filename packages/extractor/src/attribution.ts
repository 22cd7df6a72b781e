/**
 * Whose reporting an article carries: the wire service it is (its outlet: "Ania TSOUKANOVA/AFP",
 * "WASHINGTON (AP) —", "Associated Press writers ... contributed to this report") and the wire services it
 * attributes what it says to ("a Ukrainian official told AFP", "quoted by Agence France-Presse",
 * "Reuters reported"). The graph links articles that carry the same wire's reporting.
 */
import { escapeRegExp } from './tokens.js';

/** Wire services by the name kg gives them, with the names news writes for them (longest first). */
const WIRES: Readonly<Record<string, readonly string[]>> = {
  AFP: ['Agence France-Presse', 'Agence France Presse', 'France-Presse', 'AFP'],
  AP: ['The Associated Press', 'Associated Press', 'AP'],
  Reuters: ['Thomson Reuters', 'Reuters'],
  Bloomberg: ['Bloomberg News', 'Bloomberg'],
  dpa: ['Deutsche Presse-Agentur', 'dpa', 'DPA'],
  Xinhua: ['Xinhua News Agency', 'Xinhua'],
  TASS: ['TASS', 'Tass'],
  Interfax: ['Interfax-Ukraine', 'Interfax'],
  'RIA Novosti': ['RIA Novosti'],
  Anadolu: ['Anadolu Agency', 'Anadolu'],
  Kyodo: ['Kyodo News', 'Kyodo'],
  Yonhap: ['Yonhap News Agency', 'Yonhap'],
  EFE: ['EFE'],
  ANSA: ['ANSA'],
  PTI: ['Press Trust of India', 'PTI'],
  ANI: ['ANI'],
  UPI: ['United Press International', 'UPI'],
  PA: ['PA Media', 'Press Association'],
  Ukrinform: ['Ukrinform'],
  IRNA: ['IRNA'],
};

const VARIANTS = Object.entries(WIRES)
  .flatMap(([wire, names]) => names.map((n) => [n, wire] as const))
  .sort((a, b) => b[0].length - a[0].length);
const WIRE_OF = new Map(VARIANTS);
const NAME = `(?:the\\s+)?(${VARIANTS.map(([n]) => escapeRegExp(n)).join('|')})(?![\\p{L}\\p{N}-])`;
const AGENCY = `(?:\\s+news\\s+agency)?`;

/** "told AFP", "according to the Associated Press", "quoted by Agence France-Presse", "Reuters reported". */
const ATTRIBUTION = new RegExp(
  [
    `\\b(?:told|telling|tells|according\\s+to|quoted\\s+by|cited\\s+by|reported\\s+by|(?:an?\\s+)?interview\\s+with|speaking\\s+to|spoke\\s+to|confirmed\\s+to)\\s+${NAME}${AGENCY}`,
    `(?<![\\p{L}\\p{N}-])${NAME}${AGENCY}\\s+(?:reported|reports|has\\s+reported|quoted|cited|learned|learnt)\\b`,
  ].join('|'),
  'dgu',
);

/** "KYIV, Ukraine (AP) —", "LONDON (Reuters) -": the dateline of a wire story, near the top. */
const DATELINE = new RegExp(`\\((${VARIANTS.map(([n]) => escapeRegExp(n)).join('|')})\\)\\s*[—–-]`, 'u');
/** "Associated Press writers ... contributed to this report", "© 2025 AFP". */
const CREDIT = new RegExp(`(?:^|\\n)\\s*${NAME}\\s+(?:writers?|reporters?|correspondents?)\\b[^\\n]*\\bcontributed\\b|(?:©|\\bCopyright)\\s*(?:\\d{4}\\s+)?${NAME}`, 'u');

export interface Attribution {
  /** The wire service, by the name kg gives it ("AFP"). */
  readonly agency: string;
  /** The words that attribute ("told AFP"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Where the wire's name stands, for the entity it is. */
  readonly nameStart: number;
  readonly nameEnd: number;
}

export interface Reporting {
  /** The wire service the article is, when it says so. */
  readonly outlet?: string;
  readonly attributions: Attribution[];
}

/** The wire service a byline's agency ("AFP" in "Ania TSOUKANOVA/AFP") names, if it is one. */
export const wireNamed = (name: string): string | undefined => WIRE_OF.get(name.replace(/^the\s+/i, ''));

/** Where an article's reporting comes from; `bylineAgencies` are the agencies of its bylines. */
export function findReporting(text: string, bylineAgencies: readonly string[]): Reporting {
  const attributions: Attribution[] = [];
  for (const m of text.matchAll(ATTRIBUTION)) {
    const group = m[1] === undefined ? 2 : 1;
    const [nameStart, nameEnd] = m.indices![group]!;
    attributions.push({ agency: WIRE_OF.get(m[group]!)!, text: m[0], start: m.index!, end: m.index! + m[0].length, nameStart, nameEnd });
  }
  const byline = bylineAgencies.map(wireNamed).find((w): w is string => !!w);
  const dateline = DATELINE.exec(text.slice(0, 400));
  const credit = CREDIT.exec(text);
  const outlet = byline ?? (dateline ? WIRE_OF.get(dateline[1]!) : undefined) ?? (credit ? WIRE_OF.get(credit[1] ?? credit[2]!) : undefined);
  return { ...(outlet ? { outlet } : {}), attributions };
}
