import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalisePhone } from '../../server/core/domain/phone.js';

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    ['(0411) 872-345', '+62411872345'],
    ['0411.872.345', '+62411872345'],
  ])('%s -> %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['', '12-34', 'abc', '+1 202 555 0100', '0812', '+62 0812 3456 7890', '08123456789012345', '0812-3456-789O'])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^08[1-9][0-9]{7,10}$/), (local) => {
        const once = normalisePhone(local);
        expect(once).not.toBeNull();
        expect(normalisePhone(once!)).toBe(once);
      }),
    );
  });
});
