/**
 * Service requests already presented, by ticket id: the JSON text of each
 * (and its XML item, made the first time XML is asked for), good while the
 * ticket row's version (xmin), the utility's presentation stamp (name, zone,
 * settings) and the entry's age allow. A list then costs the index scan of
 * its ids and versions and a join of ready texts; only tickets changed since
 * they were last shown are read and presented again (the scrubbing of phones
 * and names, W3C times, the SLA target), once each. The age limit bounds
 * what the row version cannot see: a renamed region or area, a reporter's
 * name that changed (what the scrubbing hides). Per process: each app
 * instance keeps its own. No I/O.
 */
import type { Utility } from '../utilities/service.js';

export const presentedDefaults = {
  /** Entries kept (the oldest stored go first): a 90-day window of a city of ~150 reports a day, twice. About 2 KB each with both formats. */
  maxEntries: 25_000,
  /** How long an entry is good at most, in milliseconds. */
  maxAgeMs: 10 * 60_000,
};

export interface PresentedEntry {
  version: string;
  stamp: string;
  at: number;
  json: string;
  xml: string | null;
}

export class PresentedRequests {
  private readonly entries = new Map<number, PresentedEntry>();

  constructor(
    readonly maxEntries = presentedDefaults.maxEntries,
    readonly maxAgeMs = presentedDefaults.maxAgeMs,
  ) {}

  get(id: number, version: string, stamp: string, nowMs: number): PresentedEntry | null {
    const entry = this.entries.get(id);
    if (!entry || entry.version !== version || entry.stamp !== stamp || Math.abs(nowMs - entry.at) > this.maxAgeMs) return null;
    return entry;
  }

  set(id: number, entry: PresentedEntry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** What a presented request depends on besides its row: the utility's name, zone and settings (the SLA targets). */
export function presentationStampOf(utility: Utility): string {
  return `${utility.id}|${utility.name}|${utility.timeZone}|${JSON.stringify(utility.settings)}`;
}
