import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { docsPage } from './docs.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * The console (web/dist, built by Vite) at /, the API documentation at /docs.
 * Hashed assets are cached for a year; the page, the service worker and the
 * manifest are revalidated on every load, so a new build reaches the phones.
 * Source maps are not built, and none would be served. Without a built
 * console, / shows the documentation.
 */
export function mountWeb(app: Express): void {
  app.get('/docs', (_req, res) => {
    res.type('html').send(docsPage);
  });
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('html').send(docsPage);
    });
    return;
  }
  app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  const sendIndex = (_req: express.Request, res: express.Response) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  // The top-level files of the build: sw.js, workbox-*.js, manifest.webmanifest, icons.
  const topLevel = fs.readdirSync(webDist).filter((name) => /\.(js|webmanifest|svg|png)$/.test(name));
  for (const name of topLevel) {
    app.get(`/${name}`, (_req, res) => {
      res.set('Cache-Control', 'no-cache');
      if (name === 'sw.js') res.set('Service-Worker-Allowed', '/');
      res.sendFile(path.join(webDist, name));
    });
  }
}
