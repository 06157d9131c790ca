// Exports a load plan as a k6 script (ES module importing k6/http): the same stages (arrival rate or
// virtual users), operation mix, concrete requests, stateful scenarios and thresholds, so a team can
// re-run it in k6.
import type { Threshold } from '../analyze/thresholds.js';
import { secretVariables, type ExportInput } from './export-input.js';

/**
 * Scenario steps as Sentinel's engine sends them: values an answer gives (a JSON pointer into the body,
 * a header, or what a `#regex:` pattern takes from a header) fill the `__SENTINEL_<name>__` markers of
 * later steps (percent-encoded in the URL, as text in headers, as JSON in a JSON body); an answer outside
 * 2xx, or one lacking a value to extract, ends the iteration. `__SENTINEL_unique__` is new per iteration:
 * a random prefix drawn when the VU loads, the VU number (self-delimiting) and a per-VU counter, as the
 * engine's (execution/load/unique-value.ts).
 */
export const K6_SCENARIO_HELPERS = `const MARKER = /__SENTINEL_([A-Za-z0-9]+)__/g;
const JSON_MARKER = /"__SENTINEL_([A-Za-z0-9]+)__"|__SENTINEL_([A-Za-z0-9]+)__/g;

function randomPrefix() {
  let prefix = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)];
  for (let i = 0; i < 3; i++) prefix += Math.floor(Math.random() * 36).toString(36);
  return prefix;
}

const UNIQUE_PREFIX = randomPrefix();
let uniqueCounter = 0;

function nextUnique() {
  const vu = (typeof __VU === 'number' ? __VU : 0).toString(36);
  return UNIQUE_PREFIX + vu.length.toString(36) + vu + (uniqueCounter++).toString(36);
}

function textOf(value) {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function fillText(text, values, encode) {
  return text.replace(MARKER, (_whole, name) => encode(values[name]));
}

function fillBody(body, contentType, values) {
  if (contentType.includes('x-www-form-urlencoded')) return fillText(body, values, (value) => encodeURIComponent(textOf(value)));
  if (contentType !== '' && !contentType.includes('json')) return fillText(body, values, textOf);
  // A marker that is a whole JSON string becomes the value's JSON (a number stays a number).
  return body.replace(JSON_MARKER, (_whole, quoted, inner) =>
    quoted !== undefined ? JSON.stringify(values[quoted]) : JSON.stringify(textOf(values[inner])).slice(1, -1),
  );
}

function resolvePointer(document, pointer) {
  if (pointer === '') return document;
  let current = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^\\d+$/.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, token)) return undefined;
      current = current[token];
    }
  }
  return current;
}

// \`$response.header.Name#regex:<pattern>\`: the first group of the first match (the whole match without
// a group), percent-decoded (as is when the escapes are malformed); no match or an empty value fails.
function matchPattern(text, source) {
  const match = new RegExp(source).exec(text);
  if (match === null) return undefined;
  const raw = match.length > 1 ? match[1] : match[0];
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch (error) {
    return raw;
  }
}

function extractValue(rule, response) {
  if (rule.startsWith('$response.header.')) {
    const spec = rule.slice('$response.header.'.length);
    const cut = spec.indexOf('#regex:');
    const wanted = (cut < 0 ? spec : spec.slice(0, cut)).toLowerCase();
    for (const name of Object.keys(response.headers)) {
      if (name.toLowerCase() === wanted) return cut < 0 ? response.headers[name] : matchPattern(String(response.headers[name]), spec.slice(cut + '#regex:'.length));
    }
    return undefined;
  }
  let document;
  try {
    document = JSON.parse(response.body);
  } catch (error) {
    return undefined;
  }
  return resolvePointer(document, rule.slice('$response.body#'.length));
}

function runScenario(name, steps) {
  const values = { unique: nextUnique() };
  for (const step of steps) {
    const request = step.request;
    const headers = headersOf(request);
    for (const header of Object.keys(headers)) headers[header] = fillText(headers[header], values, textOf);
    const contentType = (headers['content-type'] || '').toLowerCase();
    const path = fillText(pathOf(request), values, (value) => encodeURIComponent(textOf(value)));
    const body = request.body === undefined ? null : fillBody(request.body, contentType, values);
    const response = http.request(request.method, BASE_URL + path, body, { headers, tags: { name: step.operation, sentinel_scenario: name } });
    if (!(response.status >= 200 && response.status < 300)) return;
    for (const [variable, rule] of Object.entries(step.extract || {})) {
      const value = extractValue(rule, response);
      if (value === undefined) return;
      values[variable] = value;
    }
  }
}
`;

