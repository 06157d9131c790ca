// How a MongoDB-style query matches a document field: a plain value must be equal, an operator object
// (`{"$ne": null}`, `{"$gt": ""}`, `{"$regex": ".*"}`) is evaluated. The defective directory search
// passes the request's JSON straight into such a query, the classic NoSQL injection.

/**
 * @param {unknown} actual the stored field
 * @param {unknown} condition the query's value for that field
 */
export function matchesCondition(actual, condition) {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return actual === condition;
  return Object.entries(condition).every(([operator, operand]) => applyOperator(actual, operator, operand));
}

/**
 * @param {unknown} actual
 * @param {string} operator
 * @param {unknown} operand
 */
function applyOperator(actual, operator, operand) {
  switch (operator) {
    case '$eq': return actual === operand;
    case '$ne': return actual !== operand;
    case '$gt': return compare(actual, operand) > 0;
    case '$gte': return compare(actual, operand) >= 0;
    case '$lt': return compare(actual, operand) < 0;
    case '$lte': return compare(actual, operand) <= 0;
    case '$in': return Array.isArray(operand) && operand.includes(actual);
    case '$nin': return Array.isArray(operand) && !operand.includes(actual);
    case '$exists': return (actual !== undefined) === Boolean(operand);
    case '$regex': {
      try {
        return typeof actual === 'string' && new RegExp(String(operand)).test(actual);
      } catch {
        return false;
      }
    }
    case '$not': return !matchesCondition(actual, operand);
    default: return false;
  }
}

/** BSON-like ordering for the operators above: same types compare by value, otherwise by type name. */
function compare(a, b) {
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  if (b === null || b === undefined) return 1;
  return String(typeof a).localeCompare(String(typeof b));
}
