/**
 * One Open311 XML exchange per endpoint, request and answer as they go over
 * the wire, against the real server: what a client (FixMyStreet among them)
 * sees. Printed, and written to .data/open311-exchange.txt for the notes.
 * Each answer is also checked (status, content type, root element).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharpPhoto, useTestServer } from '../support/db.js';
import { addKelurahan, fixTicket, newKey } from './support.js';

const t = useTestServer({ crews: 1 });
let key: string;
let photoHost: http.Server;
let photoBase = '';
const transcript: string[] = [];

beforeAll(async () => {
  await addKelurahan(t.env);
  key = await newKey(t.env, 'FixMyStreet Makassar');
  const photo = await sharpPhoto(901);
  photoHost = http.createServer((req, res) => (req.url === '/photo/77.full.jpeg' ? res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photo) : res.writeHead(404).end()));
  await new Promise<void>((resolve) => photoHost.listen(0, '127.0.0.1', resolve));
  photoBase = `http://127.0.0.1:${(photoHost.address() as AddressInfo).port}`;
  t.env.ctx.config.open311MediaHosts = ['127.0.0.1'];
});
afterAll(async () => {
  t.env.ctx.config.open311MediaHosts = [];
  await new Promise<void>((resolve) => photoHost.close(() => resolve()));
  const out = path.join(process.cwd(), '.data', 'open311-exchange.txt');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, transcript.join('\n'));
  console.log(transcript.join('\n'));
});

/** One exchange: the request line (and form), the status line, the content type and the XML answer. */
async function exchange(method: 'GET' | 'POST', pathAndQuery: string, form?: Record<string, string>) {
  const shown = pathAndQuery.replace(key, 'o311_…');
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const res = await fetch(`${t.server.baseUrl}/open311/v2/${pathAndQuery}`, {
    method,
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {},
    body,
  });
  const xml = await res.text();
  transcript.push(
    `### ${method} /open311/v2/${shown.split('?')[0]}`,
    '',
    '```http',
    `${method} /open311/v2/${shown} HTTP/1.1`,
    ...(form ? ['Content-Type: application/x-www-form-urlencoded; charset=utf-8', '', body!.replace(encodeURIComponent(key), 'o311_…').replace(key, 'o311_…')] : []),
    '```',
    '',
    '```http',
    `HTTP/1.1 ${res.status} ${res.statusText}`,
    `Content-Type: ${res.headers.get('content-type')}`,
    '',
    xml.trimEnd(),
    '```',
    '',
  );
  return { status: res.status, contentType: res.headers.get('content-type'), xml };
}

const j = () => `jurisdiction_id=${t.env.utility.code}`;
const textOf = (xml: string, element: string) => new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1] ?? '';

describe('an Open311 XML exchange for every endpoint', () => {
  it('discovery, services, a definition, POSTs (position, address, photo link), tokens, requests, updates both ways, and an error', async () => {
    t.env.clock.set('2026-11-23T05:00:00Z'); // 13:00 WITA
    const root = (xml: string) => /<\?xml[^>]*\?>\s*<([a-z_]+)/.exec(xml)?.[1];
    const discovery = await exchange('GET', `discovery.xml?${j()}`);
    expect([discovery.status, root(discovery.xml)]).toEqual([200, 'discovery']);
    const services = await exchange('GET', `services.xml?${j()}`);
    expect([services.status, root(services.xml)]).toEqual([200, 'services']);
    const definition = await exchange('GET', `services/pipe_burst.xml?${j()}`);
    expect([definition.status, root(definition.xml)]).toEqual([200, 'service_definition']);

    const form = { api_key: key, ...{ jurisdiction_id: t.env.utility.code } };
    const created = await exchange('POST', 'requests.xml', {
      ...form,
      service_code: 'pipe_burst',
      lat: '-5.1500',
      long: '119.4200',
      address_string: 'Jl. Veteran Selatan No. 12',
      description: 'Pipa pecah, air menyembur ke jalan',
      first_name: 'Andi',
      last_name: 'Wijaya',
      phone: '0812-7777-1234',
      email: 'andi@example.id',
      account_id: 'fms-user-42',
      media_url: `${photoBase}/photo/77.full.jpeg`,
      'attribute[neighbours_affected]': 'no',
    });
    expect([created.status, root(created.xml)]).toEqual([201, 'service_requests']);
    const number = textOf(created.xml, 'service_request_id');

    const byAddress = await exchange('POST', 'requests.xml', {
      ...form,
      service_code: 'no_water',
      address_string: 'Jl. Kakatua No. 14, Kel. Maccini Parang',
      description: 'Air tidak mengalir sejak pagi',
      phone: '0812-7777-5678',
      media_url: `${photoBase}/photo/77.full.jpeg`,
    });
    expect(byAddress.status).toBe(201);

    const queued = await exchange('POST', 'requests.xml', { ...form, service_code: 'visible_leak', lat: '-5.1450', long: '119.4150', phone: '0812-7777-9012', media_url: 'https://photos.example.org/leak/5.jpg' });
    expect(queued.status).toBe(202);
    const token = textOf(queued.xml, 'token');
    const tokenAnswer = await exchange('GET', `tokens/${token}.xml?${j()}`);
    expect([tokenAnswer.status, root(tokenAnswer.xml)]).toEqual([200, 'service_requests']);

    const one = await exchange('GET', `requests/${number}.xml?${j()}`);
    expect(one.status).toBe(200);
    const list = await exchange('GET', `requests.xml?${j()}&status=open&start_date=2026-11-23T00:00:00%2B08:00&end_date=2026-11-23T23:59:59%2B08:00`);
    expect((list.xml.match(/<request>/g) ?? []).length).toBe(2);

    t.env.clock.set('2026-11-23T06:00:00Z'); // repaired at 14:00
    await fixTicket(t, number, true);
    t.env.clock.set('2026-11-23T08:00:00Z'); // 16:00: the FixMyStreet user says it is not fixed
    const posted = await exchange('POST', 'servicerequestupdates.xml', {
      ...form,
      service_request_id: number,
      update_id: 'fms-comment-1001',
      updated_datetime: '2026-11-23T16:00:00+08:00',
      status: 'REOPEN',
      description: 'Masih bocor, airnya keluar lagi',
      first_name: 'Andi',
      last_name: 'Wijaya',
      email: 'andi@example.id',
    });
    expect([posted.status, root(posted.xml)]).toEqual([200, 'service_request_updates']);
    const updates = await exchange('GET', `servicerequestupdates.xml?${j()}&start_date=2026-11-23T00:00:00%2B08:00&end_date=2026-11-23T23:59:59%2B08:00`);
    expect(updates.xml).toContain(`<update_id>${textOf(posted.xml, 'update_id')}</update_id>`);
    expect(updates.xml).toContain('<status>REOPEN</status>');

    const refused = await exchange('POST', 'requests.xml', { api_key: 'o311_not-a-key', service_code: 'pipe_burst', lat: '-5.15', long: '119.42', phone: '0812-7777-1234' });
    expect([refused.status, root(refused.xml)]).toEqual([403, 'errors']);
    const outside = await exchange('POST', 'requests.xml', { ...form, service_code: 'pipe_burst', address_string: 'Jl. Cenderawasih No. 9, Mamajang', phone: '0812-7777-1234', media_url: `${photoBase}/photo/77.full.jpeg` });
    expect([outside.status, root(outside.xml)]).toEqual([400, 'errors']);
    for (const answer of [discovery, services, definition, created, byAddress, queued, tokenAnswer, one, list, posted, updates, refused, outside]) expect(answer.contentType).toBe('text/xml; charset=utf-8');
  });
});
