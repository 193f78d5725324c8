const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

function renderOperation(method: string, path: string, op: Operation): string {
  const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
  const params = (op.parameters ?? [])
    .map(
      (p) => `<li><code>${escape(p.name)}</code> in ${p.in}${p.required ? ' (required)' : ''}</li>`,
    )
    .join('');
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const schema = r.content ? Object.values(r.content)[0]?.schema : undefined;
      const shown = schema ? `<pre>${escape(JSON.stringify(schema, null, 2))}</pre>` : '';
      return `<li><strong>${status}</strong> ${escape(r.description)}${shown}</li>`;
    })
    .join('');
  return `<section id="${escape(method + path)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(op.summary ?? '')}${op.security ? ' — <em>requires sign-in</em>' : ''}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${body ? `<h4>Body (${escape(body[0])})</h4><pre>${escape(JSON.stringify(body[1].schema, null, 2))}</pre>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
}

/** Renders the OpenAPI document as one self-contained HTML page (no external assets). */
export function renderReferencePage(doc: {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  const sections = [...byTag.entries()]
    .map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.info.title)} reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
pre{background:#f4f5f7;padding:.75rem;overflow:auto;font-size:13px}section{border-top:1px solid #ddd;padding:.5rem 0}
.m{font:600 12px monospace;padding:2px 6px;border-radius:3px;color:#fff;background:#555}.get{background:#1f6feb}
.post{background:#1a7f37}.put,.patch{background:#9a6700}.delete{background:#cf222e}</style></head><body>
<h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description ?? '')} The machine-readable document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${sections}</body></html>`;
}
