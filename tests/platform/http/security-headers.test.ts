import { describe, expect, it } from 'vitest';
import { createTestEnv, startServer, useTestServer } from '../../support/db.js';
import { basemapSourceOf, inlineHashesOf } from '../../../server/platform/http/security.js';
import { docsPage } from '../../../server/platform/http/docs.js';

const t = useTestServer();

const cspOf = (res: Response) =>
  Object.fromEntries(
    (res.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  ) as Record<string, string[]>;

describe('security headers', () => {
  it.each(['/api/v1/openapi.json', '/api/v1/no-such-endpoint', '/docs', '/open311/v2/discovery.json'])('%s carries the CSP and the usual headers', async (path) => {
    const res = await fetch(`${t.server.baseUrl}${path}`);
    const csp = cspOf(res);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['style-src']).not.toContain("'unsafe-inline'");
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('strict-transport-security')).toBeNull(); // only under NODE_ENV=production
  });

  it("allows the docs page's inline script and style by their hashes", async () => {
    const csp = cspOf(await fetch(`${t.server.baseUrl}/docs`));
    const scripts = inlineHashesOf(docsPage, 'script');
    const styles = inlineHashesOf(docsPage, 'style');
    expect(scripts.length).toBeGreaterThan(0);
    for (const h of scripts) expect(csp['script-src']).toContain(h);
    for (const h of styles) expect(csp['style-src']).toContain(h);
  });

  it('names the basemap host in img-src and connect-src (a subdomain pattern as a wildcard)', async () => {
    expect(basemapSourceOf('https://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://*.tile.openstreetmap.org');
    expect(basemapSourceOf('https://tiles.example.org:8443/{z}/{x}/{y}.png')).toBe('https://tiles.example.org:8443');
    expect(basemapSourceOf('/tiles/{z}/{x}/{y}.png')).toBeNull();
    expect(basemapSourceOf(null)).toBeNull();

    const env = await createTestEnv();
    env.ctx.config.basemapUrl = 'https://{s}.tiles.example.org/{z}/{x}/{y}.png';
    const server = await startServer(env.ctx);
    try {
      const csp = cspOf(await fetch(`${server.baseUrl}/api/v1/openapi.json`));
      expect(csp['img-src']).toContain('https://*.tiles.example.org');
      expect(csp['connect-src']).toContain('https://*.tiles.example.org');
      expect(cspOf(await fetch(`${t.server.baseUrl}/api/v1/openapi.json`))['img-src']).not.toContain('https://*.tiles.example.org');
    } finally {
      await server.close();
      await env.close();
    }
  });
});

