/**
 * The API documentation page, served at /docs (and at / when web/dist is not built): plain
 * HTML that reads /api/v1/openapi.json, so it can never go stale. No CDN.
 */
export const docsPage = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tirta Dispatch — Dokumentasi API</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 960px; padding: 1rem; color: #102a43; }
  h1 { font-size: 1.6rem; margin-bottom: 0 } .sub { color: #486581; margin-top: .2rem }
  .op { border: 1px solid #d9e2ec; border-radius: 8px; margin: .6rem 0; padding: .6rem .8rem; }
  .m { display: inline-block; min-width: 4.2em; font-weight: 700; text-transform: uppercase; }
  .get { color: #0b69a3 } .post { color: #1f7a1f } code { font-size: .95em }
  .lock { color: #9f580a; font-size: .85em }
  details summary { cursor: pointer; color: #486581 }
  pre { background: #f0f4f8; padding: .5rem; overflow: auto; font-size: .8rem }
</style>
</head>
<body>
<h1>Tirta Dispatch</h1>
<p class="sub">Layanan laporan kebocoran &amp; penugasan tim URC — dokumentasi API (<a href="/api/v1/openapi.json">OpenAPI JSON</a>).
<br><span lang="en">Leak reports and crew dispatch for water utilities — API documentation.</span></p>
<div id="ops">Memuat… / Loading…</div>
<script>
fetch('/api/v1/openapi.json').then(r => r.json()).then(doc => {
  const root = document.getElementById('ops');
  root.textContent = '';
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const box = document.createElement('div');
      box.className = 'op';
      box.dataset.path = path;
      const head = document.createElement('div');
      const m = document.createElement('span'); m.className = 'm ' + method; m.textContent = method;
      const p = document.createElement('code'); p.textContent = path;
      head.append(m, p);
      if (op.security) { const l = document.createElement('span'); l.className = 'lock'; l.textContent = '  (login)'; head.append(l); }
      const s = document.createElement('div'); s.textContent = op.summary || '';
      const d = document.createElement('details');
      const sum = document.createElement('summary'); sum.textContent = 'schema';
      const pre = document.createElement('pre'); pre.textContent = JSON.stringify({ request: op.requestBody || op.parameters || null, responses: Object.keys(op.responses || {}) }, null, 1);
      d.append(sum, pre);
      box.append(head, s, d);
      root.append(box);
    }
  }
});
</script>
</body>
</html>`;
