// Files the CLI writes (reports, exported scripts) go to a temporary file renamed into place, so a reader
// never sees half a file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SentinelError } from '../core/errors.js';

/** `what` names the file in the error (`--report json=out.json`); by default its path. */
export function writeAtomically(path: string, text: string, what = path): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new SentinelError('usage', `${what}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
