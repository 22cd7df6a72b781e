/** Names built to break naive Cypher: quotes, backslashes, Cypher keywords, emoji, right-to-left text. */
import type { Extraction } from '../contract.js';

export const HOSTILE = ['O\'Brien "the \\ backslash"', '"}) DETACH DELETE n //', "MATCH (n) DETACH DELETE n; '", '🚀 Rocket 🇺🇦', 'مرحبا بالعالم', "$' $& $1"];

/** An extraction of one article whose entities carry the hostile names; ids are prefixed so tests can share a database. */
export function hostileExtraction(doc = 'd-hostile', prefix = 'hostile'): Extraction {
  let text = '';
  const entities = HOSTILE.map((name, i) => {
    const start = text.length;
    text += `${name} said.\n`;
    return { id: `person:${prefix}-${i}`, type: 'Person' as const, name, aliases: [`${name}\\alias`], mentions: [{ doc, start, end: start + name.length, text: name }] };
  });
  return {
    documents: [{ id: doc, source: `${doc}.txt`, title: HOSTILE[0]!, sha256: 'a'.repeat(64), text, sentences: [{ index: 0, start: 0, end: text.length }] }],
    entities,
    relations: [{ type: 'MEETS', source: `person:${prefix}-0`, target: `person:${prefix}-1`, evidence: [{ doc, start: 0, end: 10 }], role: "'); DROP" }],
    quotes: [{ speaker: `person:${prefix}-2`, text: 'say "hi" \\ bye', doc, start: 0, end: 5 }],
  };
}

