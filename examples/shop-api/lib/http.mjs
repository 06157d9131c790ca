// Response helpers shared by every handler: JSON bodies, text bodies and the API's error shape.

/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} contentType
 * @param {string} text
 */
export function sendText(res, status, contentType, text) {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** @param {ServerResponse} res */
export function sendNoContent(res) {
  res.writeHead(204);
  res.end();
}

/**
 * The documented `Error` shape. `extra` carries additional fields (the schema leaves room for them).
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} code
 * @param {string} message
 * @param {{ headers?: Record<string, string>, extra?: Record<string, unknown> }} [options]
 */
export function sendError(res, status, code, message, options = {}) {
  sendJson(res, status, { code, message, ...options.extra }, options.headers);
}

/** Thrown by handlers to answer with the Error shape; the dispatcher turns it into a response. */
export class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
