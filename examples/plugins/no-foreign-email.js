// A check: no response hands out the e-mail address of another user. One answer can only carry the
// caller's own address; two or more distinct addresses mean someone else's leaked.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export default {
  name: 'no_foreign_email',
  severity: 'high',
  check(exchange) {
    const body = exchange.response?.body ?? '';
    const addresses = [...new Set(body.match(EMAIL) ?? [])];
    if (addresses.length < 2) return [];
    return [
      {
        title: 'Response leaks the e-mail addresses of other users',
        message: `The response carries ${addresses.length} distinct e-mail addresses (${addresses.slice(0, 3).join(', ')}${addresses.length > 3 ? ', ...' : ''}); a caller should see at most their own.`,
        cause: 'several e-mail addresses',
      },
    ];
  },
};
