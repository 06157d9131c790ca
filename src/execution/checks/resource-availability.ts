// A resource the API just created (2xx) must be retrievable: by its own URL, and in its collection's
// listing when that listing is complete (not paginated, or shorter than a page).
import type { ExecutedStep, ScenarioCheck } from './check.js';
import type { FindingDraft } from '../../core/finding.js';
import { describeStep, responseOf, stepByRole, succeeded } from './scenario-steps.js';

/** Lists at least this long may be one page of many: a missing item proves nothing. */
const PAGE_SIZE_FLOOR = 10;
const PAGINATION = /^(limit|page|per_?page|page_?size|pagesize|offset|cursor|size|count|top|skip|start)$/i;

export const resourceAvailability: ScenarioCheck = {
  id: 'resource_availability',
  severity: 'medium',
  description: 'A resource the API just created (2xx) cannot be retrieved, by its URL or in its listing.',
  remediation: 'Store the resource before answering 2xx, and look it up with the same key type it was stored under; list it in its collection.',
  run({ steps, scenario, model }) {
    const create = stepByRole(steps, 'create');
    if (!succeeded(create)) return [];
    const findings: FindingDraft[] = [];
    const read = stepByRole(steps, 'read-after-create');
    const readStatus = responseOf(read)?.status;
    if (readStatus === 404 || readStatus === 410) {
      findings.push({
        title: 'Created resource not found',
        message: `The create request answered ${responseOf(create)!.status}, but reading the new resource answered ${readStatus}.`,
        cause: 'not_found_after_create',
        evidence: `${describeStep(create!)}\n${describeStep(read!)}`,
      });
    }
    const list = stepByRole(steps, 'list');
    const id = createdId(create!, scenario.steps.find((s) => s.case.id === create!.testCase.id)?.extract ?? {});
    const listOperation = model.operations.find((op) => op.key === list?.testCase.operation);
    const paginated = listOperation?.parameters.some((p) => p.in === 'query' && PAGINATION.test(p.name)) ?? false;
    const response = responseOf(list);
    if (list !== undefined && id !== undefined && succeeded(list) && !response!.truncated) {
      const items = listedItems(response!.json);
      if (items !== undefined && !(paginated && items.length >= PAGE_SIZE_FLOOR) && !items.some((item) => mentions(item, id))) {
        findings.push({
          title: 'Created resource missing from its listing',
          message: `The new resource (id ${String(id)}) is not among the ${items.length} items the listing returned.`,
          cause: 'missing_from_list',
          evidence: `${describeStep(create!)}\n${describeStep(list)}`,
        });
      }
    }
    return findings;
  },
};

function createdId(step: ExecutedStep, extract: Record<string, string>): unknown {
  const name = Object.keys(extract)[0];
  return name === undefined ? undefined : step.variables[name];
}

/** The listing's items: the body itself, or its first array-valued property (`{ "items": [...] }`). */
function listedItems(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (json === null || typeof json !== 'object') return undefined;
  for (const value of Object.values(json)) if (Array.isArray(value)) return value;
  return undefined;
}

function mentions(item: unknown, id: unknown): boolean {
  if (item === null || typeof item !== 'object') return String(item) === String(id);
  return Object.values(item).some((value) => (typeof value === 'string' || typeof value === 'number') && String(value) === String(id));
}
