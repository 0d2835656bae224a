/**
 * Property: every ticket transition endpoint and every query parameter of
 * every GET endpoint (both lists read from the OpenAPI document the server
 * publishes, so a new endpoint is covered without editing this file) never
 * answers 500, and a refused transition changes no ticket, event or photo.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeLoosely, fcOptions, footprint, nastyJson, nastyText, SEED, usePropertyFrame } from './support.js';

const f = usePropertyFrame();

const bodyKeys = ['reason', 'note', 'crewId', 'crew_id', 'priority', 'at', 'lat', 'lon', 'explanation', 'status', 'spkNumber', 'estimatedMinutes', 'photo', 'date'];

function transitionPaths(): string[] {
  return Object.entries(f.openapi.paths)
    .filter(([p, ops]) => /^\/api\/v1\/tickets\/\{id\}\/[a-z]+$/.test(p) && ops.post)
    .map(([p]) => p);
}

function getEndpoints(): { path: string; query: string[]; pathParams: string[] }[] {
  return Object.entries(f.openapi.paths)
    .filter(([, ops]) => ops.get)
    .map(([p, ops]) => ({
      path: p,
      query: (ops.get.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
      pathParams: (ops.get.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name),
    }));
}

/** A path parameter: a real id or number of this utility, or anything. */
const pathValue = () => fc.oneof(fc.constantFrom(...f.ticketIds.map(String), ...f.ticketNumbers, String(f.env.crews[0])), fc.integer({ min: -5, max: 2 ** 31 + 5 }).map(String), nastyText);

describe('property: no endpoint answers 500', () => {
  it('covers every transition and GET endpoint the OpenAPI document lists', () => {
    expect(transitionPaths().length).toBeGreaterThanOrEqual(10);
    expect(getEndpoints().filter((e) => e.query.length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it('every transition endpoint, any id, any JSON or form body, any staff role: never 500; a refusal writes nothing', async () => {
    const paths = transitionPaths();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        pathValue(),
        fc.constantFrom<keyof typeof f.tokens>('admin', 'operator', 'dispatcher', 'kasie', 'crew1'),
        fc.oneof(fc.dictionary(fc.constantFrom(...bodyKeys), nastyJson, { maxKeys: 4 }), nastyJson),
        fc.boolean(),
        async (p, id, role, body, asForm) => {
          const idPart = encodeLoosely(id, false);
          if (idPart === null) return;
          const url = `${f.baseUrl}${p.replace('{id}', idPart)}`;
          const headers: Record<string, string> = { authorization: `Bearer ${f.tokens[role]}` };
          let init: RequestInit;
          if (asForm && body && typeof body === 'object' && !Array.isArray(body)) {
            const form = new FormData();
            for (const [k, v] of Object.entries(body)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
            if (Math.abs(JSON.stringify(body).length) % 2 === 0) form.set('photo', new Blob([new Uint8Array(f.photo)], { type: 'image/jpeg' }), 'fixed.jpg');
            init = { method: 'POST', headers, body: form };
          } else {
            init = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) ?? 'null' };
          }
          const before = await footprint(f);
          const res = await fetch(url, init);
          const text = await res.text();
          expect(res.status, `seed ${SEED} ${p} as ${role}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await footprint(f), `${p} refused with ${res.status} but wrote: ${text.slice(0, 200)}`).toBe(before);
        },
      ),
      fcOptions(100),
    );
  }, 180_000);

  it('every query parameter of every GET endpoint, any value (encoded or raw): never 500', async () => {
    const endpoints = getEndpoints();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        fc.array(fc.tuple(nastyText, fc.boolean()), { minLength: 1, maxLength: 6 }),
        fc.array(pathValue(), { minLength: 2, maxLength: 2 }),
        fc.constantFrom<keyof typeof f.tokens>('admin', 'admin', 'dispatcher', 'crew1'),
        async (endpoint, values, pathValues, role) => {
          let p = endpoint.path;
          for (const [i, name] of endpoint.pathParams.entries()) {
            const v = encodeLoosely(pathValues[i % 2], false);
            if (v === null) return;
            p = p.replace(`{${name}}`, v);
          }
          const pairs: string[] = [];
          for (const [i, name] of endpoint.query.entries()) {
            const [value, raw] = values[i % values.length];
            if ((i + value.length) % 3 === 2) continue; // leave some parameters out
            const v = name === 'jurisdiction_id' && value === '' ? f.env.utility.code : encodeLoosely(value, raw);
            if (v !== null) pairs.push(`${name}=${v}`);
          }
          if (endpoint.query.includes('jurisdiction_id') && !pairs.some((q) => q.startsWith('jurisdiction_id='))) pairs.push(`jurisdiction_id=${f.env.utility.code}`);
          const url = `${f.baseUrl}${p}${pairs.length ? `?${pairs.join('&')}` : ''}`;
          const res = await fetch(url, { headers: { authorization: `Bearer ${f.tokens[role]}` } });
          const text = await res.text();
          expect(res.status, `seed ${SEED} GET ${url.slice(f.baseUrl.length, 400)}: ${text.slice(0, 300)}`).toBeLessThan(500);
        },
      ),
      fcOptions(150),
    );
  }, 180_000);
});
