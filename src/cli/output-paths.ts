// Every file a command will write (reports, exported scripts) is checked before anything is sent: an
// unwritable path found after the run wasted the run, lost the other reports and the summary. The check
// is what writing needs: the folder can be made and a file created in it (then removed), the path itself
// is not a folder or a device, and nothing lies on a virtual file system (/proc, /sys), where a write
// can block or mean something else entirely.
import { closeSync, existsSync, mkdirSync, openSync, statfsSync, statSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SentinelError } from '../core/errors.js';

/** statfs magic numbers of kernel file systems that are not storage. */
const VIRTUAL_FILE_SYSTEMS: Record<number, string> = {
  0x9fa0: 'proc',
  0x62656572: 'sysfs',
  0x64626720: 'debugfs',
  0x73636673: 'securityfs',
  0x27e0eb: 'cgroup',
  0x63677270: 'cgroup2',
  0xcafe4a11: 'bpf',
  0x74726163: 'tracefs',
};

export interface OutputPath {
  /** How the user named it, for the error line: `--report json`, `--export k6`. */
  label: string;
  path: string;
}

/** Throws a one-line usage error for the first path that cannot be written. */
export function checkOutputPaths(outputs: OutputPath[]): void {
  for (const output of outputs) {
    const problem = whyUnwritable(resolve(output.path));
    if (problem !== undefined) throw new SentinelError('usage', `${output.label}=${output.path}: cannot write: ${problem}`);
  }
}

function whyUnwritable(path: string): string | undefined {
  const existing = nearestExisting(path);
  const fileSystem = virtualFileSystem(existing);
  if (fileSystem !== undefined) return `${existing} is on ${fileSystem}, a virtual file system, not storage`;
  if (existing === path) {
    const stat = statSync(path);
    if (stat.isDirectory()) return 'it is a folder (give a file name)';
    if (!stat.isFile()) return 'it is not a regular file (a device, pipe or socket)';
  } else if (!statSync(existing).isDirectory()) {
    return `${existing} is a file, so it cannot hold a folder`;
  }
  const folder = dirname(path);
  const probe = `${path}.${process.pid}.check.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return code === 'EACCES' || code === 'EPERM' ? `permission denied in ${folder}` : code === 'EROFS' ? `${folder} is on a read-only file system` : (code ?? message);
  }
  return undefined;
}

/** The path itself, or its closest ancestor that exists. */
function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function virtualFileSystem(path: string): string | undefined {
  try {
    return VIRTUAL_FILE_SYSTEMS[statfsSync(path).type];
  } catch {
    return undefined;
  }
}
