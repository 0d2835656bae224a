import { describe, expect, it } from 'vitest';
import { defaultSettings, resolveSettings, slaDueTimes } from '../../server/core/domain/settings.js';
import { localDateOf, zonedTimeToUtc, yearIn } from '../../server/core/domain/time.js';

describe('utility settings', () => {
  it('defaults to the SOP service levels', () => {
    expect(defaultSettings.sla.critical).toEqual({ respondMinutes: 15, resolveMinutes: 240, escalateTo: 'direktur' });
    expect(defaultSettings.sla.high).toEqual({ respondMinutes: 30, resolveMinutes: 720, escalateTo: 'kabag' });
    expect(defaultSettings.sla.normal).toEqual({ respondMinutes: 60, resolveMinutes: 1440, escalateTo: 'kasie' });
    expect(defaultSettings.points).toEqual({ critical: 5, high: 5, normal: 2 });
  });

  it('merges a utility override without losing the other defaults', () => {
    const s = resolveSettings({ sla: { critical: { respondMinutes: 10 } }, h3Resolution: 9 });
    expect(s.sla.critical).toEqual({ respondMinutes: 10, resolveMinutes: 240, escalateTo: 'direktur' });
    expect(s.sla.high).toEqual(defaultSettings.sla.high);
    expect(s.h3Resolution).toBe(9);
    expect(defaultSettings.sla.critical.respondMinutes).toBe(15);
  });

  it('counts due times from intake in absolute time', () => {
    const received = new Date('2026-11-23T15:50:00Z'); // 23:50 WITA
    const due = slaDueTimes(defaultSettings, 'critical', received);
    expect(due.respondDueAt.toISOString()).toBe('2026-11-23T16:05:00.000Z');
    expect(due.resolveDueAt.toISOString()).toBe('2026-11-23T19:50:00.000Z');
  });
});

describe('time zone helpers (WITA, UTC+8)', () => {
  it('converts local wall-clock times to UTC and back', () => {
    expect(zonedTimeToUtc('2026-11-23', '08:00', 'Asia/Makassar').toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(localDateOf(new Date('2026-11-23T16:30:00Z'), 'Asia/Makassar')).toBe('2026-11-24');
    expect(yearIn(new Date('2026-12-31T17:00:00Z'), 'Asia/Makassar')).toBe(2027);
  });
});
