// The checks of one run. Made per run (never a module global) so a run can add or drop checks freely.
// To add a check: import it and add one line to the list it belongs to.
import type { Check, ScenarioCheck } from './check.js';
import { bfla } from './bfla.js';
import { bola } from './bola.js';
import { commandInjection, commandInjectionScenario } from './command-injection.js';
import { failedUpdateSideEffect } from './failed-update-side-effect.js';
import { ignoredAuth } from './ignored-auth.js';
import { informationDisclosure } from './information-disclosure.js';
import { nosqlInjection, nosqlInjectionScenario } from './nosql-injection.js';
import { pathTraversal } from './path-traversal.js';
import { promptInjection } from './prompt-injection.js';
import { resourceAvailability } from './resource-availability.js';
import { sqlInjection, sqlInjectionScenario } from './sql-injection.js';
import { ssrf } from './ssrf.js';
import { useAfterFree } from './use-after-free.js';
import { xss } from './xss.js';
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
      ignoredAuth,
      sqlInjection,
      nosqlInjection,
      commandInjection,
      pathTraversal,
      xss,
      promptInjection,
      informationDisclosure,
    ],
    scenarioChecks: [
      useAfterFree,
      resourceAvailability,
      failedUpdateSideEffect,
      bola,
      bfla,
      sqlInjectionScenario,
      nosqlInjectionScenario,
      commandInjectionScenario,
      ssrf,
    ],
  };
}
