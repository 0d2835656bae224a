import { beforeAll, describe, expect, it } from 'vitest';
import { insideArea, sharpPhoto, useTestServer } from '../../support/db.js';
import { Open311Errors, Open311ServiceRequest } from '../../../server/features/open311/schemas.js';
import { scrubPublicText } from '../../../server/features/open311/vocabulary.js';
import { submitReport } from '../../../server/features/tickets/intake.service.js';
import { georeportForm, get, newKey, post, validFields } from '../../open311/support.js';

const t = useTestServer();
const j = () => `jurisdiction_id=${t.env.utility.code}`;

async function list(query: string) {
  const res = await get(t.server.baseUrl, `/requests.json?${j()}${query ? `&${query}` : ''}`);
  expect(res.status).toBe(200);
  return Open311ServiceRequest.array().parse(res.body);
}

describe('GET /open311/v2/requests.json pages', () => {
  const numbers: string[] = [];
  beforeAll(async () => {
    // Seven reports a minute apart (newest last), entered by the call centre.
    for (let i = 0; i < 7; i++) {
      const receipt = await submitReport(t.env.ctx, t.env.utility, {
        lat: insideArea.lat + i * 0.0002,
        lon: insideArea.lon,
        source: 'call_centre',
        category: 'visible_leak',
        phone: `0812000000${10 + i}`,
        description: `Pipa bocor ${i}`,
        photo: await sharpPhoto(),
      } as never);
      numbers.push(receipt.number);
      t.env.clock.advanceMinutes(1);
    }
  });

  it('newest first, page_size at a time; the pages add up to the whole list without overlap', async () => {
    const all = (await list('')).map((r) => r.service_request_id);
    expect(all).toEqual([...numbers].reverse());
    const pages = [await list('page_size=3'), await list('page_size=3&page=2'), await list('page_size=3&page=3'), await list('page_size=3&page=4')];
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1, 0]);
    expect(pages.flat().map((r) => r.service_request_id)).toEqual(all);
  });

  it.each([
    ['page_size=0', 'page_size'],
    ['page_size=1001', 'page_size'],
    ['page_size=2.5', 'page_size'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
  ])('refuses %s (400 VALIDATION_FAILED)', async (query, field) => {
    const res = await get(t.server.baseUrl, `/requests.json?${j()}&${query}`);
    expect(res.status).toBe(400);
    const [error] = Open311Errors.parse(res.body);
    expect(error.description).toMatch(new RegExp(`^VALIDATION_FAILED: ${field}: `));
  });
});

describe('public text hides phones, e-mails and the reporter name', () => {
  it.each([
    ['Telp 0812_3456_7890 ya', 'Telp [nomor disembunyikan] ya'],
    ['hp ０８１２-３４５６-７８９０', 'hp [nomor disembunyikan]'],
    ['0812*3456*7890 atau 0812~3456~7890', '[nomor disembunyikan] atau [nomor disembunyikan]'],
    ['email budi.s@mail.co.id. Pipa bocor', 'email [email disembunyikan]. Pipa bocor'],
    ['mail ani[at]gmail[dot]com', 'mail [email disembunyikan]'],
    ['ani (at) gmail (dot) co (dot) id', '[email disembunyikan]'],
    ['ani at gmail dot com', '[email disembunyikan]'],
    ['ani @ gmail . com', '[email disembunyikan]'],
    ['ani＠gmail．com', '[email disembunyikan]'],
    ['Kirim ke ani.w+pdam@gmail.com ya', 'Kirim ke [email disembunyikan] ya'],
    // Kept: addresses, house numbers, years, "at" before a street.
    ['Jl. Sudirman No. 12, RT 03/RW 05, pipa 2 inci, sejak 2026', 'Jl. Sudirman No. 12, RT 03/RW 05, pipa 2 inci, sejak 2026'],
    ['toko at Jl. Veteran Selatan', 'toko at Jl. Veteran Selatan'],
  ])('%s', (text, expected) => {
    expect(scrubPublicText(text)).toBe(expected);
  });

  it("hides the reporter's name as whole words, in any case, and keeps words that only contain it", () => {
    expect(scrubPublicText('Pak Andi Wijaya melapor; ANDI bilang pipa bocor dekat Candi', ['Andi Wijaya'])).toBe(
      'Pak [nama disembunyikan] [nama disembunyikan] melapor; [nama disembunyikan] bilang pipa bocor dekat Candi',
    );
  });

  it('over Open311: a submission whose description carries the name, a disguised phone and e-mail shows none of them', async () => {
    const key = await newKey(t.env);
    const res = await post(
      t.server.baseUrl,
      georeportForm(
        { ...validFields(t.env, key), first_name: 'Sitti', last_name: 'Rahmawati', description: 'Sitti Rahmawati: hubungi ０８１２_３４５６_７８９０ atau sitti [at] mail [dot] id' },
        { bytes: await sharpPhoto() },
      ),
    );
    expect(res.status).toBe(201);
    const number = res.body[0].service_request_id;
    for (const path of [`/requests/${number}.json?${j()}`, `/requests.json?${j()}&service_request_id=${number}`]) {
      const [shown] = Open311ServiceRequest.array().parse((await get(t.server.baseUrl, path)).body);
      expect(shown.description).toBe('[nama disembunyikan] [nama disembunyikan]: hubungi [nomor disembunyikan] atau [email disembunyikan]');
    }
  });
});
