// /docs: the platform's API as a readable page, rendered on the server from the OpenAPI document (no
// scripts, nothing fetched from elsewhere).
const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderDocsPage(document: Record<string, unknown>): string {
  const paths = document.paths as Record<string, Record<string, { summary?: string; tags?: string[]; responses?: Record<string, unknown> }>>;
  const rows = Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(
      ([method, operation]) =>
        `<tr><td><code>${escape(method.toUpperCase())}</code></td><td><code>${escape(path)}</code></td><td>${escape(operation.summary)}</td><td>${escape(Object.keys(operation.responses ?? {}).join(' '))}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sentinel platform API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}code{font-size:.9rem}</style>
</head><body>
<h1>Sentinel platform API</h1>
<p>OpenAPI 3.1 document: <a href="/openapi.json">/openapi.json</a>. Authenticate with <code>POST /api/v1/auth/login</code>, then send <code>Authorization: Bearer &lt;accessToken&gt;</code> (or an API key as <code>X-API-Key</code>).</p>
<table><thead><tr><th>method</th><th>path</th><th>what it does</th><th>responses</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>
`;
}
