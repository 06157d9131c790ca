// The checks of one run. Made per run (never a module global) so a run can add or drop checks freely.
// To add a check: import it and add one line to the list it belongs to.
import type { Check, ScenarioCheck } from './check.js';
import { contentTypeConformance } from './content-type-conformance.js';
import { missingRequiredHeader } from './missing-required-header.js';
import { negativeDataRejection } from './negative-data-rejection.js';
import { positiveDataAcceptance } from './positive-data-acceptance.js';
import { responseHeadersConformance } from './response-headers-conformance.js';
import { responseSchemaConformance } from './response-schema-conformance.js';
import { responseTime } from './response-time.js';
import { serverError } from './server-error.js';
import { statusCodeConformance } from './status-code-conformance.js';
import { unsupportedMethod } from './unsupported-method.js';

export interface CheckRegistry {
  exchangeChecks: Check[];
  scenarioChecks: ScenarioCheck[];
}

export function createCheckRegistry(): CheckRegistry {
  return {
    exchangeChecks: [
      serverError,
      statusCodeConformance,
      contentTypeConformance,
      responseHeadersConformance,
      responseSchemaConformance,
      negativeDataRejection,
      positiveDataAcceptance,
      unsupportedMethod,
      missingRequiredHeader,
      responseTime,
    ],
    scenarioChecks: [],
  };
}
