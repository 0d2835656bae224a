/**
 * Fetching an Open311 `media_url` (the photo of a report sent by link). Only
 * from a host OPEN311_MEDIA_HOSTS names, exactly; the name is resolved once
 * in the socket's own lookup, the way webhook deliveries connect
 * (webhooks/targets.ts), so a named host may be on a private network on
 * purpose and nothing else can be reached. No redirects are followed, the
 * body is cut at the photo limit, and the whole fetch at a few seconds.
 */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, hostOf } from '../webhooks/targets.js';

export const MEDIA_FETCH_TIMEOUT_MS = 5000;

/** Whether the server fetches this URL at all (http(s), no credentials, a host on the list). */
export function isFetchableMediaUrl(raw: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  return allowedHosts.includes(hostOf(url).toLowerCase());
}

export type MediaFetch = { ok: true; bytes: Buffer } | { ok: false; why: string };

/** GETs the photo; never throws (the answer says why it failed, in words a client can act on). */
export function fetchMedia(raw: string, allowedHosts: readonly string[], maxBytes: number, timeoutMs = MEDIA_FETCH_TIMEOUT_MS): Promise<MediaFetch> {
  if (!isFetchableMediaUrl(raw, allowedHosts)) return Promise.resolve({ ok: false, why: 'the host is not one this server fetches from' });
  const url = new URL(raw);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: MediaFetch) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(answer);
    };
    const req = client.get(url, { lookup: guardedLookup(allowedHosts) as never, headers: { accept: 'image/*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) return done({ ok: false, why: `the server answered HTTP ${status}` });
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) return done({ ok: false, why: `the photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return done({ ok: false, why: `the photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` });
        chunks.push(chunk);
      });
      res.on('end', () => done(size === 0 ? { ok: false, why: 'the answer was empty' } : { ok: true, bytes: Buffer.concat(chunks) }));
      res.on('error', () => done({ ok: false, why: 'the connection broke' }));
    });
    req.on('error', () => done({ ok: false, why: 'the host could not be reached' }));
    const timer = setTimeout(() => done({ ok: false, why: `no answer within ${timeoutMs / 1000} s` }), timeoutMs);
  });
}
