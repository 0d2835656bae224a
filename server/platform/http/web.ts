import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { docsPage } from './docs.js';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * The console (web/dist, built by Vite) at /, the API documentation at /docs.
 * Without a built console, / shows the documentation.
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
  app.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
