// A create that answers the new identifier only in its `Location` header (`/items/42`, or a whole URL
// under some base path): a path parameter needs the bare id, so the header is read through a pattern over
// the consumer's path template (`$response.header.Location#regex:/items/([^/?#]+)/?(?:[?#]|$)`), the
// same extraction form and pattern builder the load engine uses.
import { locationPattern } from '../../core/extract-pattern.js';

const BARE_LOCATION = /^\$response\.header\.location$/i;

/** The expression that gives `parameter`'s value from a Location pointing at `pathTemplate`. */
export function locationIdSource(pathTemplate: string, parameter: string): string {
  return `$response.header.Location#regex:${locationPattern(pathTemplate, parameter)}`;
}

/**
 * The expression to bind a path parameter with: a bare `$response.header.Location` (from a link, say)
 * becomes the pattern over the consumer's path; any other expression already gives a bare value.
 */
export function pathParameterSource(expression: string, pathTemplate: string, parameter: string): string {
  return BARE_LOCATION.test(expression) ? locationIdSource(pathTemplate, parameter) : expression;
}

/** False only for a whole Location header, which holds a URL rather than an identifier. */
export function givesBareValue(expression: string): boolean {
  return !BARE_LOCATION.test(expression);
}
