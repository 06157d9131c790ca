// Webhook subscriptions. Deliveries are queued for a worker that the example does not run: the clean
// API never makes an outgoing request.
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { HttpError, sendJson, sendNoContent } from '../lib/http.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */
/** @typedef {import('../lib/store.mjs').Webhook} Webhook */

/** @param {Webhook} webhook */
function webhookJson(webhook) {
  const { ownerId, ...visible } = webhook;
  return visible;
}

/** The example only ever fetches its own machine, so the SSRF defect cannot reach any other host. */
function isLoopback(url) {
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * One GET to the URL, body discarded; resolves when answered, failed or after 3 s. Plain node:http, so
 * no client library has to load first on a busy machine.
 * @param {string} url
 */
function verifyUrl(url) {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    try {
      const request = get(url, { timeout: 3000 }, (response) => {
        response.resume();
        response.on('end', () => resolve(undefined));
        response.on('error', () => resolve(undefined));
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(undefined));
    } catch {
      // Not an http(s) URL node:http can send (ftp:, bad characters): nothing was fetched.
      resolve(undefined);
    }
  });
}

/** @type {Record<string, Handler>} */
export const webhookHandlers = {
  listWebhooks({ res, user, store }) {
    sendJson(res, 200, [...store.webhooks.values()].filter((webhook) => webhook.ownerId === user?.id).map(webhookJson));
  },

  async createWebhook({ res, body, user, store, defects }) {
    const id = store.nextId.webhook++;
    /** @type {Webhook} */
    const webhook = { id, url: body.url, event: body.event, ownerId: /** @type {number} */ (user?.id), createdAt: new Date().toISOString() };
    store.webhooks.set(String(id), webhook);
    // DEFECT(ssrf): the URL is "verified" with a request sent from the server, to wherever it points.
    if (defects && isLoopback(body.url)) await verifyUrl(body.url);
    sendJson(res, 201, webhookJson(webhook), { location: `/webhooks/${id}` });
  },

  getWebhook({ res, params, user, store, defects }) {
    // DEFECT(resource_availability): webhooks are stored under string keys but looked up by number, so a
    // webhook just created is never found.
    const webhook = store.webhooks.get(defects ? params.webhookId : String(params.webhookId));
    if (!webhook || webhook.ownerId !== user?.id) throw new HttpError(404, 'not_found', 'Webhook not found.');
    sendJson(res, 200, webhookJson(webhook));
  },

  deleteWebhook({ res, params, user, store }) {
    const webhook = store.webhooks.get(String(params.webhookId));
    if (!webhook || webhook.ownerId !== user?.id) throw new HttpError(404, 'not_found', 'Webhook not found.');
    store.webhooks.delete(String(params.webhookId));
    sendNoContent(res);
  },
};
