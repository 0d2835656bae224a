import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';
import { docsPage } from './docs.js';

/** 'sha256-…' of each inline <script> or <style> body of a page (the docs page's, allowed by hash, not 'unsafe-inline'). */
export function inlineHashesOf(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`);
}

/**
 * The CSP source of the configured basemap: its scheme and host, with a
 * subdomain pattern ({a-c}, {s}) as a wildcard; none for a same-origin
 * (/path) or no basemap.
 */
export function basemapSourceOf(basemapUrl: string | null): string | null {
  const m = basemapUrl ? /^(https?:\/\/)([^/]+)/i.exec(basemapUrl) : null;
  if (!m) return null;
  const host = m[2].replace(/\{[^}]*\}/g, '*').replace(/^(\*[^.]*)+\./, '*.');
  return `${m[1]}${host}`;
}

/**
 * Security headers (helmet) on every answer, with a Content-Security-Policy
 * the console and the docs page run under: scripts and styles from this origin
 * only (the docs page's inline ones by hash), images from here, data:/blob:
 * (OpenLayers' canvases) and the basemap's host, which is also allowed for
 * fetches; workers from here or blob:; no plugins, no framing, no foreign
 * form targets. No upgrade-insecure-requests (a plain-http install on a LAN
 * would break); HSTS only under NODE_ENV=production.
 */
export function securityHeaders(config: Pick<Config, 'basemapUrl' | 'production'>): RequestHandler {
  const basemap = basemapSourceOf(config.basemapUrl);
  const extra = basemap ? [basemap] : [];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineHashesOf(docsPage, 'script')],
        styleSrc: ["'self'", ...inlineHashesOf(docsPage, 'style')],
        imgSrc: ["'self'", 'data:', 'blob:', ...extra],
        connectSrc: ["'self'", ...extra],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: config.production ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    // The console's tiles and the API's photos are read by this origin only.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
