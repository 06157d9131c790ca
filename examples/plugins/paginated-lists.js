// A check: every successful JSON list is paginated. A bare array cannot say whether more follows; an
// object holding a list must say where the next page is or how many there are, or send a Link header.
const PAGE_FIELDS = ['next', 'nextCursor', 'cursor', 'page', 'pageSize', 'total', 'totalCount', 'limit', 'offset', 'links', '_links'];

export default {
  name: 'paginated_lists',
  severity: 'low',
  check(exchange) {
    const response = exchange.response;
    if (response === undefined || response.status < 200 || response.status > 299 || response.json === undefined) return [];
    if (exchange.request.method !== 'GET') return [];
    const link = response.headers.link;
    if (typeof link === 'string' && /rel="?next/.test(link)) return [];
    const body = response.json;
    if (Array.isArray(body)) {
      return [{ title: 'List is not paginated', message: `The 2xx answer is a bare JSON array of ${body.length} items: no page size, cursor or total, and no Link header.`, cause: 'bare array' }];
    }
    const holdsList = body !== null && typeof body === 'object' && Object.values(body).some(Array.isArray);
    if (holdsList && !PAGE_FIELDS.some((field) => field in body)) {
      return [{ title: 'List is not paginated', message: `The 2xx answer holds a list but none of ${PAGE_FIELDS.join(', ')}, and no Link header.`, cause: 'no page fields' }];
    }
    return [];
  },
};
