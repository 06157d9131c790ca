// Items on sale: list, create, read, update, delete.
import { HttpError, sendJson, sendNoContent } from '../lib/http.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */
/** @typedef {import('../lib/store.mjs').Item} Item */
/** @typedef {import('../lib/store.mjs').Store} Store */

/** @param {Item} item */
export function itemJson(item) {
  const { deleted, ...visible } = item;
  return visible;
}

/** @param {Store} store */
export function liveItems(store) {
  return [...store.items.values()].filter((item) => !item.deleted);
}

/**
 * An item the caller owns and may change; anything else is 404 (never reveal other users' items).
 * @param {Store} store
 * @param {number} id
 * @param {import('../identities.mjs').Account | undefined} user
 */
function ownItem(store, id, user) {
  const item = store.items.get(id);
  if (!item || item.deleted || item.ownerId !== user?.id) throw new HttpError(404, 'not_found', 'Item not found.');
  return item;
}

/** @type {Record<string, Handler>} */
export const itemHandlers = {
  listItems({ res, params, store, defects }) {
    // DEFECT(positive_data_acceptance): a stale category list refuses the documented value "tools".
    if (defects && params.category === 'tools') {
      throw new HttpError(400, 'invalid_parameter', 'query parameter category must be one of: books, games');
    }
    const matching = liveItems(store)
      .filter((item) => params.category === undefined || item.category === params.category)
      .sort((a, b) => b.id - a.id);
    const limit = params.limit ?? 50;
    sendJson(res, 200, matching.slice(0, limit).map(itemJson), { 'x-total-count': String(matching.length) });
  },

  createItem({ res, body, user, store, defects }) {
    const id = store.nextId.item++;
    /** @type {Item} */
    const item = { id, name: body.name, price: body.price, category: body.category, ownerId: /** @type {number} */ (user?.id), createdAt: new Date().toISOString() };
    if (body.description !== undefined) item.description = body.description;
    store.items.set(id, item);
    // DEFECT(response_headers_conformance): the documented Location header is left out.
    sendJson(res, 201, itemJson(item), defects ? {} : { location: `/items/${id}` });
  },

  getItem({ res, params, store, defects }) {
    const item = store.items.get(params.itemId);
    // DEFECT(use_after_free): deletion only sets a flag, and this read ignores it.
    if (!item || (item.deleted && !defects)) throw new HttpError(404, 'not_found', 'Item not found.');
    sendJson(res, 200, itemJson(item));
  },

  updateItem({ res, params, body, operation, user, store, defects }) {
    const item = ownItem(store, params.itemId, user);
    if (defects) {
      // DEFECT(failed_update_side_effect): the patch is checked field by field and every valid field is
      // written at once; the request is refused when any field was bad, but the valid ones stay written.
      const result = operation.body?.check(body);
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
        for (const [name, value] of Object.entries(body)) {
          if (operation.body?.properties[name]?.(value).valid) Object.assign(item, { [name]: value });
        }
      }
      if (result && !result.valid) throw new HttpError(400, 'invalid_body', result.errors[0]?.message ?? 'invalid body');
    } else {
      Object.assign(item, body);
    }
    sendJson(res, 200, itemJson(item));
  },

  deleteItem({ res, params, user, store }) {
    const item = ownItem(store, params.itemId, user);
    const ordered = [...store.orders.values()].some((order) => order.itemId === item.id);
    if (ordered) throw new HttpError(409, 'conflict', 'The item has orders and cannot be deleted.');
    item.deleted = true;
    sendNoContent(res);
  },
};
