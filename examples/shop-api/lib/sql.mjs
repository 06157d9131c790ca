// A tiny SQL interpreter standing in for PostgreSQL, so the defective search can be injectable without
// a database: the query is built by string concatenation, tokenized and evaluated row by row. It knows
// just enough SQL for the classic probes (quotes, OR/AND tautologies, comments, pg_sleep) and answers
// anything else with PostgreSQL's own error wording.

export class SqlError extends Error {}

const KEYWORDS = new Set(['and', 'or', 'not', 'like', 'ilike', 'true', 'false', 'null', 'order', 'by', 'select', 'from', 'where', 'is']);
const COLUMNS = new Set(['id', 'name', 'price', 'category']);
const MAX_SLEEP_SECONDS = 1;

/** @typedef {{ kind: 'string' | 'number' | 'word' | 'ident' | 'op' | 'end', text: string, value?: unknown }} Token */

/** @param {string} sql @returns {Token[]} */
export function tokenize(sql) {
  /** @type {Token[]} */
  const tokens = [];
  let at = 0;
  while (at < sql.length) {
    const rest = sql.slice(at);
    const space = /^(\s+|--[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
    if (space) { at += space[0].length; continue; }
    if (rest[0] === "'") {
      const literal = /^'((?:[^']|'')*)'/.exec(rest);
      if (!literal) throw new SqlError(`unterminated quoted string at or near "${rest.slice(0, 40)}"`);
      tokens.push({ kind: 'string', text: literal[0], value: literal[1].replace(/''/g, "'") });
      at += literal[0].length;
      continue;
    }
    const quoted = /^"([^"]*)"/.exec(rest);
    const number = /^\d+(\.\d+)?/.exec(rest);
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const op = /^(<>|!=|<=|>=|\|\||[=<>(),;*+-])/.exec(rest);
    /** @type {Token} */
    let token;
    if (quoted) token = { kind: 'ident', text: quoted[0], value: quoted[1] };
    else if (number) token = { kind: 'number', text: number[0], value: Number(number[0]) };
    else if (word) token = { kind: KEYWORDS.has(word[0].toLowerCase()) ? 'word' : 'ident', text: word[0], value: word[0].toLowerCase() };
    else if (op) token = { kind: 'op', text: op[0] };
    else throw new SqlError(`syntax error at or near "${rest[0]}"`);
    tokens.push(token);
    at += token.text.length;
  }
  tokens.push({ kind: 'end', text: '' });
  return tokens;
}

