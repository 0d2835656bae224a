/**
 * Property: whatever a citizen (POST /api/v1/reports, multipart) or an operator
 * (POST /api/v1/tickets, multipart or JSON) sends, the answer is never a 500,
 * and a refused request leaves no ticket, event, photo row or photo file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideArea, sharpPhoto } from '../support/db.js';
import { fcOptions, footprint, nastyJson, nastyText, SEED, usePropertyFrame } from './support.js';

const f = usePropertyFrame();

const intakeFields = ['lat', 'lon', 'description', 'name', 'phone', 'address', 'category', 'previous_number', 'jurisdiction_id', 'source'] as const;

/** A plausible form with one to three fields made hostile (nasty text) or left out, so most runs get past the first check. */
function fieldsArbitrary(plausible: Record<string, () => string>) {
  return fc
    .tuple(fc.subarray([...intakeFields], { minLength: 1, maxLength: 3 }), fc.array(fc.option(nastyText, { nil: undefined, freq: 5 }), { minLength: 3, maxLength: 3 }))
    .map(([hostile, values]) => {
      const fields: Record<string, string> = Object.fromEntries(Object.entries(plausible).map(([k, make]) => [k, make()]));
      hostile.forEach((name, i) => {
        const v = values[i];
        if (v === undefined) delete fields[name];
        else fields[name] = v;
      });
      return fields;
    });
}

const plausible: Record<string, () => string> = {
  lat: () => String(insideArea.lat),
  lon: () => String(insideArea.lon),
  description: () => 'Pipa bocor di depan rumah',
  name: () => 'Andi',
  phone: () => '0812-3456-7890',
  address: () => 'Jl. Contoh 1',
  category: () => 'visible_leak',
  previous_number: () => 'LK-2026-000001',
  source: () => 'call_centre',
  jurisdiction_id: () => f.env.utility.code,
};

type PhotoKind = 'none' | 'valid' | 'empty' | 'garbage' | 'truncated' | 'twice';
const photoKind = fc.constantFrom<PhotoKind>('none', 'valid', 'valid', 'empty', 'garbage', 'truncated', 'twice');

function formOf(fields: Record<string, string>, kind: PhotoKind, photo: Buffer, withJurisdiction: string | null): FormData {
  const body = new FormData();
  if (withJurisdiction !== null && !('jurisdiction_id' in fields)) body.set('jurisdiction_id', withJurisdiction);
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const blob = (b: Uint8Array<ArrayBuffer>) => new Blob([b], { type: 'image/jpeg' });
  if (kind === 'valid') body.set('photo', blob(new Uint8Array(photo)), 'leak.jpg');
  if (kind === 'empty') body.set('photo', blob(new Uint8Array()), 'leak.jpg');
  if (kind === 'garbage') body.set('photo', blob(new TextEncoder().encode('not a jpeg at all')), 'leak.jpg');
  if (kind === 'truncated') body.set('photo', blob(new Uint8Array(photo.subarray(0, Math.floor(photo.length / 3)))), 'leak.jpg');
  if (kind === 'twice') {
    body.append('photo', blob(new Uint8Array(photo)), 'a.jpg');
    body.append('photo', blob(new Uint8Array(photo)), 'b.jpg');
  }
  return body;
}

async function checkOne(send: () => Promise<Response>): Promise<void> {
  const before = await footprint(f);
  const res = await send();
  const text = await res.text();
  expect(res.status, `seed ${SEED}: ${text.slice(0, 300)}`).not.toBe(500);
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) expect(await footprint(f), `refused with ${res.status} but wrote something: ${text.slice(0, 200)}`).toBe(before);
}

describe('property: intake never answers 500 and a refusal writes nothing', () => {
  it('POST /api/v1/reports (citizen, multipart)', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArbitrary(plausible), photoKind, fc.option(nastyText, { nil: undefined }), fc.nat(), async (fields, kind, key, photoSeed) => {
        // A new photo each run: a refused request that kept its file would show as one more file.
        const photo = await sharpPhoto(photoSeed);
        await checkOne(() =>
          fetch(`${f.baseUrl}/api/v1/reports`, {
            method: 'POST',
            body: formOf(fields, kind, photo, f.env.utility.code),
            headers: key !== undefined && /^[\x20-\x7e]*$/.test(key) ? { 'Idempotency-Key': key } : {},
          }),
        );
      }),
      fcOptions(60),
    );
  }, 120_000);

  it('POST /api/v1/tickets (staff entry, multipart and JSON)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fieldsArbitrary(plausible), photoKind, fc.dictionary(nastyText, nastyJson, { maxKeys: 3 }), fc.nat(), async (json, fields, kind, extra, photoSeed) => {
        const photo = await sharpPhoto(photoSeed);
        const headers = { authorization: `Bearer ${f.tokens.operator}` };
        await checkOne(() =>
          json
            ? fetch(`${f.baseUrl}/api/v1/tickets`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ...extra, ...fields }) })
            : fetch(`${f.baseUrl}/api/v1/tickets`, { method: 'POST', headers, body: formOf(fields, kind, photo, null) }),
        );
      }),
      fcOptions(50),
    );
  }, 120_000);
});
