// Every lint rule, one per file; this list is the ruleset. Order is the order of the text report.
import { contentTypeAmbiguous } from './testability/content-type-ambiguous.js';
import { enumWithoutType } from './testability/enum-without-type.js';
import { examplesMissing } from './testability/examples-missing.js';
import { linkTargetUnknown } from './testability/link-target-unknown.js';
import { loaderWarning } from './testability/loader-warning.js';
import { operationDescriptionMissing } from './testability/operation-description-missing.js';
import { operationIdDuplicate } from './testability/operation-id-duplicate.js';
import { operationIdMissing } from './testability/operation-id-missing.js';
import { operationSummaryMissing } from './testability/operation-summary-missing.js';
import { operationTagsMissing } from './testability/operation-tags-missing.js';
import { parameterConstraintsMissing } from './testability/parameter-constraints-missing.js';
import { parameterDescriptionMissing } from './testability/parameter-description-missing.js';
import { pathParameterUndeclared } from './testability/path-parameter-undeclared.js';
import { pathParameterUnused } from './testability/path-parameter-unused.js';
import { requestBodySchemaMissing } from './testability/request-body-schema-missing.js';
import { requestBodyUnexpected } from './testability/request-body-unexpected.js';
import { response4xxMissing } from './testability/response-4xx-missing.js';
import { responseSchemaMissing } from './testability/response-schema-missing.js';
import { responseSuccessMissing } from './testability/response-success-missing.js';
import { schemaTypeMissing } from './testability/schema-type-missing.js';
import { securitySchemeUndefined } from './testability/security-scheme-undefined.js';
import { serversMissing } from './testability/servers-missing.js';
import { additionalPropertiesOpen } from './owasp/additional-properties-open.js';
import { apiKeyInQuery } from './owasp/api-key-in-query.js';
import { arrayUnbounded } from './owasp/array-unbounded.js';
import { authSchemeInsecure } from './owasp/auth-scheme-insecure.js';
import { authUrlInsecure } from './owasp/auth-url-insecure.js';
import { credentialsInQuery } from './owasp/credentials-in-query.js';
import { forbiddenResponseMissing } from './owasp/forbidden-response-missing.js';
import { httpServer } from './owasp/http-server.js';
import { numberUnbounded } from './owasp/number-unbounded.js';
import { oauthFlowDeprecated } from './owasp/oauth-flow-deprecated.js';
import { rateLimitHeadersMissing } from './owasp/rate-limit-headers-missing.js';
import { rateLimitResponseMissing } from './owasp/rate-limit-response-missing.js';
import { sequentialIdPath } from './owasp/sequential-id-path.js';
import { serverEnvironmentUndeclared } from './owasp/server-environment-undeclared.js';
import { stringUnbounded } from './owasp/string-unbounded.js';
import { unauthorizedResponseMissing } from './owasp/unauthorized-response-missing.js';
import { urlParameterUnrestricted } from './owasp/url-parameter-unrestricted.js';
import { urlPropertyUnrestricted } from './owasp/url-property-unrestricted.js';
import { validationErrorMissing } from './owasp/validation-error-missing.js';
import { writeWithoutSecurity } from './owasp/write-without-security.js';
import type { LintRule } from '../types.js';

export const LINT_RULES: readonly LintRule[] = Object.freeze([
  contentTypeAmbiguous,
  enumWithoutType,
  examplesMissing,
  linkTargetUnknown,
  loaderWarning,
  operationDescriptionMissing,
  operationIdDuplicate,
  operationIdMissing,
  operationSummaryMissing,
  operationTagsMissing,
  parameterConstraintsMissing,
  parameterDescriptionMissing,
  pathParameterUndeclared,
  pathParameterUnused,
  requestBodySchemaMissing,
  requestBodyUnexpected,
  response4xxMissing,
  responseSchemaMissing,
  responseSuccessMissing,
  schemaTypeMissing,
  securitySchemeUndefined,
  serversMissing,
  additionalPropertiesOpen,
  apiKeyInQuery,
  arrayUnbounded,
  authSchemeInsecure,
  authUrlInsecure,
  credentialsInQuery,
  forbiddenResponseMissing,
  httpServer,
  numberUnbounded,
  oauthFlowDeprecated,
  rateLimitHeadersMissing,
  rateLimitResponseMissing,
  sequentialIdPath,
  serverEnvironmentUndeclared,
  stringUnbounded,
  unauthorizedResponseMissing,
  urlParameterUnrestricted,
  urlPropertyUnrestricted,
  validationErrorMissing,
  writeWithoutSecurity,
]);