/** @param {string} pattern @param {boolean} insensitive */
function likeToRegExp(pattern, insensitive) {
  const body = [...pattern].map((char) => (char === '%' ? '[\\s\\S]*' : char === '_' ? '[\\s\\S]' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, insensitive ? 'i' : '');
}

/**
 * Parses `tokens` from `start` as a boolean expression; returns a row predicate and where it stopped.
 * @param {Token[]} tokens
 * @param {{ sleepSeconds: number }} effects
 */
function parseExpression(tokens, start, effects) {
  let at = start;
  const peek = () => tokens[at];
  const isWord = (word) => peek().kind === 'word' && peek().value === word;
  const fail = () => {
    throw new SqlError(peek().kind === 'end' ? 'syntax error at end of input' : `syntax error at or near "${peek().text}"`);
  };
  const expect = (text) => { if (peek().text !== text) fail(); at += 1; };

  /** @returns {(row: Record<string, unknown>) => unknown} */
  function operand() {
    const token = peek();
    at += 1;
    if (token.kind === 'string' || token.kind === 'number') return () => token.value;
    if (token.kind === 'word' && (token.value === 'true' || token.value === 'false')) return () => token.value === 'true';
    if (token.kind === 'word' && token.value === 'null') return () => null;
    if (token.kind === 'op' && token.text === '(' && isWord('select')) { const inner = subSelect(); expect(')'); return inner; }
    if (token.kind === 'op' && token.text === '(') { const inner = or(); expect(')'); return inner; }
    if (token.kind === 'ident' && peek().text === '(') return call(String(token.value));
    if (token.kind === 'ident') {
      if (!COLUMNS.has(String(token.value))) throw new SqlError(`column "${token.value}" does not exist`);
      return (row) => row[String(token.value)];
    }
    at -= 1;
    return fail();
  }
  function call(name) {
    expect('(');
    const args = [];
    while (peek().text !== ')') { args.push(concat()); if (peek().text === ',') at += 1; else break; }
    expect(')');
    if (name === 'pg_sleep') {
      const seconds = Number(args[0]?.({}) ?? 0);
      effects.sleepSeconds = Math.max(effects.sleepSeconds, Math.min(seconds, MAX_SLEEP_SECONDS));
      return () => true;
    }
    if (name === 'lower' || name === 'upper') return (row) => String(args[0]?.(row) ?? '')[name === 'lower' ? 'toLowerCase' : 'toUpperCase']();
    if (name === 'version') return () => 'PostgreSQL 16.4 on x86_64-pc-linux-gnu';
    throw new SqlError(`function ${name}() does not exist`);
  }
  /** `(SELECT <expr> FROM <function>(...))`: evaluates the function for its effect (pg_sleep), yields the expression. */
  function subSelect() {
    at += 1;
    const value = concat();
    if (!isWord('from')) fail();
    at += 1;
    const source = peek();
    if (source.kind !== 'ident') fail();
    at += 1;
    if (peek().text !== '(') throw new SqlError(`relation "${source.value}" does not exist`);
    call(String(source.value));
    return value;
  }
  function concat() {
    let left = operand();
    while (peek().text === '||') { at += 1; const l = left; const r = operand(); left = (row) => `${l(row) ?? ''}${r(row) ?? ''}`; }
    return left;
  }
  function comparison() {
    const left = concat();
    const token = peek();
    const op = token.kind === 'word' && (token.value === 'like' || token.value === 'ilike') ? String(token.value) : token.text;
    if (!['=', '<>', '!=', '<', '>', '<=', '>=', 'like', 'ilike'].includes(op) || (token.kind !== 'op' && token.kind !== 'word')) return left;
    at += 1;
    const right = concat();
    return (row) => compare(op, left(row), right(row));
  }
  function not() {
    if (isWord('not')) { at += 1; const inner = not(); return (row) => !truthy(inner(row)); }
    return comparison();
  }
  function and() {
    let left = not();
    while (isWord('and')) { at += 1; const l = left; const r = not(); left = (row) => truthy(l(row)) && truthy(r(row)); }
    return left;
  }
  function or() {
    let left = and();
    while (isWord('or')) { at += 1; const l = left; const r = and(); left = (row) => truthy(l(row)) || truthy(r(row)); }
    return left;
  }
  const predicate = or();
  if (isWord('order')) orderBy();
  return { predicate, next: at };

  /** `ORDER BY 2, name`: accepted and ignored, except positions past the four selected columns. */
  function orderBy() {
    at += 1;
    if (!isWord('by')) fail();
    do {
      at += 1;
      const token = peek();
      if (token.kind === 'number' && (Number(token.value) < 1 || Number(token.value) > COLUMNS.size)) {
        throw new SqlError(`ORDER BY position ${token.text} is not in select list`);
      }
      operand();
    } while (peek().text === ',');
  }
}

function truthy(value) {
  return value === true;
}

function compare(op, left, right) {
  if (left === null || right === null) return null;
  if (op === 'like' || op === 'ilike') return likeToRegExp(String(right), op === 'ilike').test(String(left));
  const numeric = typeof left === 'number' || typeof right === 'number';
  const a = numeric ? Number(left) : String(left);
  const b = numeric ? Number(right) : String(right);
  if (op === '=') return a === b;
  if (op === '<>' || op === '!=') return a !== b;
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}

/**
 * Runs `SELECT ... WHERE name ILIKE '%<text>%' OR category = '<text>'` built by concatenation over `rows`.
 * @template {Record<string, unknown>} Row
 * @param {Row[]} rows
 * @param {string} text
 * @returns {{ sql: string, rows: Row[], sleepSeconds: number }}
 */
export function runConcatenatedSearch(rows, text) {
  const where = `name ILIKE '%${text}%' OR category = '${text}'`;
  const sql = `SELECT id, name, price, category FROM items WHERE ${where}`;
  const tokens = tokenize(where);
  const effects = { sleepSeconds: 0 };
  const { predicate, next } = parseExpression(tokens, 0, effects);
  const rest = tokens.slice(next);
  // A stacked statement (`'; SELECT pg_sleep(1)--`) runs too, as it would with a simple-query driver.
  if (rest[0]?.text === ';') {
    const stacked = rest.slice(1);
    if (stacked[0]?.kind === 'word' && stacked[0].value === 'select') parseExpression(stacked, 1, effects);
    else if (stacked[0]?.kind !== 'end') throw new SqlError(`syntax error at or near "${stacked[0].text}"`);
  } else if (rest[0]?.kind !== 'end') {
    throw new SqlError(`syntax error at or near "${rest[0].text}"`);
  }
  return { sql, rows: rows.filter((row) => truthy(predicate(row))), sleepSeconds: effects.sleepSeconds };
}
