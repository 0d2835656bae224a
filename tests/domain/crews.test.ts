/** The crew's week (server/core/domain/crews.ts): weekdays by calendar arithmetic, a day's shift, the import cells. */
import { describe, expect, it } from 'vitest';
import { crewDraftIssues, everyDay, parseMembers, parseShift, shiftMinutes, shiftOnDate, weekdayIndexOf, type CrewDraft } from '../../server/core/domain/crews.js';

describe('a crew\'s week', () => {
  it('finds the weekday of a date, Monday = 0, across years and before 1970', () => {
    expect(weekdayIndexOf('2026-11-23')).toBe(0); // a Monday
    expect(weekdayIndexOf('2026-11-29')).toBe(6); // a Sunday
    expect(weekdayIndexOf('2024-02-29')).toBe(3); // a Thursday
    expect(weekdayIndexOf('1969-12-31')).toBe(2); // a Wednesday
    expect(weekdayIndexOf('1970-01-01')).toBe(3);
  });

  it('gives the day\'s shift: none on a day off, before activeFrom, after activeTo, or when inactive', () => {
    const shifts = everyDay('07:30', '16:00');
    shifts[6] = null;
    const crew = { shifts, activeFrom: '2026-11-01', activeTo: '2026-11-30', active: true };
    expect(shiftOnDate(crew, '2026-11-24')).toEqual({ start: '07:30', end: '16:00' });
    expect(shiftOnDate(crew, '2026-11-29')).toBeNull(); // Sunday off
    expect(shiftOnDate(crew, '2026-10-31')).toBeNull();
    expect(shiftOnDate(crew, '2026-11-30')).not.toBeNull(); // the last day counts
    expect(shiftOnDate(crew, '2026-12-01')).toBeNull();
    expect(shiftOnDate({ ...crew, active: false }, '2026-11-24')).toBeNull();
  });

  it('reads shift cells and member lists as people type them', () => {
    expect(parseShift('7.30 - 16:00')).toEqual({ start: '07:30', end: '16:00' });
    expect(parseShift('LIBUR')).toBeNull();
    expect(parseShift('')).toBeNull();
    expect(parseShift('pagi')).toBe('invalid');
    expect(shiftMinutes({ start: '22:00', end: '06:00' })).toBe(480);
    expect(parseMembers('Andi (0812-3456-7890); Budi ;')).toEqual({ members: [{ name: 'Andi', phone: '+6281234567890' }, { name: 'Budi', phone: null }], issues: [] });
    expect(parseMembers('Citra (123)').issues).toHaveLength(1);
  });

  it('names every field at fault of a draft', () => {
    const draft: CrewDraft = { code: 'URC 1', name: 'X', base: null, baseAddress: null, members: [{ name: '', phone: null }], shifts: everyDay('08:00', '08:00'), activeFrom: '2026-02-30', activeTo: null, equipment: [''], active: true };
    expect(crewDraftIssues(draft).map((i) => i.field)).toEqual(['code', 'name', 'base', 'members.0.name', 'shifts.mon', 'shifts.tue', 'shifts.wed', 'shifts.thu', 'shifts.fri', 'shifts.sat', 'shifts.sun', 'activeFrom', 'equipment.0']);
    expect(crewDraftIssues({ ...draft, code: 'A', name: 'Regu', base: { lat: -5, lon: 119 }, members: [], shifts: everyDay('08:00', '01:00'), activeFrom: null, equipment: [] }).map((i) => i.message)).toEqual(Array(7).fill('08:00-01:00 is longer than 16 hours (an end before the start is read as the next morning)'));
    expect(crewDraftIssues({ ...draft, code: 'A', name: 'Regu', base: { lat: -5, lon: 119 }, members: [], shifts: everyDay('22:00', '06:00'), activeFrom: null, equipment: [] })).toEqual([]);
  });
});
