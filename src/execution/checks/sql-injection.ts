// sql_injection by evidence: a database error signature caused by a quote, a true/false condition pair
// that changes the answer consistently (twice, two syntaxes), or a sleep
// confirmed twice against a no-sleep control.
import type { Check, ScenarioCheck } from './check.js';
import type { FindingDraft } from '../../core/finding.js';
import { isSuccess } from './applies.js';
import { confirmedDelay, findSignature, payloadOf, similar, withoutEchoes, type Signature } from './probe-evidence.js';
import { describeStep, responseOf, stepByRole } from './scenario-steps.js';

const REMEDIATION =
  'Use parameterized queries (bound parameters) for every value that comes from a request; never concatenate input into SQL.';

export const DB_ERROR_SIGNATURES: readonly Signature[] = [
  { name: 'PostgreSQL', pattern: /PG::[A-Z]\w*Error|PSQLException|(?:ERROR:\s+)?(?:syntax error at or near|unterminated quoted string at or near|invalid input syntax for (?:type )?\w+)|\bpg_query\(\)|\bpsycopg2?\.\w*Error/i },
  { name: 'MySQL', pattern: /You have an error in your SQL syntax|check the manual that corresponds to your (?:MySQL|MariaDB) server version|\bmysqli?_(?:fetch|query|num_rows)\w*\(|MySqlException|com\.mysql\.jdbc|ER_PARSE_ERROR|Unknown column '[^']+' in '(?:where clause|field list)'/i },
  { name: 'SQLite', pattern: /SQLITE_ERROR|sqlite3\.OperationalError|SQLiteException|SQLite3::SQLException|unrecognized token: "|near "[^"\n]{1,40}": syntax error/i },
  { name: 'SQL Server', pattern: /Unclosed quotation mark after the character string|Incorrect syntax near '|Microsoft OLE DB Provider for SQL Server|\[ODBC SQL Server Driver\]|System\.Data\.SqlClient\.SqlException|Microsoft\.Data\.SqlClient\.SqlException|\bMsg \d+, Level \d+, State \d+/i },
  { name: 'Oracle', pattern: /\bORA-\d{5}\b|quoted string not properly terminated|oracle\.jdbc\.|OracleException/ },
  { name: 'SQL (generic)', pattern: /SQLSTATE\[\w+\]|unterminated quoted string|syntax error at or near "/i },
];

const isSqlProbe = (constraint: string | undefined) => constraint?.startsWith('sql_injection:') ?? false;

export const sqlInjection: Check = {
  id: 'sql_injection',
  severity: 'critical',
  description: 'A SQL payload produced a database error, a true/false differential, or a confirmed delay.',
  remediation: REMEDIATION,
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || !isSqlProbe(testCase.mutation?.constraint) || testCase.mutation!.constraint.endsWith(':control')) return [];
    const payload = payloadOf(testCase);
    const found = findSignature(withoutEchoes(response.body, payload), DB_ERROR_SIGNATURES);
    if (found === undefined) return [];
    return [
      {
        title: `SQL injection: ${found.name} error`,
        message: `Injecting into ${testCase.mutation!.location} ${testCase.mutation!.target} made the API answer with a ${found.name} error: the value reaches a SQL query unescaped.`,
        cause: `error:${testCase.mutation!.location}.${testCase.mutation!.target}`,
        evidence: found.excerpt,
        ...(payload !== undefined ? { payload } : {}),
      },
    ];
  },
};

export const sqlInjectionScenario: ScenarioCheck = {
  id: 'sql_injection',
  severity: 'critical',
  description: 'A SQL payload produced a true/false differential or a confirmed delay.',
  remediation: REMEDIATION,
  run({ scenario, steps }) {
    const target = stepByRole(steps, 'delay-1')?.testCase.mutation ?? stepByRole(steps, 'true-1')?.testCase.mutation;
    if (target === undefined) return [];
    const where = `${target.location} ${target.target}`;
    if (scenario.kind === 'sqli_time') {
      const delayMs = stepByRole(steps, 'delay-1')?.testCase.probe?.delayMs;
      const delay = delayMs === undefined ? undefined : confirmedDelay(steps, delayMs);
      if (delay === undefined) return [];
      return [finding('Time-based SQL injection', `A SQL sleep injected into ${where} delayed the answer, twice, while a zero sleep did not.`, `time:${where}`, delay.evidence, delay.payload)];
    }
    if (scenario.kind === 'sqli_boolean') return booleanFinding(steps, where);
    return [];
  },
};

function booleanFinding(steps: Parameters<ScenarioCheck['run']>[0]['steps'], where: string): FindingDraft[] {
  const roles = ['baseline', 'true-1', 'false-1', 'true-2', 'false-2'];
  const found = roles.map((role) => stepByRole(steps, role));
  const responses = found.map(responseOf);
  if (responses.some((r) => r === undefined)) return [];
  const [base, t1, f1, t2, f2] = responses as NonNullable<(typeof responses)[number]>[];
  const [, s1, g1, s2, g2] = found.map((step) => (step ? payloadOf(step.testCase) : undefined));
  // Each condition answers consistently across the two syntaxes, true and false differ, and the
  // difference is the condition's: the false one matches the baseline or the true one departs from it.
  const differential =
    isSuccess(t1!.status) &&
    similar(t1!, t2!, s1, s2) &&
    similar(f1!, f2!, g1, g2) &&
    !similar(t1!, f1!, s1, g1) &&
    (similar(f1!, base!, g1) || !similar(t1!, base!, s1));
  if (!differential) return [];
  const evidence = found.map((step) => describeStep(step!)).join('\n');
  return [finding('Boolean-based SQL injection', `Always-true and always-false SQL conditions injected into ${where} gave consistently different answers (twice, two syntaxes).`, `boolean:${where}`, evidence, s1)];
}

function finding(title: string, message: string, cause: string, evidence: string, payload: string | undefined): FindingDraft {
  return { title, message, cause, evidence, ...(payload !== undefined ? { payload } : {}) };
}
