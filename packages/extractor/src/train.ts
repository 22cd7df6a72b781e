/**
 * `npm run train`: trains kg's models on the corpora in ../shared/corpora/train and writes them into this
 * package's models/ folder: the dependency parser (shipped, used by default; about 4 minutes), then the
 * name tagger (experimental, passed with --ner-model; about 8 minutes).
 *
 *   npm run train                                   # both
 *   npm run train -- --only parser [--corpora ewt,gum] [--epochs N] [--limit N] [--out FILE]
 *   npm run train -- --only ner [--corpora uner,gmb,gum] [--epochs N] [--limit N] [--out FILE]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { main as trainNer } from './ner/train.js';
import { DEFAULT_PARSER_FILE, DEFAULT_SHARED, trainDependencyModel } from './parse/train.js';

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--only');
  const only = at >= 0 ? argv[at + 1] : undefined;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  if (only !== undefined && only !== 'parser' && only !== 'ner') throw new Error(`kg train: --only takes parser or ner, not ${JSON.stringify(only ?? '')}`);
  if (only === undefined && rest.length) throw new Error('kg train: options are per model; give --only parser or --only ner with them');
  if (only !== 'ner') {
    const { values } = parseArgs({
      args: rest,
      options: {
        corpora: { type: 'string', default: 'ewt,gum' },
        epochs: { type: 'string', default: '12' },
        limit: { type: 'string' },
        out: { type: 'string', default: DEFAULT_PARSER_FILE },
        shared: { type: 'string', default: DEFAULT_SHARED },
      },
    });
    trainDependencyModel({
      shared: String(values.shared),
      corpora: String(values.corpora).split(',').filter(Boolean),
      epochs: Number(values.epochs),
      ...(values.limit ? { limit: Number(values.limit) } : {}),
      out: String(values.out),
      log: (line) => console.error(line),
    });
  }
  if (only !== 'parser') await trainNer(only === 'ner' ? rest : []);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
