// The seeded defects as data: what each is, the Sentinel check that must report it, and the operation
// the finding names. The e2e tests assert every row; examples/README.md shows the same table.

/**
 * @typedef {{ check: string, operations: string[], agent: string, defect: string }} SeededDefect
 * `operations`: the operation the finding must name. A scenario finding names the operation its scenario
 * is about; for a resource lifecycle any operation of that resource is the same defect, so all are listed.
 */

/** @type {readonly SeededDefect[]} */
export const SEEDED_DEFECTS = Object.freeze([
  // Functional checks (positive and negative agents).
  { check: 'server_error', operations: ['GET /reports/sales'], agent: 'positive', defect: 'The weekly grouping (the default) throws a TypeError: 500.' },
  { check: 'status_code_conformance', operations: ['POST /feedback'], agent: 'positive', defect: 'Answers 202, which is not documented (201 is).' },
  { check: 'content_type_conformance', operations: ['GET /health'], agent: 'positive', defect: 'Answers text/plain where application/json is documented.' },
  { check: 'response_headers_conformance', operations: ['POST /items'], agent: 'positive', defect: 'The required Location header is missing from the 201.' },
  { check: 'response_schema_conformance', operations: ['GET /users/{userId}'], agent: 'positive', defect: 'joinedAt is epoch seconds (a number), not a date-time string.' },
  { check: 'negative_data_rejection', operations: ['POST /orders'], agent: 'negative', defect: 'quantity above its maximum (100) is accepted.' },
  { check: 'positive_data_acceptance', operations: ['GET /items'], agent: 'positive', defect: 'category=tools, a documented enum value, is refused with 400.' },
  { check: 'unsupported_method', operations: ['GET /health'], agent: 'negative', defect: '/health answers every method with 200 instead of 405 + Allow.' },
  { check: 'missing_required_header', operations: ['POST /orders'], agent: 'negative', defect: 'The required Idempotency-Key header is never enforced.' },
  { check: 'response_time', operations: ['GET /categories'], agent: 'positive', defect: 'Takes 2.5 s (the config limit is 2 s; other answers take milliseconds).' },
  // Stateful, authorization and injection checks.
  { check: 'use_after_free', operations: ['POST /items', 'GET /items/{itemId}', 'DELETE /items/{itemId}'], agent: 'stateful', defect: 'A deleted item is still readable (the read ignores the deleted flag).' },
  { check: 'resource_availability', operations: ['POST /webhooks', 'GET /webhooks/{webhookId}'], agent: 'stateful', defect: 'A webhook just created is never found (stored under a string key, looked up by number).' },
  { check: 'failed_update_side_effect', operations: ['PATCH /items/{itemId}'], agent: 'stateful', defect: 'A refused patch (400) still writes its valid fields.' },
  { check: 'ignored_auth', operations: ['GET /orders'], agent: 'auth', defect: 'Without credentials it answers 200 with every order.' },
  { check: 'ignored_auth', operations: ['GET /users/me'], agent: 'auth', defect: 'The JWT is decoded, never verified: alg none, a changed signature or a past exp pass.' },
  { check: 'bola', operations: ['GET /orders/{orderId}'], agent: 'auth', defect: "Bob reads Alice's order: the owner is never compared." },
  { check: 'bfla', operations: ['GET /admin/users'], agent: 'auth', defect: 'Bob (role user) lists every account: the admin role is not checked.' },
  { check: 'sql_injection', operations: ['GET /search'], agent: 'injection', defect: "q is concatenated into SQL: quotes give PostgreSQL errors, ' OR '1'='1 returns every row." },
  { check: 'nosql_injection', operations: ['POST /directory/search'], agent: 'injection', defect: 'username {"$ne": null} goes into a Mongo-style query and matches every user.' },
  { check: 'command_injection', operations: ['GET /tools/ping'], agent: 'injection', defect: 'host is pasted into a (simulated) shell line: ;echo, |echo, $(...) run; sleep delays (at most 1 s).' },
  { check: 'path_traversal', operations: ['GET /files/download'], agent: 'injection', defect: 'name is decoded and resolved against the folder: ../../etc/passwd (any encoding) returns a passwd file (simulated).' },
  { check: 'xss', operations: ['GET /pages/greeting'], agent: 'injection', defect: 'name is written into the text/html page unescaped.' },
  { check: 'ssrf', operations: ['POST /webhooks'], agent: 'injection', defect: 'The url is fetched by the server on registration (loopback targets only, in this example).' },
  { check: 'prompt_injection', operations: ['POST /chat'], agent: 'injection', defect: 'The fake LLM obeys "ignore previous instructions", reveals its system prompt and repeats tokens.' },
  { check: 'information_disclosure', operations: ['GET /users/{userId}'], agent: 'any', defect: 'A non-numeric id answers 400 with a stack trace and internal file paths.' },
]);

/**
 * Findings that follow from a seeded defect and that other checks rightly report too. Anything Sentinel
 * reports against the defective API beyond SEEDED_DEFECTS and these is a false alarm.
 * @type {readonly { check: string, operation: string, because: string }[]}
 */
export const CONSEQUENCES = Object.freeze([
  { check: 'negative_data_rejection', operation: 'POST /directory/search', because: 'the body is not validated at all (the nosql_injection defect)' },
  { check: 'response_schema_conformance', operation: 'POST /orders', because: 'an order accepted with quantity above 100 no longer matches the Order schema' },
  { check: 'response_schema_conformance', operation: 'GET /orders', because: 'an order accepted with quantity above 100 no longer matches the Order schema' },
  { check: 'response_schema_conformance', operation: 'GET /orders/{orderId}', because: 'an order accepted with quantity above 100 no longer matches the Order schema' },
  { check: 'server_error', operation: 'GET /search', because: 'a broken SQL statement is a 500 (the sql_injection defect)' },
  { check: 'information_disclosure', operation: 'GET /search', because: 'the 500 shows the SQL statement (the sql_injection defect)' },
]);
