import { describe, expect, it } from 'vitest';
import { statuses } from '../../server/core/domain/tickets.js';
import { open311StatusOf, scrubPublicText, statusesOf, toW3cDateTime } from '../../server/features/open311/vocabulary.js';
import { parseW3c } from '../../server/features/open311/service.js';

describe('Open311 vocabulary', () => {
  it('writes W3C date-times in the zone of the utility, with its offset (Z for UTC), whole seconds', () => {
    const instant = new Date('2026-11-23T01:00:00.750Z');
    expect(toW3cDateTime(instant, 'Asia/Makassar')).toBe('2026-11-23T09:00:00+08:00');
    expect(toW3cDateTime(instant, 'Asia/Jakarta')).toBe('2026-11-23T08:00:00+07:00');
    expect(toW3cDateTime(instant, 'Asia/Jayapura')).toBe('2026-11-23T10:00:00+09:00');
    expect(toW3cDateTime(instant, 'UTC')).toBe('2026-11-23T01:00:00Z');
    expect(toW3cDateTime(instant, 'America/New_York')).toBe('2026-11-22T20:00:00-05:00');
    expect(toW3cDateTime(new Date('2026-11-22T20:00:00Z'), 'Asia/Makassar')).toBe('2026-11-23T04:00:00+08:00'); // across midnight
  });

  it('reads W3C date-times with their zone and plain dates as local days', () => {
    expect(parseW3c('2026-11-23T09:00:00+08:00', 'start_date', 'Asia/Makassar', 'start').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(parseW3c('2026-11-23T09:00+08:00', 'start_date', 'Asia/Makassar', 'start').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(parseW3c('2026-11-23T01:00:00Z', 'start_date', 'Asia/Makassar', 'start').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(parseW3c('2026-11-23T09:00:00 08:00', 'start_date', 'Asia/Makassar', 'start').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(parseW3c('2026-11-23', 'start_date', 'Asia/Makassar', 'start').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(parseW3c('2026-11-23', 'end_date', 'Asia/Makassar', 'end').toISOString()).toBe('2026-11-23T15:59:59.999Z');
    expect(parseW3c('2026-12-31', 'end_date', 'Asia/Makassar', 'end').toISOString()).toBe('2026-12-31T15:59:59.999Z');
    for (const bad of ['2026-11-23T09:00:00', '23/11/2026', '2026-02-30', '2026-13-45T00:00:00Z', 'kemarin', '']) {
      expect(() => parseW3c(bad, 'start_date', 'Asia/Makassar', 'start')).toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('maps every status to open or closed: closed only when closed or rejected (fixed stays open until the admin closes it)', () => {
    for (const s of statuses) expect(open311StatusOf(s), s).toBe(['closed', 'rejected', 'merged', 'answered', 'forwarded'].includes(s) ? 'closed' : 'open'); // merged, answered, forwarded: issue 13
    expect(open311StatusOf('fixed')).toBe('open');
    expect(statusesOf('closed').sort()).toEqual(['answered', 'closed', 'forwarded', 'merged', 'rejected']);
    expect([...statusesOf('open'), ...statusesOf('closed')].sort()).toEqual([...statuses].sort());
  });

  it('hides phone numbers and e-mail addresses, and leaves ordinary numbers alone', () => {
    expect(scrubPublicText(null)).toBeNull();
    expect(scrubPublicText('Telp 081234567890, +62 812-3456-7890, (0411) 872345, 0411.872.345')).toBe(
      'Telp [nomor disembunyikan], [nomor disembunyikan], [nomor disembunyikan], [nomor disembunyikan]',
    );
    expect(scrubPublicText('Kirim ke ani.w+pdam@gmail.com ya')).toBe('Kirim ke [email disembunyikan] ya');
    expect(scrubPublicText('Jl. Sudirman No. 12, RT 03/RW 05, pipa 2 inci, sejak 2026')).toBe('Jl. Sudirman No. 12, RT 03/RW 05, pipa 2 inci, sejak 2026');
  });
});
