import { describe, expect, it } from 'vitest';
import { mergeOverrides } from '../../../server/features/settings/service.js';

describe('mergeOverrides (a PATCH of the utility settings)', () => {
  it('changes one nested value and keeps its siblings', () => {
    const stored = { sla: { critical: { respondMinutes: 10 }, high: { resolveMinutes: 600 } }, detourFactor: 1.5 };
    expect(mergeOverrides(stored, { sla: { critical: { resolveMinutes: 200 } } })).toEqual({
      sla: { critical: { respondMinutes: 10, resolveMinutes: 200 }, high: { resolveMinutes: 600 } },
      detourFactor: 1.5,
    });
  });

  it('drops a key set to null, so it goes back to the SOP default, at any depth', () => {
    const stored = { sla: { critical: { respondMinutes: 10, resolveMinutes: 200 } }, detourFactor: 1.5 };
    expect(mergeOverrides(stored, { detourFactor: null, sla: { critical: { respondMinutes: null } } })).toEqual({ sla: { critical: { resolveMinutes: 200 } } });
  });

  it('drops an object the nulls leave empty', () => {
    const stored = { sla: { critical: { respondMinutes: 10 } }, detourFactor: 1.5 };
    expect(mergeOverrides(stored, { sla: { critical: { respondMinutes: null } } })).toEqual({ detourFactor: 1.5 });
  });

  it('replaces a list whole instead of merging it item by item', () => {
    const stored = { planning: { roadlessDistricts: ['A', 'B'] } };
    expect(mergeOverrides(stored, { planning: { roadlessDistricts: ['C'] } })).toEqual({ planning: { roadlessDistricts: ['C'] } });
  });

  it('leaves the stored overrides untouched', () => {
    const stored = { sla: { critical: { respondMinutes: 10 } } };
    mergeOverrides(stored, { sla: { critical: { respondMinutes: 20 } } });
    expect(stored).toEqual({ sla: { critical: { respondMinutes: 10 } } });
  });
});
