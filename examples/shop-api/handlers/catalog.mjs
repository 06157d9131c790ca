// Public catalogue pages: health, categories, search and the HTML greeting.
import { setTimeout as sleep } from 'node:timers/promises';
import { sendJson, sendText, sendError } from '../lib/http.mjs';
import { runConcatenatedSearch, SqlError } from '../lib/sql.mjs';
import { itemJson, liveItems } from './items.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */

const CATEGORIES = /** @type {const} */ (['books', 'games', 'tools']);
export const SLOW_CATEGORIES_MS = 2500;

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** @type {Record<string, Handler>} */
export const catalogHandlers = {
  getHealth({ res, defects }) {
    // DEFECT(content_type_conformance): plain text where application/json is documented.
    if (defects) sendText(res, 200, 'text/plain', 'OK');
    else sendJson(res, 200, { status: 'ok' });
  },

  async listCategories({ res, store, defects }) {
    // DEFECT(response_time): an unindexed count makes this page slow: 2.5 s, against the config's limit of
    // 2 s, which is far above the few milliseconds every other answer takes even on a busy machine.
    if (defects) await sleep(SLOW_CATEGORIES_MS);
    const items = liveItems(store);
    sendJson(res, 200, CATEGORIES.map((name) => ({ name, itemCount: items.filter((item) => item.category === name).length })));
  },

  async searchItems({ res, params, store, defects }) {
    const text = String(params.q);
    const items = liveItems(store);
    if (!defects) {
      // Parameterized: the text is data, compared as a substring, never parsed as SQL.
      const needle = text.toLowerCase();
      const results = items.filter((item) => item.name.toLowerCase().includes(needle) || item.category === text).sort((a, b) => a.id - b.id);
      sendJson(res, 200, { count: results.length, results: results.map(itemJson) });
      return;
    }
    // DEFECT(sql_injection): the text is concatenated into the SQL; database errors are shown as is.
    try {
      const outcome = runConcatenatedSearch(items, text);
      if (outcome.sleepSeconds > 0) await sleep(outcome.sleepSeconds * 1000);
      sendJson(res, 200, { count: outcome.rows.length, results: outcome.rows.map(itemJson) });
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      sendError(res, 500, 'database_error', `ERROR:  ${error.message}`, {
        extra: { query: `SELECT id, name, price, category FROM items WHERE name ILIKE '%${text}%' OR category = '${text}'` },
      });
    }
  },

  greetingPage({ res, params, defects }) {
    // DEFECT(xss): the name goes into the HTML unescaped.
    const name = defects ? String(params.name) : escapeHtml(String(params.name));
    sendText(res, 200, 'text/html; charset=utf-8', `<!doctype html>\n<html><head><title>Welcome</title></head><body><h1>Hello, ${name}!</h1></body></html>\n`);
  },
};
