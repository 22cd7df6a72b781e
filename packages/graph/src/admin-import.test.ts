import { adminImport } from './admin-import.js';
import { storeImage } from './image.js';
import { hostileExtraction } from './__fixtures__/hostile.js';

/** The fields of one CSV line as RFC 4180 (and neo4j-admin) read them. */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (v += '"'), (i += 2);
        else if (line[i] === '"') break;
        else v += line[i++];
      }
      out.push(v);
      i += 2;
    } else {
      const end = line.indexOf(',', i) === -1 ? line.length : line.indexOf(',', i);
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

describe('adminImport', () => {
  const files = (x = hostileExtraction()) => adminImport(storeImage([x], { imported: true }));

  it('writes every value as a quoted field that reads back to itself, typed in the header', () => {
    const a = files();
    const entities = a.files.find((f) => f.name === 'nodes-Entity-Person.csv')!;
    const [header, ...rows] = [...entities.lines()].map((l) => l.replace(/\n$/, ''));
    expect(header).toBe('id:ID(Entity),name:string,aliases:string[],aliasText:string,merges:string[],mentionCount:long,articleCount:long,degree:long,pagerank:double,community:long');
    const names = rows.map((r) => fields(r)[1]);
    expect(names.sort()).toEqual(hostileExtraction().entities.map((e) => e.name).sort());
    const lock = [...a.files.find((f) => f.name === 'nodes-KgLock.csv')!.lines()];
    expect(lock).toEqual(['id:ID(KgLock),format:long,imported:boolean\n', '"kg",4,true\n']);
  });

  it('reads the files whose values span lines with multiline fields, and names only those', () => {
    const a = files();
    expect(a.files.filter((f) => f.multiline).map((f) => f.name)).toEqual(['nodes-Sentence.csv']);
    expect(a.args).toContain('--multiline-fields=nodes-Sentence.csv');
    expect(a.script).toContain(`database import full "$db" ${a.args.join(' ')} "$@"`);
  });

  it('joins list elements with a control character none of them contains', () => {
    expect(files().args[0]).toBe('--array-delimiter=U+001F');
    const x = hostileExtraction();
    const withUnitSeparator = { ...x, entities: x.entities.map((e, i) => (i === 0 ? { ...e, aliases: ['a\u001fb'] } : e)) };
    const a = files(withUnitSeparator);
    expect(a.args[0]).toBe('--array-delimiter=U+001E');
    const row = [...a.files.find((f) => f.name === 'nodes-Entity-Person.csv')!.lines()].find((l) => l.includes('a\u001fb'))!;
    expect(fields(row.trimEnd())[2]).toBe('a\u001fb');
  });

  it('leaves empty lists out of the CSV and fills them in after the import', () => {
    const a = files();
    const article = [...a.files.find((f) => f.name === 'nodes-Article.csv')!.lines()];
    expect(article[0]).toContain('bylines:string[]');
    expect(fields(article[1]!.trimEnd())[5]).toBe('');
    expect(a.afterImport).toContain('MATCH (n:Article) WHERE n.bylines IS NULL OR n.attributedTo IS NULL SET n.bylines = coalesce(n.bylines, []), n.attributedTo = coalesce(n.attributedTo, []);');
    expect(a.afterImport).toContain('CREATE CONSTRAINT kg_entity_id IF NOT EXISTS');
  });
});
