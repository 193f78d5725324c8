/** The page at `/` until the web client is served there. */
export const landingPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Carillon</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}</style>
</head><body><h1>Carillon</h1>
<p>This Carillon server is running. Its HTTP API is described in the
<a href="/api/docs">API reference</a> (machine-readable: <a href="/api/openapi.json">openapi.json</a>).</p>
<p>Health: <a href="/api/health">/api/health</a></p></body></html>`;
