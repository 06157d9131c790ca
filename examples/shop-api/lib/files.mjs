// The shared folder, simulated: a few text files in memory, plus the system files a path traversal
// would reach on a Linux or Windows host. No real file is ever read.
import { posix } from 'node:path';

const SHARED_FOLDER = '/srv/shared';

const SHARED_FILES = new Map([
  ['welcome.txt', 'Welcome to the Example Shop! Orders ship within two working days.\n'],
  ['price-list.txt', 'Paper notebook 4.50\nChess set 39.90\nClaw hammer 18.00\n'],
  ['returns.txt', 'Items can be returned within 30 days in their original packaging.\n'],
]);

/** What a traversal finds outside the shared folder: fake, but with the real files' signatures. */
const SYSTEM_FILES = new Map([
  ['/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nshop:x:1000:1000:Shop service:/srv/shop:/bin/sh\n'],
  ['/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n'],
  ['/windows/win.ini', '; for 16-bit app support\n[fonts]\n[extensions]\n[mci extensions]\n[files]\n[Mail]\nMAPI=1\n'],
]);

/**
 * The clean lookup: the name is a plain file name (the description's pattern forbids directories).
 * @param {string} name
 */
export function readSharedFile(name) {
  return SHARED_FILES.get(name);
}

/**
 * The defective lookup: the name is percent-decoded again (up to twice more, as layered decoders do),
 * resolved against the folder, so `../` in any encoding (or an absolute path) escapes it.
 * @param {string} name
 */
export function readByJoinedPath(name) {
  let decoded = name;
  for (let round = 0; round < 2; round += 1) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break;
    }
  }
  const unixStyle = decoded.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '');
  const resolved = posix.resolve(SHARED_FOLDER, unixStyle);
  if (resolved.startsWith(`${SHARED_FOLDER}/`)) return SHARED_FILES.get(resolved.slice(SHARED_FOLDER.length + 1));
  return SYSTEM_FILES.get(resolved.toLowerCase());
}
