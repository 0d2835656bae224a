import { resolveSettings, type UtilitySettings } from './settings.js';
import type { Priority } from './tickets.js';

/**
 * Incentive points (seed 000): High 5, Normal 2 per fixed ticket, credited to
 * the crew when the admin closes it. The seed gives no figure for Critical, so
 * Critical takes the High figure unless the utility sets its own: a utility
 * that raises High to 6 without naming Critical pays 6 for Critical too. That
 * needs the raw overrides, since resolved settings cannot tell "unset" from 5.
 */
export function pointsPerPriority(overrides: unknown, settings: UtilitySettings = resolveSettings(overrides)): Record<Priority, number> {
  const own = (overrides as { points?: { critical?: unknown } } | null | undefined)?.points?.critical;
  return {
    critical: typeof own === 'number' && Number.isFinite(own) ? own : settings.points.high,
    high: settings.points.high,
    normal: settings.points.normal,
  };
}

/**
 * The re-report rule (seed 003): a repeat contact within the window after the
 * fix reopens the ticket (and takes the crew's points back); later, it is a new
 * ticket. Worked example: done 14:00, contact 19:00 -> re-report; 21:00 -> new.
 */
export function isReReport(fixedAt: Date, contactAt: Date, settings: UtilitySettings): boolean {
  const hours = (contactAt.getTime() - fixedAt.getTime()) / 3_600_000;
  return hours >= 0 && hours <= settings.reReportWindowHours;
}