export function toK6Script(input: ExportInput): string {
  const singles = input.mix.filter((entry) => entry.scenario === undefined);
  const scenarios = input.mix.filter((entry) => entry.scenario !== undefined);
  const requests = Object.fromEntries(singles.map((entry) => [entry.operation, entry.requests]));
  const steps = Object.fromEntries(scenarios.map((entry) => [entry.operation, entry.scenario]));
  const weights = input.mix.map((entry) => ({ operation: entry.operation, weight: entry.weight }));
  const secrets = secretVariables(input);
  return `// Generated by sentinel perf. Run: k6 run${secrets.map((name) => ` -e ${name}=...`).join('')} -e BASE_URL=${input.baseUrl} script.js
import http from 'k6/http';${input.thinkTime ? "\nimport { sleep } from 'k6';" : ''}

const BASE_URL = __ENV.BASE_URL || ${JSON.stringify(input.baseUrl)};

// Sentinel counts transport errors and 5xx as failures; a 4xx can be the API's answer to generated input.
http.setResponseCallback(http.expectedStatuses({ min: 100, max: 499 }));

export const options = {
  scenarios: {
    sentinel: ${scenario(input)},
  },
  thresholds: ${JSON.stringify(k6Thresholds(input.thresholds), null, 2).replace(/\n/g, '\n  ')},
};

const REQUESTS = ${JSON.stringify(requests, null, 2)};

const SCENARIOS = ${JSON.stringify(steps, null, 2)};

const MIX = ${JSON.stringify(weights, null, 2)};
const TOTAL_WEIGHT = MIX.reduce((sum, entry) => sum + entry.weight, 0);
const cursors = {};

function pickOperation() {
  let draw = Math.random() * TOTAL_WEIGHT;
  for (const entry of MIX) {
    draw -= entry.weight;
    if (draw < 0) return entry.operation;
  }
  return MIX[MIX.length - 1].operation;
}

function pathOf(request) {
  let path = request.path;
  for (const [name, variable] of Object.entries(request.secretQuery || {})) {
    if (__ENV[variable] !== undefined) path += (path.includes('?') ? '&' : '?') + encodeURIComponent(name) + '=' + encodeURIComponent(__ENV[variable]);
  }
  return path;
}

function headersOf(request) {
  const headers = Object.assign({}, request.headers);
  for (const [name, variable] of Object.entries(request.secretHeaders)) {
    if (__ENV[variable] !== undefined) headers[name] = __ENV[variable];
  }
  return headers;
}
${scenarios.length > 0 ? `\n${K6_SCENARIO_HELPERS}` : ''}
${input.thinkTime ? `export default function () {
  sendNext();
  // Think time: each virtual user pauses between its turns, as in Sentinel's closed model.
  sleep(${seconds(input.thinkTime.minMs)}${input.thinkTime.maxMs > input.thinkTime.minMs ? ` + Math.random() * ${seconds(input.thinkTime.maxMs - input.thinkTime.minMs)}` : ''});
}

function sendNext() {` : 'export default function () {'}
  const operation = pickOperation();
  if (SCENARIOS[operation] !== undefined) return runScenario(operation, SCENARIOS[operation]);
  const variants = REQUESTS[operation];
  const index = (cursors[operation] = ((cursors[operation] ?? -1) + 1) % variants.length);
  const request = variants[index];
  const headers = headersOf(request);
  http.request(request.method, BASE_URL + pathOf(request), request.body === undefined ? null : request.body, {
    headers,
    tags: { name: operation },
  });
}
`;
}

/** Milliseconds as k6's sleep() and Locust's wait_time take them: seconds. */
function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** Each stage becomes a jump (0s) then a hold, since Sentinel's stages are steps, not ramps. */
function scenario(input: ExportInput): string {
  const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))}s`;
  if (input.model === 'closed') {
    const stages = input.stages.flatMap((stage) => [
      { duration: '0s', target: stage.target },
      { duration: seconds(stage.durationMs), target: stage.target },
    ]);
    const config = { executor: 'ramping-vus', startVUs: input.stages[0]?.target ?? 1, stages, gracefulRampDown: '0s' };
    return JSON.stringify(config, null, 2).replace(/\n/g, '\n    ');
  }
  // Per minute, so fractional per-second rates stay whole numbers.
  const perMinute = (rate: number) => Math.max(1, Math.round(rate * 60));
  const peak = Math.max(...input.stages.map((stage) => stage.target));
  const stages = input.stages.flatMap((stage) => [
    { duration: '0s', target: perMinute(stage.target) },
    { duration: seconds(stage.durationMs), target: perMinute(stage.target) },
  ]);
  const config = {
    executor: 'ramping-arrival-rate',
    startRate: perMinute(input.stages[0]?.target ?? 1),
    timeUnit: '1m',
    preAllocatedVUs: Math.max(10, Math.ceil(peak / 10)),
    maxVUs: Math.max(100, Math.ceil(peak * 2)),
    stages,
  };
  return JSON.stringify(config, null, 2).replace(/\n/g, '\n    ');
}

export function k6Thresholds(thresholds: Threshold[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (metric: string, expression: string) => (out[metric] ??= []).push(expression);
  for (const threshold of thresholds) {
    if (threshold.metric === 'latency') {
      const statistic = threshold.statistic === 'mean' ? 'avg' : threshold.statistic === 100 ? 'max' : `p(${threshold.statistic})`;
      add('http_req_duration', `${statistic}${threshold.comparator}${threshold.limit}`);
    } else if (threshold.metric === 'error_rate') {
      add('http_req_failed', `rate${threshold.comparator}${threshold.limit}`);
    } else {
      add('http_reqs', `rate${threshold.comparator}${threshold.limit}`);
    }
  }
  return out;
}
