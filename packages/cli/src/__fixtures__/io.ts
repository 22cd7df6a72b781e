import { Readable, Writable } from 'node:stream';
import { main } from '../main.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the kg command in-process with captured output, as a shell would (not a terminal). */
export async function kg(argv: string[], { env = {}, stdin = '', envFile = {} }: { env?: NodeJS.ProcessEnv; stdin?: string; envFile?: Record<string, string> } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk));
        cb();
      },
    });
  const code = await main({
    argv,
    env,
    envFile,
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    stdin: Readable.from([Buffer.from(stdin)]),
  });
  return { code, stdout, stderr };
}
