// information_disclosure on any response: stack traces, framework debug pages, and (in error answers)
// internal file paths or SQL text. Patterns are specific (file:line frames, exact page markers) so that
// ordinary text about errors is not flagged.
import type { Check } from './check.js';
import { findSignature, payloadOf, withoutEchoes, type Signature } from './probe-evidence.js';

export const STACK_TRACE_SIGNATURES: readonly Signature[] = [
  { name: 'Node.js stack trace', pattern: /\bat (?:[^\s()"]+ \()?(?:file:\/\/)?(?:node:[\w/]+|(?:\/|[A-Za-z]:\\)[^\s()":]+\.[cm]?[jt]sx?):\d+:\d+/ },
  { name: 'Python traceback', pattern: /Traceback \(most recent call last\)|File "[^"]+\.py", line \d+/ },
  { name: 'Java stack trace', pattern: /\bat (?:[a-zA-Z_$][\w$]*\.)+[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala):\d+|Native Method|Unknown Source)\)|Exception in thread "/ },
  { name: '.NET stack trace', pattern: /\bat [\w.`<>]+\([^)\n]*\) in [^\n"]+:line \d+|--- End of stack trace from previous location/ },
  { name: 'Go panic', pattern: /goroutine \d+ \[running\]:|\.go:\d+ \+0x[0-9a-f]+/ },
  { name: 'PHP error', pattern: /(?:Fatal error|Parse error|Warning|Notice)(?:<\/b>)?:\s.{0,300}? in (?:<b>)?[\w/\\.:-]+\.php(?:<\/b>)? on line (?:<b>)?\d+|PHP (?:Fatal error|Parse error|Warning):/ },
  { name: 'Ruby backtrace', pattern: /\.rb:\d+:in [`'][^'\n]{1,80}'/ },
];

export const DEBUG_PAGE_SIGNATURES: readonly Signature[] = [
  { name: 'Spring Whitelabel error page', pattern: /Whitelabel Error Page/ },
  { name: 'Werkzeug debugger', pattern: /Werkzeug Debugger|werkzeug\.exceptions\.\w+/ },
  { name: 'Django debug page', pattern: /You(?:'|&#39;|&#x27;)re seeing this error because you have <code>DEBUG = True<\/code>/ },
  { name: 'Laravel error page', pattern: /Whoops, looks like something went wrong|Illuminate\\(?:Database|Foundation|Http)\\/ },
  { name: 'ASP.NET error page', pattern: /Server Error in '\/[^']*' Application|ASP\.NET is configured to show verbose error messages/ },
  { name: 'Rails error page', pattern: /Action Controller: Exception caught/ },
];

/** Only in error answers: a file listing or a query in a 2xx may be the API's business. */
export const ERROR_ONLY_SIGNATURES: readonly Signature[] = [
  { name: 'internal file path', pattern: /(?:\/home\/[\w.-]+|\/var\/www|\/usr\/src\/app|\/usr\/local\/lib\/node_modules|\/opt\/[\w.-]+|\/srv\/[\w.-]+)\/[\w./-]+|\b[A-Z]:\\(?:Users|inetpub|Program Files|Windows)\\[\w .\\-]+/ },
  { name: 'SQL statement', pattern: /\b(?:SELECT\s+[\w*,."`\s()]{1,200}?\s+FROM\s+["`]?\w+|INSERT\s+INTO\s+["`]?\w+["`]?\s*\(|UPDATE\s+["`]?\w+["`]?\s+SET\s+["`]?\w+["`]?\s*=|DELETE\s+FROM\s+["`]?\w+["`]?\s+WHERE)/ },
];

export const informationDisclosure: Check = {
  id: 'information_disclosure',
  severity: 'medium',
  description: 'A response exposes internals: a stack trace, a framework debug page, or (in an error) internal paths or SQL.',
  remediation: 'Log error details server-side and answer with a generic message and the correlation id; turn off debug pages in production.',
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || response.body === '') return [];
    const text = withoutEchoes(response.body.slice(0, 200_000), payloadOf(testCase));
    const signatures = response.status >= 400 ? [...STACK_TRACE_SIGNATURES, ...DEBUG_PAGE_SIGNATURES, ...ERROR_ONLY_SIGNATURES] : [...STACK_TRACE_SIGNATURES, ...DEBUG_PAGE_SIGNATURES];
    const found = findSignature(text, signatures);
    if (found === undefined) return [];
    const minor = ERROR_ONLY_SIGNATURES.some((s) => s.name === found.name);
    return [
      {
        title: `Information disclosure: ${found.name}`,
        message: `The response (${response.status}) exposes a ${found.name}, which tells an attacker how the service is built.`,
        cause: found.name,
        evidence: found.excerpt,
        ...(minor ? { severity: 'low' as const } : {}),
      },
    ];
  },
};
