// Orders, the sales report and shop feedback.
import { HttpError, sendJson } from '../lib/http.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */
/** @typedef {import('../lib/store.mjs').Order} Order */

/** @param {number} amount */
function money(amount) {
  return Math.round(amount * 100) / 100;
}

/** ISO 8601 week of a date: `2026-W02`. */
function isoWeek(date) {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** @type {Record<string, (date: Date) => string>} */
const PERIODS = {
  day: (date) => date.toISOString().slice(0, 10),
  week: isoWeek,
  month: (date) => date.toISOString().slice(0, 7),
};

/** @type {Record<string, Handler>} */
export const orderHandlers = {
  listOrders({ res, user, store }) {
    // With defects, a missing token leaves `user` undefined and every order is listed (ignored_auth).
    const orders = [...store.orders.values()].filter((order) => user === undefined || order.ownerId === user.id);
    sendJson(res, 200, orders.sort((a, b) => b.id - a.id));
  },

  createOrder({ res, params, body, user, store }) {
    const ownerId = /** @type {number} */ (user?.id);
    const key = params['Idempotency-Key'];
    // A repeat is the same key with the same body: it gets the order first created, not a second one.
    const repeat = key === undefined ? undefined : `${ownerId}:${key}:${JSON.stringify(body)}`;
    const replayed = repeat === undefined ? undefined : store.orders.get(store.orderKeys.get(repeat) ?? 0);
    if (replayed) {
      sendJson(res, 201, replayed, { location: `/orders/${replayed.id}` });
      return;
    }
    const item = store.items.get(body.itemId);
    if (!item || item.deleted) throw new HttpError(404, 'not_found', 'Item not found.');
    const id = store.nextId.order++;
    /** @type {Order} */
    const order = { id, itemId: item.id, quantity: body.quantity, total: money(item.price * body.quantity), status: 'placed', ownerId, createdAt: new Date().toISOString() };
    if (body.note !== undefined) order.note = body.note;
    store.orders.set(id, order);
    if (repeat !== undefined) store.orderKeys.set(repeat, id);
    sendJson(res, 201, order, { location: `/orders/${id}` });
  },

  getOrder({ res, params, user, store, defects }) {
    const order = store.orders.get(params.orderId);
    // DEFECT(bola): any authenticated user reads any order; the owner is never compared.
    if (!order || (!defects && order.ownerId !== user?.id)) throw new HttpError(404, 'not_found', 'Order not found.');
    sendJson(res, 200, order);
  },

  salesReport({ res, params, user, store, defects }) {
    const groupBy = params.groupBy ?? 'week';
    // DEFECT(server_error): the weekly grouping (also the default) was dropped from the table, so the
    // lookup below yields undefined and calling it throws a TypeError: a 500.
    const periodOf = defects && groupBy === 'week' ? undefined : PERIODS[groupBy];
    /** @type {Map<string, number>} */
    const totals = new Map();
    for (const order of store.orders.values()) {
      if (order.ownerId !== user?.id) continue;
      const period = /** @type {(date: Date) => string} */ (periodOf)(new Date(order.createdAt));
      totals.set(period, money((totals.get(period) ?? 0) + order.total));
    }
    const buckets = [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([period, total]) => ({ period, total }));
    sendJson(res, 200, { groupBy, buckets });
  },

  sendFeedback({ res, body, user, store, defects }) {
    const feedback = { id: store.nextId.feedback++, rating: body.rating, ...(body.comment === undefined ? {} : { comment: body.comment }) };
    store.feedback.push({ ...feedback, ownerId: /** @type {number} */ (user?.id) });
    // DEFECT(status_code_conformance): 202 Accepted, which the description does not document (201 is).
    sendJson(res, defects ? 202 : 201, feedback);
  },
};
