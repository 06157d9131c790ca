// A simulated `sh -c "ping -c 1 <host>"`: the defective ping tool splices the host into a shell
// command line. Nothing is ever executed: this interpreter knows `ping`, `echo`, `sleep`, `id` and the
// separators and substitutions that injection probes use, and answers anything else like sh does.

const MAX_SLEEP_SECONDS = 1;
const KNOWN_HOSTS = new Set(['localhost', '127.0.0.1', 'shop.example', 'api.shop.example']);

/**
 * The outcome of a clean ping (the host is one argument, never parsed by a shell).
 * @param {string} host
 */
export function pingOutcome(host) {
  const reachable = KNOWN_HOSTS.has(host.toLowerCase());
  return {
    reachable,
    output: reachable ? '1 packets transmitted, 1 received, 0% packet loss' : '1 packets transmitted, 0 received, 100% packet loss',
  };
}

/**
 * `$((7*191))` → `1337`: the arithmetic expansion probes use to tell execution from mere reflection.
 * @param {string} text
 */
function expandArithmetic(text) {
  return text.replace(/\$\(\(\s*([0-9+\-*/%\s()]+)\s*\)\)/g, (_, expression) => {
    if (!/^[0-9+\-*/%\s()]+$/.test(expression)) return '';
    try {
      return String(Math.trunc(Function(`"use strict"; return (${expression});`)()));
    } catch {
      return '';
    }
  });
}

/**
 * Runs one simple command; returns its output and how long it would have slept.
 * @param {string} command
 * @returns {{ output: string, sleepSeconds: number }}
 */
function runSimple(command) {
  // Quote removal as sh does it: `SNTL""abc` is the one word SNTLabc.
  const words = expandArithmetic(command).trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/"([^"]*)"|'([^']*)'/g, '$1$2'));
  if (words.length === 0) return { output: '', sleepSeconds: 0 };
  const [name, ...args] = words;
  if (name === 'echo') return { output: `${args.join(' ')}\n`, sleepSeconds: 0 };
  if (name === 'sleep') {
    const seconds = Number(args[0]);
    return { output: '', sleepSeconds: Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), MAX_SLEEP_SECONDS) : 0 };
  }
  if (name === 'id') return { output: 'uid=33(www-data) gid=33(www-data) groups=33(www-data)\n', sleepSeconds: 0 };
  if (name === 'whoami') return { output: 'www-data\n', sleepSeconds: 0 };
  if (name === 'ping') {
    const host = args.filter((arg) => !arg.startsWith('-') && !/^\d+$/.test(arg)).at(-1) ?? '';
    const outcome = pingOutcome(host);
    return { output: outcome.reachable ? `PING ${host}: ${outcome.output}\n` : `ping: ${host}: Name or service not known\n`, sleepSeconds: 0 };
  }
  return { output: `sh: 1: ${name}: not found\n`, sleepSeconds: 0 };
}

/**
 * `$(cmd)` and `` `cmd` `` are replaced by the command's output, then the line is split on `;`, `&&`,
 * `||`, `|`, `&` and newlines; every part runs (a pipe's right side wins the output, as it would).
 * @param {string} line
 * @returns {{ output: string, sleepSeconds: number }}
 */
export function runShellLine(line) {
  let sleepSeconds = 0;
  const substituted = line.replace(/\$\(([^()]*)\)|`([^`]*)`/g, (_, dollar, backtick) => {
    const inner = runShellLine(dollar ?? backtick);
    sleepSeconds += inner.sleepSeconds;
    return inner.output.trim();
  });
  let output = '';
  for (const pipeline of substituted.split(/;|&&|\|\||&|\n/)) {
    const stages = pipeline.split('|');
    let last = { output: '', sleepSeconds: 0 };
    for (const stage of stages) {
      last = runSimple(stage);
      sleepSeconds += last.sleepSeconds;
    }
    output += last.output;
  }
  return { output, sleepSeconds: Math.min(sleepSeconds, MAX_SLEEP_SECONDS) };
}
