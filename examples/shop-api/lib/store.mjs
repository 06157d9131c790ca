// In-memory state of one server: each startExampleApi() gets a fresh, seeded store, so runs never
// influence each other.
import { ACCOUNTS } from '../identities.mjs';

/**
 * @typedef {{ id: number, name: string, price: number, category: 'books' | 'games' | 'tools', description?: string,
 *   ownerId: number, createdAt: string, deleted?: boolean }} Item
 * @typedef {{ id: number, itemId: number, quantity: number, note?: string, total: number, status: 'placed' | 'shipped',
 *   ownerId: number, createdAt: string }} Order
 * @typedef {{ id: number, url: string, event: string, ownerId: number, createdAt: string }} Webhook
 * @typedef {{ id: number, rating: number, comment?: string, ownerId: number }} Feedback
 */

const SEEDED_AT = '2026-01-05T10:00:00.000Z';

/** @returns {Item[]} */
function seedItems() {
  /** @type {[string, number, Item['category'], string][]} */
  const rows = [
    ['Paper notebook', 4.5, 'books', 'A5, dotted pages'],
    ['Chess set', 39.9, 'games', 'Wooden pieces, folding board'],
    ['Claw hammer', 18, 'tools', '450 g, fibreglass handle'],
    ['Pocket atlas', 12.75, 'books', 'Maps of every country'],
    ['Jigsaw puzzle', 15, 'games', '1000 pieces'],
    ['Screwdriver kit', 22.4, 'tools', '32 bits and a magnetic holder'],
  ];
  return rows.map(([name, price, category, description], index) => ({
    id: index + 1, name, price, category, description, ownerId: 1, createdAt: SEEDED_AT,
  }));
}

export function createStore() {
  const items = new Map(seedItems().map((item) => [item.id, item]));
  /** @type {Map<number, Order>} */
  const orders = new Map([
    [1, { id: 1, itemId: 1, quantity: 2, total: 9, status: 'shipped', ownerId: 1, createdAt: SEEDED_AT }],
    [2, { id: 2, itemId: 2, quantity: 1, total: 39.9, status: 'placed', ownerId: 2, createdAt: SEEDED_AT }],
  ]);
  /** Webhooks are keyed by their id as a string (see the resource_availability defect in webhooks.mjs). */
  /** @type {Map<string, Webhook>} */
  const webhooks = new Map([
    ['1', { id: 1, url: 'https://hooks.example.com/orders', event: 'order.created', ownerId: 1, createdAt: SEEDED_AT }],
    ['2', { id: 2, url: 'https://hooks.example.com/payments', event: 'order.paid', ownerId: 1, createdAt: SEEDED_AT }],
  ]);
  return {
    users: ACCOUNTS,
    items,
    orders,
    webhooks,
    /** @type {Map<string, number>} owner, Idempotency-Key and body → the order they created. */
    orderKeys: new Map(),
    /** @type {Feedback[]} */
    feedback: [],
    nextId: { item: items.size + 1, order: orders.size + 1, webhook: webhooks.size + 1, feedback: 1 },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
